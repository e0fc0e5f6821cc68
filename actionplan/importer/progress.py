"""A plan's progress column: each row's text becomes a dated progress update on its action (unless the
action's latest update already says the same), and the preview says so, with the date it will carry."""

import datetime

from ..models import ProgressUpdate
from .headers import column_name
from .notes import row_ranges
from .values import clean_text


def latest_notes(inspection) -> dict[int, str]:
    """Each action's latest progress note, in one query."""
    if inspection is None:
        return {}
    notes: dict[int, str] = {}
    updates = ProgressUpdate.objects.filter(action__area__inspection=inspection)
    updates = updates.order_by("action_id", "-created_at", "-id")
    for action_id, note in updates.values_list("action_id", "note"):
        notes.setdefault(action_id, clean_text(note))
    return notes


def attach_progress(preview, latest: dict[int, str]) -> None:
    """Sets `outcome.progress` on every outcome whose progress cell says something new."""
    for outcome in [*preview.creates, *preview.updates, *preview.unchanged]:
        text = outcome.row.values.get("progress", "")
        if text and (outcome.action is None or latest.get(outcome.action.pk, "") != text):
            outcome.progress = text
            preview.progress.append(outcome)


def progress_date(options, today: datetime.date) -> datetime.date:
    return options.progress_date or today


def describe(preview, table, mapping, today: datetime.date) -> None:
    """What the preview states about progress and proposed completions."""
    if preview.progress:
        date = progress_date(preview.options, today)
        count = len(preview.progress)
        preview.assumed.append(
            f"{column_name(table.headers, mapping['progress'])} becomes a progress update on {count} "
            f"action{'s' if count != 1 else ''}, written by you as the importer and dated {date:%-d %B %Y}."
        )
    if "progress" in mapping:
        repeated = [o for o in preview.updates + preview.unchanged if o.row.values.get("progress") and not o.progress]
        if repeated:
            preview.skipped.append(
                f"Row{'s' if len(repeated) > 1 else ''} {row_ranges([o.row.row for o in repeated])}: the progress "
                "cell repeats the action's latest update, so no new update is added."
            )
    proposed = [o for o in preview.creates + preview.updates if o.row.completed_hint and "status" in o.values]
    if proposed:
        reasons = sorted({o.row.completed_hint for o in proposed})
        preview.assumed.append(
            "The plan has no status column, so actions rated Blue or with a timescale of “Completed” are proposed "
            f"as Completed: row{'s' if len(proposed) > 1 else ''} {row_ranges([o.row.row for o in proposed])}"
            f" ({'; '.join(reasons)})."
        )
