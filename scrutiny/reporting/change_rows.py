"""The history rows behind the changes digest, chosen in the database: only what a page shows is read.

For one kind of record the database pairs each history row of the period with the record's row before
it (LAG over the record's history), works out which kinds of line each row gives (a status changed, the
record was added, removed...), counts the lines of each area, and returns only each area's newest
`limit` rows that give a line. Python then reads those rows and the rows before them (one query) to
write the lines. So the work in Python grows with the lines shown, not with the history of the period.

A kind of line is a name and an SQL condition on the paired row `p`: its own columns and `prev_<field>`
for the compared fields (`prev_history_id` is NULL when the record had no row before). Adding a kind of
line (evidence removed, a conclusion withdrawn) is one more entry where the kinds are listed.
"""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, F, OuterRef, Window
from django.db.models.functions import Lag

from .timeline import RowChange, slim_rows

Kinds = dict[str, str]  # kind of line -> SQL condition on the paired row p


def changed(name: str) -> str:
    """A saved change (not the record's first or last row) that gave `name` a new value."""
    return f"p.history_type = '~' AND p.prev_history_id IS NOT NULL AND p.{name} IS DISTINCT FROM p.prev_{name}"


@dataclass
class AreaRows:
    changes: list[tuple[RowChange, list[str]]] = field(default_factory=list)  # oldest first, with their kinds
    lines: int = 0  # lines of the period in the area, listed or not


def newest_changes(history_qs, *, since: datetime.datetime, until: datetime.datetime, kinds: Kinds, area,
                   compared=(), fields=(), area_ids=None, limit: int) -> dict[int | None, AreaRows]:
    """{area id: AreaRows} for the records of `history_qs` with lines in (since, until].

    `area` is the expression (on the history row) of the area a row belongs to; `compared` the fields
    whose previous value the kinds read; `fields` what the lines are written from. Two queries."""
    if area_ids is not None and not area_ids:
        return {}
    model = history_qs.model
    pk = model.instance_type._meta.pk.attname
    in_period = history_qs.filter(history_date__gt=since, history_date__lte=until)
    if area_ids is not None:
        in_period = in_period.alias(area_key=area).filter(area_key__in=list(area_ids))
    # Only records changed in the period are paired, with every row of theirs up to the period's end.
    order = [F("history_date").asc(), F("history_id").asc()]
    lag = {f"prev_{name}": Window(Lag(name), partition_by=[F(pk)], order_by=order) for name in ("history_id", *compared)}
    paired = (
        model.objects.filter(Exists(in_period.filter(**{pk: OuterRef(pk)})), history_date__lte=until)
        .annotate(area_key=area, **lag)
        .values("history_id", "history_date", "history_type", "area_key", *compared, *lag)
        .order_by()
    )
    inner, params = paired.query.sql_with_params()
    flags = ", ".join(f"CASE WHEN {condition} THEN 1 ELSE 0 END AS kind_{name}" for name, condition in kinds.items())
    count = " + ".join(f"kind_{name}" for name in kinds)
    only_areas = ""
    if area_ids is not None:
        only_areas = f"AND k.area_key IN ({', '.join(['%s'] * len(area_ids))})"
    sql = (
        f"SELECT q.* FROM (SELECT k.*, ROW_NUMBER() OVER (PARTITION BY k.area_key ORDER BY k.history_date DESC, "
        f"k.history_id DESC) AS newest, SUM(k.line_count) OVER (PARTITION BY k.area_key) AS area_lines FROM ("
        f"SELECT f.*, {count} AS line_count FROM (SELECT p.history_id, p.prev_history_id, p.history_date, "
        f"p.area_key, {flags} FROM ({inner}) p WHERE p.history_date > %s) f) k "
        f"WHERE k.line_count > 0 {only_areas}) q WHERE q.newest <= %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, connection.ops.adapt_datetimefield_value(since), *(area_ids or []), limit])
        names = [column[0] for column in cursor.description]
        chosen = [dict(zip(names, row)) for row in cursor.fetchall()]
    if not chosen:
        return {}
    wanted = {c["history_id"] for c in chosen} | {c["prev_history_id"] for c in chosen if c["prev_history_id"]}
    rows = {
        row.history_id: row
        for row in slim_rows(model.objects.filter(history_id__in=wanted),
                             list(dict.fromkeys([pk, "history_id", "history_date", "history_type", *fields])))
    }
    areas: dict[int | None, AreaRows] = {}
    for c in sorted(chosen, key=lambda c: (rows[c["history_id"]].history_date, c["history_id"])):
        entry = areas.setdefault(c["area_key"], AreaRows(lines=int(c["area_lines"])))
        change = RowChange(before=rows.get(c["prev_history_id"]), after=rows[c["history_id"]])
        entry.changes.append((change, [name for name in kinds if c[f"kind_{name}"]]))
    return areas
