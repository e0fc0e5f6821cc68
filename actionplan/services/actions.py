"""Changing an action: status, RAG, completion, target date, progress notes. Every write is
atomic, locks the action's row, refuses stale versions and records who made it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from scrutiny.core import writes

from ..models import Action, ProgressUpdate, TargetDateChange


class ActionConflict(Exception):
    """Someone saved the action after this edit began: nothing was written."""

    def __init__(self, action: Action, expected_version: int):
        super().__init__(f"{action} is at version {action.version}, not {expected_version}")
        self.action = action
        self.expected_version = expected_version


def update_rule_errors(*, baseline, status, rag, note, completed_on, new_target_date, target_date_reason) -> dict:
    """The rules of an update, checked against the state the person started from. {field: message}."""
    errors = {}
    moves_date = new_target_date is not None and new_target_date != baseline.target_date
    changes_status_or_rag = status != baseline.status or rag != baseline.rag
    if changes_status_or_rag and not note.strip():
        errors["note"] = "Write a short update saying what changed, because you changed the status or RAG rating"
    if moves_date and not target_date_reason.strip():
        errors["target_date_reason"] = "Say why the target date is moving"
    if status in Action.COMPLETED_STATUSES and completed_on and completed_on > timezone.localdate():
        errors["completed_on"] = "The completion date must be today or in the past"
    if not (changes_status_or_rag or moves_date or note.strip()):
        errors["__all__"] = "Nothing to save: change the status, RAG rating or target date, or write an update"
    return errors


def _date_text(value: datetime.date | None) -> str:
    return f"{value:%-d %B %Y}" if value else "no date"


def update_action(
    *,
    actor,
    action,
    expected_version,
    status,
    rag,
    note,
    completed_on=None,
    new_target_date=None,
    target_date_reason="",
) -> Action:
    note, target_date_reason = note.strip(), target_date_reason.strip()
    with transaction.atomic():
        locked = writes.locked(action)
        if locked.version != expected_version:
            raise ActionConflict(locked, expected_version)
        errors = update_rule_errors(
            baseline=locked,
            status=status,
            rag=rag,
            note=note,
            completed_on=completed_on,
            new_target_date=new_target_date,
            target_date_reason=target_date_reason,
        )
        if errors:
            raise ValidationError(errors)

        moves_date = new_target_date is not None and new_target_date != locked.target_date
        changes = status != locked.status or rag != locked.rag
        lines = [note] if note else []
        if moves_date:
            change = TargetDateChange(
                action=locked,
                old_date=locked.target_date,
                new_date=new_target_date,
                reason=target_date_reason,
                changed_by=actor,
            )
            change._history_user = actor
            change.save()
            lines.append(
                f"Target date moved from {_date_text(locked.target_date)} to {_date_text(new_target_date)}: "
                f"{target_date_reason}"
            )
            locked.target_date = new_target_date
        if status in Action.COMPLETED_STATUSES:
            # The model requires a completion date for a completed action, and none otherwise.
            new_completed_on = completed_on or locked.completed_on or timezone.localdate()
        else:
            new_completed_on = None
        changes = changes or new_completed_on != locked.completed_on or moves_date
        locked.status, locked.rag, locked.completed_on = status, rag, new_completed_on
        if changes:
            locked._history_user = actor
            locked.save()
        _record_progress(actor=actor, action=locked, note="\n\n".join(lines))
    return locked


def add_progress_note(*, actor, action, note, dated: datetime.datetime | None = None) -> ProgressUpdate:
    """A note on the action as it stands now, changing none of its fields. `dated`: when the update was
    given, if not now (a plan's progress column, imported later)."""
    note = note.strip()
    if not note:
        raise ValidationError({"note": "Write the update you want to keep"})
    with transaction.atomic():
        locked = writes.locked(action)
        return _record_progress(actor=actor, action=locked, note=note, dated=dated)


def _record_progress(*, actor, action, note, dated=None) -> ProgressUpdate:
    update = ProgressUpdate(
        action=action, author=actor, status=action.status, rag=action.rag, note=note, created_at=dated or timezone.now()
    )
    update._history_user = actor
    update.save()
    return update


def changes_since(action: Action, version: int):
    """What others changed after `version`: history entries (old -> new) and their notes."""
    from scrutiny.core.history import history_entries

    entries = [e for e in history_entries(action) if e.record.version > version]
    started = (
        action.history.filter(version=version).order_by("history_date").values_list("history_date", flat=True).first()
    )
    notes = action.progress_updates.select_related("author__person")
    if started:
        notes = notes.filter(created_at__gt=started)
    else:
        notes = notes.none()
    return entries, list(notes)
