"""Officers' update form, with its conflict page when someone else saved first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from scrutiny.core.writes import posted, submit_form

from ..forms.actions import ActionUpdateForm, ConflictChoiceForm
from ..models import Action
from ..permissions import get_action_to_edit
from ..services.actions import (
    ActionConflict,
    add_progress_note,
    changes_since,
    update_action,
)


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
    baseline = starting_state(action, request.POST.get("version")) if request.method == "POST" else None
    return save_update(request, action, ActionUpdateForm(posted(request), action=action, baseline=baseline))


def save_update(request, action, form):
    def save(form):
        try:
            update_action(actor=request.user, action=action, **form.service_arguments())
        except ActionConflict as conflict:
            return conflict_page(request, conflict.action, form)
        return action

    return submit_form(
        request,
        form,
        save,
        template="actionplan/action_update.html",
        context={"action": action},
        success=f"Your update to {action} has been saved.",
    )


def conflict_page(request, current, mine, choice=None):
    # Everything since the version this person first started from, however many times they retried.
    try:
        started = int(request.POST.get("version"))
    except (TypeError, ValueError):
        started = current.version
    entries, notes = changes_since(current, started)
    choice = choice or ConflictChoiceForm(initial={"seen_version": current.version})
    kept = [
        (key, value)
        for key, values in request.POST.lists()
        for value in values
        if key not in ("csrfmiddlewaretoken", "resolution", "seen_version", "submit")
    ]
    return render(
        request,
        "actionplan/action_conflict.html",
        {
            "action": current,
            "entries": entries,
            "notes": notes,
            "mine": mine.cleaned_data,
            "kept": kept,
            "choice": choice,
            "status_labels": dict(Action.Status.choices),
            "rag_labels": dict(Action.Rag.choices),
        },
        status=409,
    )


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
    return save_update(
        request, action, ActionUpdateForm(data, action=action, baseline=starting_state(action, data["version"]))
    )
