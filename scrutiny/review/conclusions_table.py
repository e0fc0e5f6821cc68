"""Appendix F, "our conclusions against each action within the plan": every area and action with the
officers' status and RAG beside the group's current conclusion.

The rule for an action's current judgement (stated on the page, tested):
    an area-level conclusion applies to every action whose main area it is, unless the action has
    a conclusion of its own reached later. The latest by date reached wins; on the same date the
    conclusion on the action itself wins, being the more specific.

Four queries whatever the size of the plan: areas, area decisions, actions, conclusions. The page
pages the plan in SQL (ConclusionPages) and builds only the rows it shows; the papers build them all.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from actionplan.models import Action, Area

from .models import Conclusion, ReviewArea

J = Conclusion.Judgement
SATISFIED = {J.SATISFIED, J.SATISFIED_WITH_RESERVATIONS}
DOUBTFUL = {J.NOT_SATISFIED, J.MORE_INFORMATION_NEEDED}
NO_CONCLUSION = "none"  # the judgement filter's value for rows with no conclusion yet

RULE = (
    "A conclusion on a whole area applies to each of its actions, unless the group later reached a "
    "conclusion on the action itself. The most recent conclusion counts; on the same day, the one on "
    "the action itself counts."
)


def _precedence(conclusion: Conclusion):
    return (conclusion.reached_on, 1 if conclusion.action_id else 0, conclusion.pk)


@dataclass
class ConclusionRow:
    """One line of the table: a whole area (action is None) or one action within it."""

    area: Area
    action: Action | None = None
    decision: ReviewArea | None = None
    trail: list = field(default_factory=list)  # every conclusion that bears on this row, oldest first
    current: Conclusion | None = None
    disagreement: str = ""
    continued: bool = False  # an area's row repeated at the top of a page of the table

    @property
    def is_area(self) -> bool:
        return self.action is None

    @property
    def pursued(self) -> bool:
        return self.decision is None or self.decision.pursued

    @property
    def not_pursued_reason(self) -> str:
        return "" if self.pursued else self.decision.reason

    @property
    def inherited(self) -> bool:
        """The current judgement comes from the area's conclusion, not the action's own."""
        return bool(self.action and self.current and self.current.action_id is None)

    @property
    def earlier(self) -> list:
        return [c for c in self.trail if c is not self.current]


def disagreement(action: Action, conclusion: Conclusion | None, on=None) -> str:
    """In words, where the officers' account and the group's judgement point different ways."""
    if conclusion is None:
        return ""
    judgement = conclusion.judgement
    if action.is_completed and judgement in DOUBTFUL:
        return (
            f"Officers report it {action.get_status_display().lower()}, but the group is {J(judgement).label.lower()}."
        )
    if judgement in SATISFIED and action.is_overdue(on):
        return f"The group is {J(judgement).label.lower()}, but the action is overdue (target {action.target_date:%-d %B %Y})."
    if judgement in SATISFIED and action.rag == Action.Rag.RED:
        return f"The group is {J(judgement).label.lower()}, but officers rate it red."
    return ""


def current_judgement(review) -> Subquery:
    """The judgement RULE makes an action's current one, as SQL on Action (NULL with no conclusion):
    the latest by date reached; on the same date the one on the action itself; then the later recorded."""
    bearing = Conclusion.objects.filter(review=review).filter(
        Q(action=OuterRef("pk")) | Q(action__isnull=True, area=OuterRef("area_id"))
    )
    latest = bearing.order_by("-reached_on", F("action_id").desc(nulls_last=True), "-pk")
    return Subquery(latest.values("judgement")[:1])


class _WhenValue(Func):
    """CASE <value> WHEN <literal> THEN <condition> ... ELSE FALSE END: `value` (here a subquery) worked out
    once per row, where a condition per value would repeat it in each."""

    output_field = BooleanField()

    def __init__(self, value, conditions: dict):
        self.literals = list(conditions)
        wrapped = [ExpressionWrapper(q, output_field=BooleanField()) for q in conditions.values()]
        super().__init__(value, *wrapped)

    def as_sql(self, compiler, connection, **extra_context):
        value, *conditions = self.get_source_expressions()
        sql, params = compiler.compile(value)
        parts, params = [f"CASE {sql}"], list(params)
        for literal, condition in zip(self.literals, conditions, strict=True):
            condition_sql, condition_params = compiler.compile(condition)
            parts.append(f"WHEN %s THEN {condition_sql}")
            params += [literal, *condition_params]
        return " ".join([*parts, "ELSE FALSE END"]), params


def disagreeing(actions, review, on=None):
    """The actions whose rows say there is a disagreement(), worked out in SQL (tests check the two agree).
    Only actions that could disagree (completed, overdue or red) have their judgement looked up, once each."""
    on = on or timezone.localdate()
    completed = Q(status__in=Action.COMPLETED_STATUSES)
    overdue_or_red = Q(status__in=Action.OPEN_STATUSES, target_date__lt=on) | Q(rag=Action.Rag.RED)
    conditions = dict.fromkeys(sorted(DOUBTFUL), completed) | dict.fromkeys(sorted(SATISFIED), overdue_or_red)
    return actions.filter(completed | overdue_or_red).filter(_WhenValue(current_judgement(review), conditions))


def _rows(areas, actions, decisions: dict, conclusions, on) -> list:
    """Each area's row followed by its actions' rows; `conclusions` oldest first."""
    actions_by_area: dict = {}
    for action in actions:
        actions_by_area.setdefault(action.area_id, []).append(action)

    by_area, by_action = {}, {}
    for conclusion in conclusions:
        if conclusion.action_id:
            by_action.setdefault(conclusion.action_id, []).append(conclusion)
        else:
            by_area.setdefault(conclusion.area_id, []).append(conclusion)

    rows = []
    for area in areas:
        area_trail = by_area.get(area.pk, [])
        area_row = ConclusionRow(
            area=area, decision=decisions.get(area.pk), trail=area_trail, current=area_trail[-1] if area_trail else None
        )
        action_rows = []
        for action in actions_by_area.get(area.pk, []):
            trail = sorted(area_trail + by_action.get(action.pk, []), key=_precedence)
            current = trail[-1] if trail else None
            action_rows.append(
                ConclusionRow(
                    area=area,
                    action=action,
                    decision=area_row.decision,
                    trail=trail,
                    current=current,
                    disagreement=disagreement(action, current, on),
                )
            )
        rows.append(area_row)
        rows.extend(action_rows)

    return rows


def build_conclusions_table(
    review, *, areas=None, actions=None, judgement="", disagreements_only=False, on=None, records=None
):
    """Rows in area order, each area followed by its actions. By default every area and action of the
    review's inspection; `areas` and `actions` (querysets, as ConclusionTableFilter narrows them) show
    fewer. Then judgement (a Conclusion.Judgement value, or NO_CONCLUSION) and disagreements_only keep
    only the rows that match. `records`, when given, are the area decisions, actions and conclusions as
    they stood at some moment (report_data), used instead of today's."""
    on = on or timezone.localdate()
    if areas is None:
        areas = Area.objects.filter(inspection_id=review.inspection_id)
    areas = list(areas.select_related("theme").order_by("number"))
    if records is None:
        decisions = ReviewArea.objects.filter(review=review)
        actions = (actions if actions is not None else Action.objects.all()).filter(area__in=areas)
        actions = actions.select_related("lead_agency", "plan").order_by("area__number", "reference", "id")
        conclusions = (
            Conclusion.objects.filter(review=review)
            .select_related("meeting", "recorded_by__person")
            .order_by("reached_on", "id")
        )
    else:
        decisions, actions, conclusions = records
        conclusions = sorted(conclusions, key=lambda c: (c.reached_on, c.pk))
    rows = _rows(areas, actions, {d.area_id: d for d in decisions}, conclusions, on)
    if judgement:
        rows = [r for r in rows if (r.current.judgement if r.current else NO_CONCLUSION) == judgement]
    if disagreements_only:
        rows = [r for r in rows if r.disagreement]
    return rows


