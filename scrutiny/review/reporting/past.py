"""The plan as it stood at a past moment, rebuilt from the history: counted in SQL, read a page at a time."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from actionplan.models import Action, Area, Theme
from scrutiny.people.models import Agency

from .timeline import state_at

STATUS_LABELS = dict(Action.Status.choices)
RAG_LABELS = dict(Action.Rag.choices)


@dataclass
class PastArea:
    row: object  # the area's history row at that moment
    theme_name: str
    action_count: int  # its actions then, whether or not the page shows them all
    continued: bool = False  # the page starts part-way through its actions
    actions: list = field(default_factory=list)


@dataclass
class StatusCount:
    label: str
    count: int


class PastPlan:
    """The plan as it stood at `moment`, as a sequence a Paginator pages without reading it all.

    In plan order (area number, then action reference) each area takes one place per action it had then,
    or one place when it had none (to say so). The counts of actions per area and per status are one
    grouped query over the whole plan; a slice reads only the actions it holds (one query). `areas` is
    the whole plan, every action read."""

    def __init__(
        self, *, inspection, moment: datetime.datetime, theme_id=None, agency_id=None, themes=None, agencies=None
    ):
        self.moment = moment
        # Names of themes and agencies are shown as they are now: they are labels, not the plan. A page that
        # lists them anyway (to filter by) passes them in.
        self._themes, self._agencies = themes, agencies
        self.day = timezone.localdate(moment - datetime.timedelta(microseconds=1))
        self.first_shown = self.last_shown = 0  # the numbers of the actions the last slice holds
        # The filters apply to each record's row at the moment, in the database (state_at).
        area_filter = {"theme_id": theme_id} if theme_id else {}
        areas = state_at(Area.history.filter(inspection_id=inspection.pk), moment, **area_filter)
        self.area_rows = sorted(areas, key=lambda a: (a.number, a.id))
        action_filter = {"lead_agency_id": agency_id} if agency_id else {}
        # Only the actions of areas that stood then are shown: only those are read (none, and no query, when
        # no area had been recorded by then).
        self._actions = actions_at(inspection, moment, area_id__in=[a.id for a in areas], **action_filter)

    @cached_property
    def _counts(self) -> list[dict]:
        late = Q(status__in=Action.OPEN_STATUSES, target_date__lt=self.day)
        grouped = self._actions.order_by().values("area_id", "status")
        return list(grouped.annotate(n=Count("history_id"), late=Count("history_id", filter=late)))

    @cached_property
    def _per_area(self) -> dict[int, int]:
        per_area: dict[int, int] = {}
        for group in self._counts:
            per_area[group["area_id"]] = per_area.get(group["area_id"], 0) + group["n"]
        return per_area

    @property
    def area_count(self) -> int:
        return len(self.area_rows)

    @property
    def action_count(self) -> int:
        return sum(group["n"] for group in self._counts)

    @property
    def overdue_count(self) -> int:
        return sum(group["late"] for group in self._counts)

    @property
    def status_counts(self) -> list[StatusCount]:
        """How many actions had each status then, in the order of the statuses, leaving out those with none."""
        by_status: dict[str, int] = {}
        for group in self._counts:
            by_status[group["status"]] = by_status.get(group["status"], 0) + group["n"]
        ordered = [*STATUS_LABELS, *sorted(set(by_status) - set(STATUS_LABELS))]
        return [StatusCount(STATUS_LABELS.get(s, s), by_status[s]) for s in ordered if by_status.get(s)]

    def __bool__(self) -> bool:
        return True  # a plan with no areas yet is still the plan at that moment (not "no plan chosen")

    def __len__(self) -> int:
        return sum(max(self._per_area.get(a.id, 0), 1) for a in self.area_rows)

    def __getitem__(self, window: slice) -> list[PastArea]:
        start, stop = window.start or 0, len(self) if window.stop is None else window.stop
        themes = self._theme_names() if start < stop and self.area_rows else {}
        shown, skip, take, position, before = [], 0, 0, 0, 0
        for row in self.area_rows:  # the area's places are from `position`
            n = self._per_area.get(row.id, 0)
            places = max(n, 1)
            if position < stop and position + places > start:
                first, last = max(start, position), min(stop, position + places)
                if not shown:
                    skip, self.first_shown = first - position, before + first - position + 1
                if n:
                    take += last - first
                shown.append(PastArea(row, themes.get(row.theme_id, "No theme"), n, continued=first > position))
            position, before = position + places, before + n
        self.last_shown = self.first_shown + take - 1 if take else self.first_shown - 1
        if take:
            self._fill(shown, skip, take)
        return shown

    def _fill(self, shown: list[PastArea], skip: int, take: int) -> None:
        in_order = Case(
            *[When(area_id=area.row.id, then=Value(i)) for i, area in enumerate(shown)], output_field=IntegerField()
        )
        by_id = {area.row.id: area for area in shown}
        rows = self._actions.filter(area_id__in=list(by_id)).order_by(in_order, "reference", "id")[skip : skip + take]
        agencies = self._agency_names()
        for action in rows:
            action.lead_agency_name = agencies.get(action.lead_agency_id, "")
            action.status_label = STATUS_LABELS.get(action.status, action.status)
            action.rag_label = RAG_LABELS.get(action.rag, "")
            action.was_overdue = bool(
                action.status in Action.OPEN_STATUSES and action.target_date and action.target_date < self.day
            )
            by_id[action.area_id].actions.append(action)

    def _theme_names(self) -> dict[int, str]:
        if self._themes is not None:
            return {theme.pk: theme.name for theme in self._themes}
        return dict(Theme.objects.values_list("pk", "name"))

    def _agency_names(self) -> dict[int, str]:
        if self._agencies is not None:
            return {agency.pk: agency.short_name for agency in self._agencies}
        return dict(Agency.objects.values_list("pk", "short_name"))

    @cached_property
    def areas(self) -> list[PastArea]:
        return self[:]


def plan_as_at(*, inspection, moment: datetime.datetime, **filters_and_labels) -> PastPlan:
    return PastPlan(inspection=inspection, moment=moment, **filters_and_labels)


def actions_at(inspection, moment: datetime.datetime, **as_they_stood):
    """The inspection's actions as they stood at `moment`, as a query of history rows (as state_at gives them).

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
    # OFFSET 0 keeps PostgreSQL from stepping down the index twice per action (once for the value, once
    # again to group it for the IN).
    fence = " OFFSET 0" if connection.vendor == "postgresql" else ""
    last_rows = RawSQL(
        f"SELECT stood.last FROM (SELECT (SELECT h.history_id FROM {h} h WHERE h.id = ids.id "  # noqa: S608
        f"AND h.history_date <= %s ORDER BY h.history_date DESC, h.history_id DESC LIMIT 1) AS last "
        f"FROM ({ids_sql}) ids{fence}) stood",
        [connection.ops.adapt_datetimefield_value(moment), *ids_params],
    )
    rows = Action.history.filter(history_id__in=last_rows, plan__inspection_id=inspection.pk)
    return rows.exclude(history_type="-").filter(**as_they_stood)
