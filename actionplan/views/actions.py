"""Officers' actions: the My actions list, the action page, and the update form with its
conflict page when someone else saved first."""

from crispy_forms_gds.layout import Field, Submit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from scrutiny.conclusions_table import conclusions_for_action
from scrutiny.formtools import gds_helper
from scrutiny.models import InformationRequest, Meeting

from ..filters import MyActionsFilter
from ..forms import ActionUpdateForm, ConflictChoiceForm
from ..models import Action
from ..permissions import get_action_for_user, get_action_to_edit, may_see_evidence_file
from ..services.actions import (
    ActionConflict,
    add_progress_note,
    changes_since,
    update_action,
)

PAGE_SIZE = 25
LIST_RELATED = ("area__theme", "area__inspection", "lead_agency", "lead_officer")


def next_meeting():
    return Meeting.objects.upcoming().select_related("review").first()


def mark_timing(actions, today, meeting):
    """Overdue and due-before-the-next-meeting are facts from the dates, worked out once here."""
    for action in actions:
        action.flag_overdue = action.is_overdue(today)
        action.flag_due_soon = bool(
            meeting and action.is_open and action.target_date and today <= action.target_date < meeting.date
        )


def list_counts(queryset, today, meeting) -> dict:
    open_q = Q(status__in=Action.OPEN_STATUSES)
    due_soon = open_q & Q(target_date__gte=today, target_date__lt=meeting.date) if meeting else Q(pk__in=[])
    return queryset.order_by().aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=open_q & Q(target_date__lt=today)),
        due_soon=Count("pk", filter=due_soon),
        not_started=Count("pk", filter=Q(status=Action.Status.NOT_STARTED)),
        in_progress=Count("pk", filter=Q(status=Action.Status.IN_PROGRESS)),
        completed=Count("pk", filter=Q(status__in=Action.COMPLETED_STATUSES)),
    )


@login_required
@require_GET
def my_actions(request):
    user = request.user
    officer_view = not user.role_obj.sees_every_agency
    actions = Action.objects.for_agency(user.agency_id) if officer_view else Action.objects.all()
    filterset = MyActionsFilter(request.GET or None, queryset=actions, show_agency=not officer_view)
    filterset.form.helper = gds_helper(
        *[Field.select(name) for name in filterset.form.fields], Submit("apply", "Apply filters"),
    )
    shown = filterset.qs if filterset.is_valid() else actions.order_by(*MyActionsFilter.SORTS["target"])
    today, meeting = timezone.localdate(), next_meeting()
    page = Paginator(shown.select_related(*LIST_RELATED).with_last_update(), PAGE_SIZE).get_page(request.GET.get("page"))
    mark_timing(page.object_list, today, meeting)
    requests = []
    if officer_view:
        requests = list(
            InformationRequest.objects.open().for_agency(user.agency_id)
            .select_related("meeting", "action__area", "area").order_by("due_by", "raised_on")
        )
    return render(request, "actionplan/my_actions.html", {
        "officer_view": officer_view, "filter": filterset, "page": page, "counts": list_counts(shown, today, meeting),
        "page_numbers": list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
        "next_meeting": meeting, "information_requests": requests, "today": today,
        "filtered": any(v for k, v in request.GET.items() if k not in ("page", "sort")),
    })


@login_required
@require_GET
def action_detail(request, pk):
    action = get_action_for_user(request, pk)
    today, meeting = timezone.localdate(), next_meeting()
    mark_timing([action], today, meeting)
    date_changes = list(action.target_date_changes.select_related("changed_by__person").order_by("changed_at", "id"))
    evidence = list(action.evidence.select_related("provided_by", "provided_by_agency", "added_by__person"))
    for item in evidence:
        item.may_download = may_see_evidence_file(request.user, item)
    return render(request, "actionplan/action_detail.html", {
        "action": action,
        "other_areas": list(action.other_areas.all()),
        "date_changes": date_changes,
        "first_target_date": date_changes[0].old_date if date_changes else action.target_date,
        "days_slipped": sum(change.days_moved or 0 for change in date_changes),
        "updates": list(action.progress_updates.select_related("author__person")),
        "evidence": evidence,
        "conclusions": conclusions_for_action(action),
        "can_edit": request.user.can_edit_action(action),
        "next_meeting": meeting,
    })