class ConclusionPages:
    """The table's rows as a sequence a Paginator can page without building them all: its length is the
    areas and actions counted in SQL, and a slice reads and builds only the rows it holds (four queries in all).
    `heading` is then the row of the area the slice starts part-way through, if it does."""

    def __init__(self, review, *, areas, actions, on=None):
        self.review, self.on, self.heading = review, on or timezone.localdate(), None
        self.areas = areas.order_by("number", "id")
        self.actions = actions.filter(area__in=self.areas.values("pk")).order_by(
            "area__number", "area_id", "reference", "id"
        )

    @cached_property
    def _areas(self) -> list[Area]:
        """Every area of the table, in order, with how many of its actions the table holds and how many of
        those disagree: one query, the only reading that grows with the plan (an area, not an action)."""

        def per_area(actions):
            counted = actions.filter(area=OuterRef("pk")).order_by().values("area").annotate(n=Count("pk"))
            return Coalesce(Subquery(counted.values("n")), 0)

        return list(
            self.areas.select_related("theme").annotate(
                table_actions=per_area(self.actions),
                table_disagreements=per_area(disagreeing(self.actions, self.review, self.on)),
            )
        )

    def __len__(self) -> int:
        return sum(1 + area.table_actions for area in self._areas)

    def __getitem__(self, window: slice) -> list:
        start, stop = window.start or 0, len(self) if window.stop is None else window.stop
        areas, actions_before, actions_to_stop, position, first = [], 0, 0, 0, None
        for area in self._areas:  # the area's row is at `position`, its actions follow
            n = area.table_actions
            actions_before += min(max(start - position - 1, 0), n)
            actions_to_stop += min(max(stop - position - 1, 0), n)
            if position < stop and position + n + 1 > start:
                areas.append(area)
                first = position if first is None else first
            position += n + 1
        if not areas:
            return []
        area_ids = [area.pk for area in areas]
        # Only what the page shows: no plan, meeting or recorder (the papers, which show them, use build_conclusions_table).
        actions = list(self.actions.select_related("lead_agency")[actions_before:actions_to_stop])
        decisions = ReviewArea.objects.filter(review=self.review, area_id__in=area_ids)
        conclusions = (
            Conclusion.objects.filter(review=self.review)
            .filter(Q(area_id__in=area_ids) | Q(action__in=[a.pk for a in actions]))
            .order_by("reached_on", "id")
        )
        rows = _rows(areas, actions, {d.area_id: d for d in decisions}, conclusions, self.on)
        self.heading = rows.pop(0) if first < start else None
        return rows

    def disagreement_count(self) -> int:
        return sum(area.table_disagreements for area in self._areas)


def conclusions_for_action(action, review=None) -> list:
    """Every conclusion bearing on one action (its own and its area's), oldest first, for the action page."""
    queryset = Conclusion.objects.filter(action=action) | Conclusion.objects.filter(
        area_id=action.area_id, action__isnull=True
    )
    if review is not None:
        queryset = queryset.filter(review=review)
    return sorted(queryset.select_related("meeting", "review", "area", "action"), key=_precedence)


def conclusions_for_area(area, review=None) -> list:
    queryset = Conclusion.objects.filter(area=area)
    if review is not None:
        queryset = queryset.filter(review=review)
    return list(queryset.select_related("meeting", "review", "area").order_by("reached_on", "id"))
