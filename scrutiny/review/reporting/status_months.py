"""How many of a plan's actions stood at each status at the end of each month, from the history.

The cost grows with the months shown and the plan's actions, not with the length of the history:
- the months: one query asks, for every month from the plan's first history row to its last, whether
  any row is dated in it (an EXISTS on the history_date index each), and the last MONTHS_SHOWN of those
  that have one are the chart's months;
- the counts: for each action and each of those months, the database finds the action's last row
  before the month ends (one step down the (id, history_date, history_id, ...) index, migration
  actionplan 0004, which also holds the columns read, so the table itself is not touched) and sums the
  statuses, so one row of counts comes back.

A row of the plan stands at the end of a month when it is the action's last row of the plan dated
before the month ends; an action whose last such row records its deletion is not counted. The
actions asked about are those in the plan now and those deleted from it (the deletion rows, which a
partial index of the history's "-" rows finds without reading the rest)."""

import datetime

from django.db import connection
from django.db.models import Max, Min
from django.utils import timezone

from actionplan.models import Action, ActionPlan

MONTHS_SHOWN = 24
GONE = "-"  # what the query reports for an action deleted by then; no status is spelled so


def next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _start(month: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(month, datetime.time.min))


def _history_of(plan_ids):
    return Action.history.model.objects.filter(plan_id__in=plan_ids).order_by()


def months_with_changes(plan_ids: list[int], *, shown: int = MONTHS_SHOWN) -> list[datetime.date]:
    """The first days of the last `shown` months in which a row of these plans' action history is dated."""
    span = _history_of(plan_ids).aggregate(first=Min("history_date"), last=Max("history_date"))
    if span["first"] is None:
        return []
    month, last = (timezone.localtime(span[end]).date().replace(day=1) for end in ("first", "last"))
    candidates = []
    while month <= last:
        candidates.append(month)
        month = next_month(month)
    # Written once and repeated for each month: an ORM Exists() per month cost the page more in building
    # the query than the database spent answering it.
    h, q = Action.history.model._meta.db_table, connection.ops.quote_name
    plans = ", ".join("%s" for _ in plan_ids)
    dated_in = (
        f"EXISTS (SELECT 1 FROM {q(h)} h WHERE h.plan_id IN ({plans}) AND h.history_date >= %s AND h.history_date < %s)"
    )
    adapt = connection.ops.adapt_datetimefield_value
    params = []
    for month in candidates:
        params += [*plan_ids, adapt(_start(month)), adapt(_start(next_month(month)))]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(dated_in for _ in candidates), params)
        found = cursor.fetchone()
    return [m for m, dated in zip(candidates, found, strict=True) if dated][-shown:]


def status_counts(plan_ids: list[int], months: list[datetime.date]) -> list[dict[str, int]]:
    """For each month, {status: actions standing at it when the month ended}."""
    if not months:
        return []
    History = Action.history.model
    in_plan = Action.objects.filter(plan_id__in=plan_ids).order_by().values("id")
    deleted = History.objects.filter(plan_id__in=plan_ids, history_type="-").order_by().values("id")
    # UNION, not UNION ALL: an action restored from its history and deleted again is still one action.
    ids_sql, ids_params = in_plan.union(deleted).query.sql_with_params()
    ends = [connection.ops.adapt_datetimefield_value(_start(next_month(m))) for m in months]
    month_rows = " UNION ALL ".join(f"SELECT {n} AS n, %s AS month_end" for n in range(len(months)))
    plans = ", ".join("%s" for _ in plan_ids)
    h, q = History._meta.db_table, connection.ops.quote_name
    # One scalar subquery, run for each action and month: the action's last row of the plans before the
    # month ends, read from the index of migration actionplan 0004.
    sql = (
        f"SELECT pairs.n, pairs.standing, COUNT(*) FROM (SELECT months.n, ("
        f"SELECT CASE WHEN h.history_type = %s THEN %s ELSE h.status END FROM {q(h)} h "
        f"WHERE h.id = ids.id AND h.plan_id IN ({plans}) AND h.history_date < months.month_end "
        f"ORDER BY h.history_date DESC, h.history_id DESC LIMIT 1) AS standing "
        f"FROM ({ids_sql}) ids CROSS JOIN ({month_rows}) months) pairs "
        f"GROUP BY pairs.n, pairs.standing"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ["-", GONE, *plan_ids, *ids_params, *ends])
        found = cursor.fetchall()
    counts: list[dict[str, int]] = [{} for _ in months]
    for n, status, actions in found:
        if status not in (None, GONE):  # not yet created, or deleted, by the month's end
            counts[n][status] = actions
    return counts


def status_by_month(inspection) -> tuple[list[datetime.date], list[dict[str, int]]]:
    """The chart's months and, for each, the actions standing at each status when it ended."""
    plan_ids = list(ActionPlan.objects.filter(inspection_id=inspection.pk).values_list("pk", flat=True))
    if not plan_ids:
        return [], []
    months = months_with_changes(plan_ids)
    return months, status_counts(plan_ids, months)