def starting_state(action, posted_version):
    """The action as the person saw it when they began: now, or its history row at that version."""
    try:
        version = int(posted_version)
    except (TypeError, ValueError):
        return action
    if version == action.version:
        return action
    return action.history.filter(version=version).order_by("-history_date").first() or action


@login_required
@require_http_methods(["GET", "POST"])
def action_update(request, pk):
    action = get_action_to_edit(request, pk)
    if request.method == "POST" and "resolution" in request.POST:
        return resolve_conflict(request, action)
    if request.method == "POST":
        form = ActionUpdateForm(
            request.POST, action=action, baseline=starting_state(action, request.POST.get("version"))
        )
        if form.is_valid():
            return save_update(request, action, form)
    else:
        form = ActionUpdateForm(action=action)
    return render(request, "actionplan/action_update.html", {"action": action, "form": form})


def save_update(request, action, form):
    try:
        update_action(actor=request.user, action=action, **form.service_arguments())
    except ActionConflict as conflict:
        return conflict_page(request, conflict.action, form)
    except ValidationError as error:
        # The action changed between the form's checks and the lock: show why, save nothing.
        for field, field_errors in error.message_dict.items():
            for message in field_errors:
                form.add_error(None if field == "__all__" else field, message)
        return render(request, "actionplan/action_update.html", {"action": action, "form": form})
    messages.success(request, f"Your update to {action} has been saved.")
    return redirect(action)


def conflict_page(request, current, mine, choice=None):
    # Everything since the version this person first started from, however many times they retried.
    try:
        started = int(request.POST.get("version"))
    except (TypeError, ValueError):
        started = current.version
    entries, notes = changes_since(current, started)
    choice = choice or ConflictChoiceForm(initial={"seen_version": current.version})
    kept = [
        (key, value) for key, values in request.POST.lists() for value in values
        if key not in ("csrfmiddlewaretoken", "resolution", "seen_version", "submit")
    ]
    return render(request, "actionplan/action_conflict.html", {
        "action": current, "entries": entries, "notes": notes, "mine": mine.cleaned_data, "kept": kept,
        "choice": choice, "status_labels": dict(Action.Status.choices), "rag_labels": dict(Action.Rag.choices),
    }, status=409)


def resolve_conflict(request, action):
    mine = ActionUpdateForm(request.POST, action=action, baseline=starting_state(action, request.POST.get("version")))
    mine.is_valid()
    choice = ConflictChoiceForm(request.POST)
    if not choice.is_valid():
        return conflict_page(request, action, mine, choice)
    resolution = choice.cleaned_data["resolution"]
    if resolution == ConflictChoiceForm.CANCEL:
        messages.info(request, "Your update was not saved. The action is as the other person left it.")
        return redirect(action)
    if resolution == ConflictChoiceForm.NOTE_ONLY:
        try:
            add_progress_note(actor=request.user, action=action, note=request.POST.get("note", ""))
        except ValidationError:
            choice.add_error("resolution", "Your update had no written note to keep: choose another option")
            return conflict_page(request, action, mine, choice)
        messages.success(request, f"Your note on {action} has been saved. None of its fields were changed.")
        return redirect(action)
    # Re-apply: check the update again against the state now on screen, then save it.
    data = request.POST.copy()
    data["version"] = str(choice.cleaned_data["seen_version"])
    form = ActionUpdateForm(data, action=action, baseline=starting_state(action, data["version"]))
    if form.is_valid():
        return save_update(request, action, form)
    return render(request, "actionplan/action_update.html", {"action": action, "form": form})
