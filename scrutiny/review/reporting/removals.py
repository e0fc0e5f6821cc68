"""Lines for records that were deleted: members read them as removals, with who removed them and when,
never as the record's last state (a deleted conclusion is a withdrawn one, not a recorded one)."""

from django.db.models import F

from actionplan.models import Action, ProgressUpdate

from .change_rows import newest_additions

# The kind of line each deleted record gives (an SQL condition on the paired history row p; see change_rows.py).
REMOVED = "p.history_type = '-'"


def removed_line(line_class, common: dict, what: str, *, was: str = "", detail: str = ""):
    """`what` ("Evidence removed", "Conclusion withdrawn") by the row's user at its time; `was` is the
    record's last state, shown as the old value, so members see what went. No link: the page is gone."""
    common = {key: value for key, value in common.items() if key not in ("link_name", "link_args")}
    return line_class(**common, what=what, old=was, new="Removed", detail=detail)


def area_label(number, area_id) -> str:
    """An area as members know it, by its number; its record id only if the area itself has gone."""
    if number is not None:
        return f"Area {number}"
    return f"An area no longer in the plan (record {area_id})" if area_id else "No area"


def actions_ever(inspection, area_ids=None):
    """Every action the inspection's plans have had, deleted ones included (deleting an action deletes its
    updates, but what they said was still said), as (owner, owner_area) values: a live action in the area
    it is in now, a deleted one in the area it was in when deleted. `area_ids` keeps only those areas'."""
    live = Action.objects.filter(plan__inspection_id=inspection.pk)
    deleted = Action.history.filter(history_type="-", plan__inspection_id=inspection.pk).exclude(
        id__in=Action.objects.values("id")
    )
    if area_ids is not None:
        live, deleted = live.filter(area_id__in=area_ids), deleted.filter(area_id__in=area_ids)
    owned = {"owner": F("id"), "owner_area": F("area_id")}
    return live.values(**owned).order_by().union(deleted.values(**owned).order_by(), all=True)


def updates_in_period(inspection, *, fields, area_ids=None, **period):
    """The changes digest's progress updates (only ever added): the inspection's actions chosen first (of
    the page's areas), then their updates' history rows of the period, counted by the action's area."""
    if area_ids is not None and not area_ids:
        return {}
    return newest_additions(
        ProgressUpdate.history.filter(history_type="+"),
        kind="update",
        record="action_id",
        owners=actions_ever(inspection, area_ids),
        fields=fields,
        **period,
    )
