"""The history rows behind the changes digest, chosen in the database: only what a page shows is read.

For one kind of record the database pairs each history row of the period with the record's row before
it (LAG within the period; for a record's first row of the period, its last row before the period,
found by one index probe), works out which kinds of line each row gives (a status changed, the
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
from django.db.models import F, Window
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


def newest_changes(
    history_qs,
    *,
    since: datetime.datetime,
    until: datetime.datetime,
    kinds: Kinds,
    area,
    compared=(),
    fields=(),
    area_ids=None,
    limit: int,
) -> dict[int | None, AreaRows]:
    """{area id: AreaRows} for the records of `history_qs` with lines in (since, until].

    `area` is the expression (on the history row) of the area a row belongs to; `compared` the fields
    whose previous value the kinds read; `fields` what the lines are written from. Two queries."""
    if area_ids is not None and not area_ids:
        return {}
    model = history_qs.model
    pk = model.instance_type._meta.pk.attname
    in_period = history_qs.filter(history_date__gt=since, history_date__lte=until)
    if area_ids is not None:  # whole records, so that a record that moved area is still paired right
        in_period = in_period.filter(
            **{f"{pk}__in": in_period.alias(area_key=area).filter(area_key__in=area_ids).values(pk)}
        )
    order = [F("history_date").asc(), F("history_id").asc()]
    rows = (
        in_period.annotate(
            area_key=area,
            lag_history_id=Window(Lag("history_id"), partition_by=[F(pk)], order_by=order),
            **{f"lag_{name}": Window(Lag(name), partition_by=[F(pk)], order_by=order) for name in compared},
        )
        .values(
            pk,
            "history_id",
            "history_date",
            "history_type",
            "area_key",
            "lag_history_id",
            *compared,
            *(f"lag_{name}" for name in compared),
        )
        .order_by()
    )
    inner, params = rows.query.sql_with_params()
    since_value = connection.ops.adapt_datetimefield_value(since)
    paired, params = _paired(model, pk, compared, inner, params, since_value)
    flags = ", ".join(f"CASE WHEN {condition} THEN 1 ELSE 0 END AS kind_{name}" for name, condition in kinds.items())
    count = " + ".join(f"kind_{name}" for name in kinds)
    only_areas = ""
    if area_ids is not None:
        only_areas = f"AND k.area_key IN ({', '.join(['%s'] * len(area_ids))})"
    sql = paired + (
        f", f AS MATERIALIZED (SELECT p.history_id, p.prev_history_id, p.history_date, p.area_key, {flags} FROM p) "
        f"SELECT q.* FROM (SELECT k.*, ROW_NUMBER() OVER (PARTITION BY k.area_key ORDER BY k.history_date DESC, "
        f"k.history_id DESC) AS newest, SUM(k.line_count) OVER (PARTITION BY k.area_key) AS area_lines FROM ("
        f"SELECT f.*, {count} AS line_count FROM f) k WHERE k.line_count > 0 {only_areas}) q WHERE q.newest <= %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *(area_ids or []), limit])
        names = [column[0] for column in cursor.description]
        chosen = [dict(zip(names, row, strict=False)) for row in cursor.fetchall()]
    if not chosen:
        return {}
    wanted = {c["history_id"] for c in chosen} | {c["prev_history_id"] for c in chosen if c["prev_history_id"]}
    rows = {
        row.history_id: row
        for row in slim_rows(
            model.objects.filter(history_id__in=wanted),
            list(dict.fromkeys([pk, "history_id", "history_date", "history_type", *fields])),
        )
    }
    areas: dict[int | None, AreaRows] = {}
    for c in sorted(chosen, key=lambda c: (rows[c["history_id"]].history_date, c["history_id"])):
        entry = areas.setdefault(c["area_key"], AreaRows(lines=int(c["area_lines"])))
        change = RowChange(before=rows.get(c["prev_history_id"]), after=rows[c["history_id"]])
        entry.changes.append((change, [name for name in kinds if c[f"kind_{name}"]]))
    return areas


def _paired(model, pk: str, compared, inner: str, params, since_value) -> tuple[str, list]:
    """`WITH ... p AS MATERIALIZED (...)`: the rows of the period (`inner`, with LAG) each with its previous
    row's id and compared values (`prev_<field>`), and its parameters.

    A row paired within the period has its previous values from LAG; a record's first row of the period
    steps back, once, to its last row before the period through the (id, history_date) index, so rows
    before the period are never read in bulk. A record's creation row ('+') has no row before it (history
    is never reverted): no step. Materialised, so that each row's previous row is found once."""
    quote = connection.ops.quote_name
    table, key = quote(model._meta.db_table), quote(model._meta.get_field(pk).column)
    column = {name: quote(model._meta.get_field(name).column) for name in compared}

    def step_back(condition: str = "") -> str:
        return (
            f"FROM {table} h WHERE h.{key} = r.{key} AND h.history_date <= %s{condition} "
            "ORDER BY h.history_date DESC, h.history_id DESC LIMIT 1"
        )

    if connection.vendor == "postgresql":
        # One step back gives the row's id and values together (a LATERAL join, which SQLite has not).
        values = "".join(f", h.{column[name]} AS before_{name}" for name in compared)
        first_of_period = step_back(" AND r.lag_history_id IS NULL AND r.history_type <> '+'")
        previous = "".join(
            f", CASE WHEN r.lag_history_id IS NOT NULL THEN r.lag_{name} ELSE b.before_{name} END AS prev_{name}"
            for name in compared
        )
        sql = (
            f"WITH p AS MATERIALIZED (SELECT r.*, COALESCE(r.lag_history_id, b.history_id) AS prev_history_id{previous} "
            f"FROM ({inner}) r LEFT JOIN LATERAL (SELECT h.history_id{values} "
            f"{first_of_period}) b ON TRUE)"
        )
        return sql, [*params, since_value]
    # Elsewhere the step back finds the row's id, and each previous value is read by primary key (a join
    # would have the planner read the whole table).
    previous = "".join(
        f", CASE WHEN a.lag_history_id IS NOT NULL THEN a.lag_{name} WHEN a.prev_history_id IS NULL THEN NULL "
        f"ELSE (SELECT b.{column[name]} FROM {table} b WHERE b.history_id = a.prev_history_id) END AS prev_{name}"
        for name in compared
    )
    sql = (
        f"WITH a AS MATERIALIZED (SELECT r.*, COALESCE(r.lag_history_id, CASE WHEN r.history_type = '+' THEN NULL "
        f"ELSE (SELECT h.history_id {step_back()}) END) AS prev_history_id FROM ({inner}) r), "
        f"p AS MATERIALIZED (SELECT a.*{previous} FROM a)"
    )
    return sql, [since_value, *params]


