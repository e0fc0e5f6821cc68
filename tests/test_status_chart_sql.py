"""The dashboard's chart of actions by status at the end of each month, counted in the database,
gives the same numbers as replaying the whole history in Python (how it was first counted)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, ActionPlan, Inspection
from scrutiny.review.reporting.status_months import next_month, status_by_month

from .bulkdata import at, save_at
from .factories import add_second_inspection, make_action

pytestmark = pytest.mark.django_db


def replayed(inspection, shown: int = 24) -> tuple[list[datetime.date], list[dict[str, int]]]:
    """The chart's months and counts as the first version worked them out: every history row of the
    inspection's plans read in order, each action's status kept until its next row or its deletion."""
    rows = list(
        Action.history.filter(plan__inspection_id=inspection.pk)
        .order_by("history_date", "history_id")
        .values_list("id", "status", "history_type", "history_date")
    )
    months = sorted({timezone.localdate(row[3]).replace(day=1) for row in rows})[-shown:]
    statuses: dict[int, str] = {}
    counts, index = [], 0
    for month in months:
        month_end = timezone.make_aware(datetime.datetime.combine(next_month(month), datetime.time.min))
        while index < len(rows) and rows[index][3] < month_end:
            pk, status, kind, _ = rows[index]
            if kind == "-":
                statuses.pop(pk, None)
            else:
                statuses[pk] = status
            index += 1
        tally: dict[str, int] = {}
        for status in statuses.values():
            tally[status] = tally.get(status, 0) + 1
        counts.append(tally)
    return months, counts


def created_at(when, plan, area, user, **fields):
    action = Action(plan=plan, area=area, lead_agency=plan.agency, description="Dated action", **fields)
    action._history_date, action._history_user = when, user
    action.save()
    return action


def deleted_at(action, when, user):
    action._history_date, action._history_user = when, user
    action.delete()


def a_plan_with_three_years_of_history(world):
    """Actions created, changed (twice in one instant), moved between the plans, deleted, in months with
    gaps between them, across more than the 24 months the chart shows; and a second inspection's action."""
    olivia, S = world.olivia, Action.Status
    today = timezone.localdate()
    start = today.replace(day=1) - datetime.timedelta(days=3 * 365)
    day = lambda months, d=10: (start + datetime.timedelta(days=31 * months)).replace(day=d).isoformat()  # noqa: E731
    a = created_at(at(day(0)), world.wcc_plan, world.area1, olivia, status=S.NOT_STARTED)
    b = created_at(at(day(1)), world.arden_plan, world.area2, olivia, status=S.NOT_STARTED)
    c = created_at(at(day(1, 28), 23), world.wcc_plan, world.area3, olivia, status=S.IN_PROGRESS)
    save_at(a, at(day(3)), olivia, status=S.IN_PROGRESS)
    save_at(b, at(day(7)), olivia, status=S.IN_PROGRESS)
    save_at(b, at(day(7)), olivia, status=S.COMPLETED, completed_on=today)  # the same instant: the later row stands
    save_at(c, at(day(12, 1), 0), olivia, plan=world.arden_plan, lead_agency=world.arden)
    deleted_at(c, at(day(14)), olivia)
    d = created_at(at(day(15)), world.wcc_plan, world.area1, olivia, status=S.NOT_STARTED)
    for n, status in enumerate([S.IN_PROGRESS, S.NOT_STARTED, S.IN_PROGRESS, S.COMPLETED, S.IN_PROGRESS]):
        save_at(
            d, at(day(17 + 3 * n, 20)), olivia, status=status, completed_on=today if status == S.COMPLETED else None
        )
    for n in range(14):  # a RAG rating changed every month: a row, the status as it was
        save_at(a, at(day(18 + n, 5)), olivia, rag=["red", "amber", "green"][n % 3])
    save_at(a, at(day(33, 2)), olivia, status=S.COMPLETED, completed_on=today)
    deleted_at(b, at(day(34)), olivia)
    other = add_second_inspection(world)
    save_at(other.action, at(day(5)), olivia, status=S.COMPLETED, completed_on=today)
    return other


def test_the_database_counts_what_replaying_the_history_counts(world):
    other = a_plan_with_three_years_of_history(world)
    for inspection in (world.inspection, other.inspection):
        months, counts = status_by_month(inspection)
        assert (months, counts) == replayed(inspection)
    months, counts = status_by_month(world.inspection)
    assert len(replayed(world.inspection, shown=100)[0]) > len(months) == 24  # more months had changes than shown
    assert any(sum(month.values()) != sum(counts[-1].values()) for month in counts)  # and the numbers moved


def test_the_chart_shows_those_numbers(client, world, maya):
    a_plan_with_three_years_of_history(world)
    client.force_login(maya)
    chart = client.get(reverse("dashboard", args=[world.review.pk])).context["figures"].status_chart
    months, counts = replayed(world.inspection)
    assert chart.categories == [f"{m:%b %Y}" for m in months]
    for series in chart.series:
        status = next(s for s in Action.Status if s.label == series.label)
        assert series.values == [month.get(status.value, 0) for month in counts]


def test_a_plan_with_no_actions_yet_has_no_chart_until_one_is_saved(world):
    inspection = Inspection.objects.create(title="Focused visit", body_inspected="Warwickshire", when_text="2013")
    plan = ActionPlan.objects.create(inspection=inspection, agency=world.wcc, title="WCC plan")
    assert status_by_month(inspection) == ([], [])
    make_action(plan, world.area1)  # saved now: one month, one action
    months, counts = status_by_month(inspection)
    assert months == [timezone.localdate().replace(day=1)] and counts == [{Action.Status.IN_PROGRESS.value: 1}]
