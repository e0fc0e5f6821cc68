"""Lines for records that were deleted: members read them as removals, with who removed them and when,
never as the record's last state (a deleted conclusion is a withdrawn one, not a recorded one)."""

from django.db.models import OuterRef, Subquery

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


def actions_ever(inspection):
    """The ids of every action the inspection's plans have had, deleted ones included: deleting an action
    deletes its updates, but what they said was still said."""
    return Action.history.filter(plan__inspection_id=inspection.pk).values("id")


# The area of a row's action from the action's last history row, so a deleted action's updates keep their area.
AREA_OF_ACTION = Subquery(
    Action.history.filter(id=OuterRef("action_id")).order_by("-history_date", "-history_id").values("area_id")[:1]
)


def updates_in_period(inspection, *, fields, **period):
    """The changes digest's progress updates (only ever added): every update's history row of the
    period, narrowed to the inspection's actions once per action (not once per row), by the area of
    the action's last row, deleted actions' included."""
    return newest_additions(
        ProgressUpdate.history.filter(history_type="+"),
        kind="update",
        record="action_id",
        records=actions_ever(inspection),
        area=AREA_OF_ACTION,
        fields=fields,
        **period,
    )
