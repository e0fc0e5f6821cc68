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
            # A choice already made met yet another change: say so, rather than showing the same page again.
            "changed_again": "resolution" in request.POST and not choice.is_bound,
            "options": conflict_options(current, mine.cleaned_data),
            "mine": mine.cleaned_data,
            "kept": kept,
            "choice": choice,
            "status_labels": dict(Action.Status.choices),
            "rag_labels": dict(Action.Rag.choices),
        },
        status=409,
    )


def conflict_options(current, mine: dict) -> list[tuple[str, str, str]]:
    """Each choice on the conflict page with what it will do to this action, in its own words."""
    status, rag = dict(Action.Status.choices), dict(Action.Rag.choices)
    now = f"{status.get(current.status)}, RAG {rag.get(current.rag, '').lower() or 'not rated'}"
    yours = (
        f"{status.get(mine.get('status'), 'unchanged')}, RAG {rag.get(mine.get('rag', ''), '').lower() or 'not rated'}"
    )
    reapply = f"The action becomes {yours}" + ("" if yours == now else f", instead of their {now}")
    if mine.get("new_target_date"):
        reapply += f"; its target date moves to {mine['new_target_date']:%-d %B %Y}"
    reapply += "; your written update is added." if (mine.get("note") or "").strip() else "."
    if (mine.get("note") or "").strip():
        note_only = f"The action stays {now}, as they left it; your written update is added to it."
    else:
        note_only = "You wrote no update, so there is nothing to keep this way: choose another option."
    cancel = f"Nothing of yours is saved. The action stays {now}, and you go back to its page."
    hints = {
        ConflictChoiceForm.REAPPLY: reapply,
        ConflictChoiceForm.NOTE_ONLY: note_only,
        ConflictChoiceForm.CANCEL: cancel,
    }
    return [(value, label, hints[value]) for value, label in ConflictChoiceForm.base_fields["resolution"].choices]


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
