"""The plan as it stood at a past moment, rebuilt from the history: one query per model."""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone

from actionplan.models import Action, Area, Theme
from scrutiny.people.models import Agency

from .timeline import state_at


@dataclass
class PastArea:
    row: object  # the area's history row at that moment
    theme_name: str
    actions: list = field(default_factory=list)


@dataclass
class PastPlan:
    moment: datetime.datetime
    day: datetime.date
    areas: list[PastArea]
    action_count: int


def plan_as_at(*, inspection, moment: datetime.datetime, theme_id=None, agency_id=None) -> PastPlan:
    # The filters apply to each record's row at the moment, in the database (state_at).
    area_filter = {"theme_id": theme_id} if theme_id else {}
    areas = state_at(Area.history.filter(inspection_id=inspection.pk), moment, **area_filter)
    action_filter = {"lead_agency_id": agency_id} if agency_id else {}
    # Only the actions of areas that stood then are shown: only those are read (none, and no query, when
    # no area had been recorded by then).
    action_filter["area_id__in"] = [a.id for a in areas]
    actions = actions_at(inspection, moment, **action_filter)
    # Names of themes and agencies are shown as they are now: they are labels, not the plan.
    themes = dict(Theme.objects.values_list("pk", "name"))
    agencies = dict(Agency.objects.values_list("pk", "short_name"))
    by_area: dict[int, PastArea] = {
        a.id: PastArea(row=a, theme_name=themes.get(a.theme_id, "No theme"))
        for a in sorted(areas, key=lambda a: a.number)
    }
    day = timezone.localdate(moment - datetime.timedelta(microseconds=1))
    count = 0
    for action in sorted(actions, key=lambda a: (a.reference, a.id)):
        if action.area_id in by_area:
            action.lead_agency_name = agencies.get(action.lead_agency_id, "")
            action.status_label = dict(Action.Status.choices).get(action.status, action.status)
            action.rag_label = dict(Action.Rag.choices).get(action.rag, "")
            action.was_overdue = bool(
                action.status in Action.OPEN_STATUSES and action.target_date and action.target_date < day
            )
            by_area[action.area_id].actions.append(action)
            count += 1
    return PastPlan(moment=moment, day=day, areas=list(by_area.values()), action_count=count)


def actions_at(inspection, moment: datetime.datetime, **as_they_stood) -> list:
    """The inspection's actions as they stood at `moment`, as history rows (as state_at gives them).

    Instead of comparing every row up to the moment with every later one, the database steps once down
    the (id, history_date, history_id, ...) index of each action that could be there: those in the plans
    now and those deleted from them (the partial index of deletion rows, migration actionplan 0004).
    So the cost follows the plan's actions, not the length of its history. (An action moved since to
    another inspection's plan, which only the admin could do, is not looked for.)"""
    History = Action.history.model
    in_plans = Action.objects.filter(plan__inspection_id=inspection.pk).order_by().values("id")
    deleted = History.objects.filter(plan__inspection_id=inspection.pk, history_type="-").order_by().values("id")
    ids_sql, ids_params = in_plans.union(deleted).query.sql_with_params()
    h = connection.ops.quote_name(History._meta.db_table)
    last_rows = RawSQL(
        f"SELECT (SELECT h.history_id FROM {h} h WHERE h.id = ids.id AND h.history_date <= %s "  # noqa: S608
        f"ORDER BY h.history_date DESC, h.history_id DESC LIMIT 1) FROM ({ids_sql}) ids",
        [connection.ops.adapt_datetimefield_value(moment), *ids_params],
    )
    rows = Action.history.filter(history_id__in=last_rows, plan__inspection_id=inspection.pk)
    return list(rows.exclude(history_type="-").filter(**as_they_stood))
