"""The pages that show the plan together with the group's work on it: an officer's My actions (with
the information the group asked of their agency), the action page (with the group's conclusions)
and an area's page. They sit above both the plan and the review, so they live here."""

from crispy_forms_gds.layout import Field, Submit
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from actionplan.filters import MyActionsFilter
from actionplan.models import Action
from actionplan.permissions import may_see_evidence_file
from scrutiny.core.formtools import gds_helper
from scrutiny.people.permissions import has_capability

from ..conclusions_table import conclusions_for_action
from ..models import InformationRequest, Meeting, Review
from ..permissions import get_action_for_user, get_area_for_user, inspections_visible_to

PAGE_SIZE = 25
LIST_RELATED = ("area__theme", "area__inspection", "lead_agency", "lead_officer")


def next_meetings(inspection_ids, today) -> dict:
    """Each inspection's next meeting: the soonest coming meeting of a live review that scrutinises it.
    One query, however many inspections."""
    coming = (
        Meeting.objects.upcoming(today)
        .filter(review__inspection_id__in=list(inspection_ids))
        .exclude(review__state=Review.State.CLOSED)
        .select_related("review")
    )
    found = {}
    for meeting in coming:
        found.setdefault(meeting.review.inspection_id, meeting)
    return found


def mark_timing(actions, today, meetings: dict):
    """Overdue and due-before-the-next-meeting (of the review of the action's inspection) are facts
    from the dates, worked out once here."""
    for action in actions:
        meeting = meetings.get(action.area.inspection_id)
        action.flag_overdue = action.is_overdue(today)
        action.flag_due_soon = bool(
            meeting and action.is_open and action.target_date and today <= action.target_date < meeting.date
        )


def due_soon_condition(today, meetings: dict) -> Q:
    """Open actions due from today until the next meeting of their own inspection's review."""
    condition = Q(pk__in=[])
    for inspection_id, meeting in meetings.items():
        condition |= Q(area__inspection_id=inspection_id, target_date__gte=today, target_date__lt=meeting.date)
    return Q(status__in=Action.OPEN_STATUSES) & condition


def record_links(user, inspection_id, subject: str, *, page: str) -> list[dict]:
    """ "Record a conclusion" and "Ask for information" about one action or area (`subject` is
    "action=<pk>" or "area=<pk>"), for each open review of its inspection the user writes into.
    The conclusion's form leads back to `page`, the action's or area's own."""
    reviews = Review.objects.filter(inspection_id=inspection_id).exclude(state=Review.State.CLOSED).order_by("pk")
    back = urlencode({"next": page})
    return [
        {
            "review": review,
            "conclusion_url": f"{reverse('conclusion_add', args=[review.pk])}?{subject}&{back}",
            "request_url": f"{reverse('request_add', args=[review.pk])}?{subject}",
        }
        for review in reviews
        if user.can_write_review(review)
    ]


def list_counts(queryset, today, meetings: dict) -> dict:
    open_q = Q(status__in=Action.OPEN_STATUSES)
    due_soon = due_soon_condition(today, meetings)
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
    """Every live plan's actions the user may work on, across inspections: an officer's agency's, or
    (for the group) those of the inspections their reviews scrutinise."""
    user = request.user
    officer_view = not has_capability(user, "sees_every_agency")
    inspections = inspections_visible_to(user)
    actions = Action.objects.filter(area__inspection__in=inspections)
    if officer_view:
        actions = actions.for_agency(user.agency_id)
    today = timezone.localdate()
    meetings = next_meetings(inspections.values_list("pk", flat=True), today)
    filterset = MyActionsFilter(
        request.GET or None,
        queryset=actions,
        show_agency=not officer_view,
        inspections=inspections,
        due_soon=due_soon_condition(today, meetings) if meetings else None,
    )
    filterset.form.helper = gds_helper(
        *[Field.select(name) for name in filterset.form.fields],
        Submit("apply", "Apply filters"),
    )
    shown = filterset.qs if filterset.is_valid() else actions.order_by(*MyActionsFilter.SORTS["target"])
    page = Paginator(shown.select_related(*LIST_RELATED).with_last_update(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    mark_timing(page.object_list, today, meetings)
    requests = []
    if officer_view:
        requests = list(
            InformationRequest.objects.open()
            .for_agency(user.agency_id)
            .exclude(review__state=Review.State.CLOSED)
            .select_related("review", "meeting", "action__area", "area")
            .order_by("due_by", "raised_on")
        )
    return render(
        request,
        "actionplan/my_actions.html",
        {
            "officer_view": officer_view,
            "filter": filterset,
            "page": page,
            "counts": list_counts(shown, today, meetings),
            "next_meetings": sorted(meetings.values(), key=lambda m: (m.date, m.pk)),
            "information_requests": requests,
            "today": today,
            "filtered": any(v for k, v in request.GET.items() if k not in ("page", "sort")),
        },
    )


@login_required
@require_GET
def action_detail(request, pk):
    action = get_action_for_user(request, pk)
    today = timezone.localdate()
    meetings = next_meetings([action.area.inspection_id], today)
    mark_timing([action], today, meetings)
    date_changes = list(action.target_date_changes.select_related("changed_by__person").order_by("changed_at", "id"))
    evidence = list(action.evidence.select_related("provided_by", "provided_by_agency", "added_by__person"))
    for item in evidence:
        item.may_download = may_see_evidence_file(request.user, item)
    return render(
        request,
        "actionplan/action_detail.html",
        {
            "action": action,
            "other_areas": list(action.other_areas.all()),
            "date_changes": date_changes,
            # Setting a first target date is not a move, nor is its day count a slip.
            "moves": [change for change in date_changes if change.old_date],
            "first_target_date": (
                (date_changes[0].old_date or date_changes[0].new_date) if date_changes else action.target_date
            ),
            "days_slipped": sum(change.days_moved or 0 for change in date_changes),
            "updates": list(action.progress_updates.select_related("author__person")),
            "evidence": evidence,
            "conclusions": conclusions_for_action(action),
            "can_edit": request.user.can_edit_action(action),
            "next_meeting": meetings.get(action.area.inspection_id),
            "record_links": record_links(
                request.user, action.area.inspection_id, f"action={action.pk}", page=action.get_absolute_url()
            ),
        },
    )


@login_required
@require_GET
def area_detail(request, pk):
    area = get_area_for_user(request, pk)
    actions = list(area.actions.select_related(*LIST_RELATED).with_last_update().order_by("reference", "id"))
    contributing = list(
        area.contributing_actions.select_related(*LIST_RELATED).with_last_update().order_by("reference", "id")
    )
    today = timezone.localdate()
    mark_timing(actions + contributing, today, next_meetings([area.inspection_id], today))
    return render(
        request,
        "actionplan/area_detail.html",
        {
            "area": area,
            "actions": actions,
            "contributing": contributing,
            "conclusions": list(area.conclusions.select_related("meeting", "review").order_by("reached_on", "id")),
            "record_links": record_links(
                request.user, area.inspection_id, f"area={area.pk}", page=area.get_absolute_url()
            ),
        },
    )