def newest_additions(
    history_qs,
    *,
    since: datetime.datetime,
    until: datetime.datetime,
    kind: str,
    record: str,
    owners,
    fields=(),
    limit: int,
) -> dict[int | None, AreaRows]:
    """As newest_changes, for records whose every history row of `history_qs` gives one line of `kind`
    (progress updates: only ever added), so no row needs the one before it. `owners` is a queryset of
    (owner, owner_area) values: the records `record` points to that the page is about (those of its areas
    only, when it shows some), each with the area its lines count under. The owners are chosen first, then
    the rows of the period joined to them: the database counts each area's rows and returns its newest
    `limit`. Two queries; no step down an index per row or per record."""
    model = history_qs.model
    in_period = history_qs.filter(history_date__gt=since, history_date__lte=until)
    inner, params = in_period.values(record, "history_id", "history_date").order_by().query.sql_with_params()
    owners_sql, owners_params = owners.query.sql_with_params()
    key = connection.ops.quote_name(record)
    sql = (
        f"WITH o AS MATERIALIZED ({owners_sql}) "
        f"SELECT q.history_id, q.area_key, q.area_lines FROM (SELECT r.history_id, o.owner_area AS area_key, "
        f"COUNT(*) OVER (PARTITION BY o.owner_area) AS area_lines, ROW_NUMBER() OVER (PARTITION BY o.owner_area "
        f"ORDER BY r.history_date DESC, r.history_id DESC) AS newest FROM ({inner}) r INNER JOIN o ON o.owner = r.{key}) q "
        f"WHERE q.newest <= %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*owners_params, *params, limit])
        chosen = {history_id: (area_key, lines) for history_id, area_key, lines in cursor.fetchall()}
    if not chosen:
        return {}
    rows = slim_rows(
        model.objects.filter(history_id__in=chosen),
        list(
            dict.fromkeys([model.instance_type._meta.pk.attname, "history_id", "history_date", "history_type", *fields])
        ),
    )
    areas: dict[int | None, AreaRows] = {}
    for row in sorted(rows, key=lambda row: (row.history_date, row.history_id)):
        area_key, lines = chosen[row.history_id]
        entry = areas.setdefault(area_key, AreaRows(lines=int(lines)))
        entry.changes.append((RowChange(before=None, after=row), [kind]))
    return areas
