"""The figures on the members' dashboard, each with the link to the list behind it."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.utils import timezone

from actionplan.models import Action, Evidence, Rag
from scrutiny.core.charts import Series, StackedBarChart

from ..models import InformationRequest
from .links import ReviewLinks
from .status_months import MONTHS_SHOWN, next_month, status_by_month

STALE_WEEKS_DEFAULT = 8
RAG_TOKEN_NONE = "none"  # "not rated" is stored as "", which a query string cannot tell from "no filter"


@dataclass
class Cell:
    count: int
    url: str


@dataclass
class GroupRow:
    label: str
    cells: list[Cell]
    overdue: Cell
    total: Cell


@dataclass
class GroupTable:
    caption: str
    heading: str
    rows: list[GroupRow] = field(default_factory=list)


def rag_token(value: str) -> str:
    return value or RAG_TOKEN_NONE


def overdue_q(on: datetime.date) -> Q:
    return Q(status__in=Action.OPEN_STATUSES, target_date__lt=on)


def status_by_rag(actions, links: ReviewLinks) -> list[dict]:
    counts = {
        (s, r): n
        for s, r, n in actions.values_list("status", "rag").annotate(n=Count("id")).values_list("status", "rag", "n")
    }
    rows = []
    for status in Action.Status:
        cells = [
            Cell(counts.get((status.value, rag.value), 0), links.actions(status=status.value, rag=rag_token(rag.value)))
            for rag in Rag
        ]
        total = sum(c.count for c in cells)
        rows.append({"label": status.label, "cells": cells, "total": Cell(total, links.actions(status=status.value))})
    return rows


def grouped(
    actions, *, key: str, label: str, param: str, caption: str, heading: str, on, links: ReviewLinks
) -> GroupTable:
    """Actions counted by status within each theme, agency or area, with the overdue ones."""
    rows = (
        actions.values(key, label, "status")
        .annotate(n=Count("id"), late=Count("id", filter=overdue_q(on)))
        .order_by(label)
    )
    groups: dict = {}
    for row in rows:
        entry = groups.setdefault(row[key], {"label": row[label], "counts": {}, "late": 0})
        entry["counts"][row["status"]] = row["n"]
        entry["late"] += row["late"]
    table = GroupTable(caption=caption, heading=heading)
    for group_id, entry in groups.items():
        token = group_id if group_id is not None else RAG_TOKEN_NONE
        name = entry["label"] if entry["label"] not in (None, "") else "None"
        if key == "area_id" and group_id is not None:
            name = f"Area {entry['label']}"
        cells = [
            Cell(entry["counts"].get(s.value, 0), links.actions(**{param: token, "status": s.value}))
            for s in Action.Status
        ]
        table.rows.append(
            GroupRow(
                label=name,
                cells=cells,
                overdue=Cell(entry["late"], links.actions(**{param: token, "progress": "overdue"})),
                total=Cell(sum(c.count for c in cells), links.actions(**{param: token})),
            )
        )
    return table


def stale_actions(actions, weeks: int, on: datetime.date):
    """Open actions with no progress update in the last `weeks` weeks (or none ever)."""
    cutoff = timezone.make_aware(datetime.datetime.combine(on - datetime.timedelta(weeks=weeks), datetime.time.min))
    return (
        actions.open()
        .annotate(last_update=Max("progress_updates__created_at"))
        .filter(Q(last_update__lt=cutoff) | Q(last_update__isnull=True))
    )


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def status_over_time(inspection, links: ReviewLinks) -> StackedBarChart | None:
    """How many actions stood at each status at the end of each month, from the history."""
    # Only months in which something changed: a plan can sit still for years, and flat bars say nothing.
    months, counts_by_month = status_by_month(inspection)
    if not months:
        return None
    series = [Series(s.label, [tally.get(s.value, 0) for tally in counts_by_month]) for s in Action.Status]
    return StackedBarChart(
        slug="status-over-time",
        title="Actions by status at the end of each month",
        description=(
            f"Stacked bars, one for each month from {months[0]:%B %Y} to {months[-1]:%B %Y} in which an action "
            "changed, showing how many actions stood at each status at the end of that month."
        ),
        category_heading="Month",
        categories=[f"{m:%b %Y}" for m in months],
        category_links=[links.plan_as_at(next_month(m) - datetime.timedelta(days=1)) for m in months],
        series=series,
    )


COMPLETION_OUTCOMES = [
    ("on_time", "Completed by the target date"),
    ("late", "Completed after the target date"),
    ("overdue", "Open and past the target date"),
    ("not_due", "Open, not yet due"),
    ("withdrawn", "Withdrawn"),
]


def completion_outcome(status: str, target: datetime.date, completed_on, on: datetime.date) -> str:
    if status in Action.COMPLETED_STATUSES:
        return "on_time" if completed_on and completed_on <= target else "late"
    if status == Action.Status.WITHDRAWN:
        return "withdrawn"
    return "overdue" if target < on else "not_due"


def completions_against_targets(actions, on: datetime.date, links: ReviewLinks) -> StackedBarChart | None:
    """For the actions due in each month: were they completed by their target date?"""
    rows = list(actions.filter(target_date__isnull=False).values_list("status", "target_date", "completed_on"))
    if not rows:
        return None
    months = sorted({month_start(r[1]) for r in rows})[-MONTHS_SHOWN:]  # months in which something was due
    index = {m: i for i, m in enumerate(months)}
    values = {key: [0] * len(months) for key, _ in COMPLETION_OUTCOMES}
    for status, target, completed_on in rows:
        position = index.get(month_start(target))
        if position is not None:
            values[completion_outcome(status, target, completed_on, on)][position] += 1
    return StackedBarChart(
        slug="completions",
        title="Actions due each month, and whether they were completed on time",
        description=(
            "Stacked bars, one per month in which actions were due, splitting the actions due that month into "
            "completed by the target date, completed late, open and overdue, open and not yet due, and withdrawn."
        ),
        category_heading="Month due",
        categories=[f"{m:%b %Y}" for m in months],
        series=[Series(label, values[key]) for key, label in COMPLETION_OUTCOMES],
        cell_links=[
            [links.actions(due_month=f"{m:%Y-%m}", progress=key) for m in months] for key, _ in COMPLETION_OUTCOMES
        ],
        category_links=[links.actions(due_month=f"{m:%Y-%m}") for m in months],
    )


@dataclass
class Dashboard:
    total: Cell
    status_by_rag: list
    by_theme: GroupTable
    by_agency: GroupTable
    by_area: GroupTable
    overdue: Cell
    stale: Cell
    stale_weeks: int
    awaited_evidence: int
    open_requests: int
    overdue_requests: int
    status_chart: StackedBarChart | None
    completions_chart: StackedBarChart | None
    no_target_date: Cell


# The dashboard's tables of actions by status, one for each way of grouping them.
GROUPINGS = {
    "by_theme": {
        "key": "area__theme_id",
        "label": "area__theme__name",
        "param": "theme",
        "caption": "Actions by theme and status",
        "heading": "Theme",
    },
    "by_agency": {
        "key": "lead_agency_id",
        "label": "lead_agency__short_name",
        "param": "agency",
        "caption": "Actions by lead agency and status",
        "heading": "Lead agency",
    },
    "by_area": {
        "key": "area_id",
        "label": "area__number",
        "param": "area",
        "caption": "Actions by area for improvement and status",
        "heading": "Area",
    },
}


def build_dashboard(*, inspection, review, stale_weeks: int = STALE_WEEKS_DEFAULT, on=None) -> Dashboard:
    on = on or timezone.localdate()
    links = ReviewLinks(review)
    actions = Action.objects.for_inspection(inspection)
    requests = InformationRequest.objects.open().filter(review=review) if review else InformationRequest.objects.none()
    return Dashboard(
        total=Cell(actions.count(), links.actions()),
        status_by_rag=status_by_rag(actions, links),
        **{name: grouped(actions, on=on, links=links, **grouping) for name, grouping in GROUPINGS.items()},
        overdue=Cell(actions.overdue(on).count(), links.actions(progress="overdue")),
        stale=Cell(stale_actions(actions, stale_weeks, on).count(), links.actions(stale_weeks=stale_weeks)),
        stale_weeks=stale_weeks,
        awaited_evidence=Evidence.objects.awaited().filter(inspection=inspection).count(),
        open_requests=requests.count(),
        overdue_requests=requests.overdue(on).count(),
        status_chart=status_over_time(inspection, links),
        completions_chart=completions_against_targets(actions, on, links),
        no_target_date=Cell(actions.filter(target_date__isnull=True).count(), links.actions(no_target="1")),
    )
