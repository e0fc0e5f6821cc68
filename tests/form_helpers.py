"""Filling in forms as a browser sends them."""

from django.utils import timezone


def date_parts(prefix, value) -> dict:
    """A GOV.UK date input (day, month and year boxes) as posted: blank for None."""
    if value is None:
        return {f"{prefix}_0": "", f"{prefix}_1": "", f"{prefix}_2": ""}
    return {f"{prefix}_0": str(value.day), f"{prefix}_1": str(value.month), f"{prefix}_2": str(value.year)}


def action_update_form(action, **overrides) -> dict:
    """An action's update form as the page sends it untouched: at the action's version, its status and RAG kept,
    no note, the completion date the form starts with (the action's, or today), no target date move."""
    data = {
        "version": action.version,
        "status": action.status,
        "rag": action.rag,
        "note": "",
        "target_date_reason": "",
        **date_parts("completed_on", action.completed_on or timezone.localdate()),
        **date_parts("new_target_date", None),
    }
    data.update(overrides)
    return data
