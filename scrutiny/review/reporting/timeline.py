"""Reading django-simple-history rows in bulk: one query per model, never one per record."""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, Q


def latest_rows(history_qs, moment: datetime.datetime):
    """Each record's last history row at `moment` (deletions included, so callers can drop them).

    Ties on history_date are broken by history_id, so two saves stamped with the same time still
    give one row per record."""
    pk_name = history_qs.model.instance_type._meta.pk.attname
    base = history_qs.filter(history_date__lte=moment)
    later = history_qs.model.objects.filter(history_date__lte=moment).filter(
        Q(**{pk_name: OuterRef(pk_name)}),
        Q(history_date__gt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__gt=OuterRef("history_id")),
    )
    return base.filter(~Exists(later))


def state_at(history_qs, moment: datetime.datetime) -> list:
    """The records as they stood at `moment`, as history rows (records deleted by then left out)."""
    return [row for row in latest_rows(history_qs, moment) if row.history_type != "-"]


@dataclass
class RowChange:
    """One saved change in the period with the row before it (None when the record was new)."""

    before: object
    after: object

    @property
    def created(self) -> bool:
        return self.after.history_type == "+"

    @property
    def deleted(self) -> bool:
        return self.after.history_type == "-"

    def changed(self, attname: str) -> bool:
        if self.before is None:
            return False
        return getattr(self.before, attname) != getattr(self.after, attname)

    def old(self, attname: str):
        return getattr(self.before, attname) if self.before is not None else None

    def new(self, attname: str):
        return getattr(self.after, attname)


# Who made a change, read in the same query as the row: the user's person, else their name, else username.
WHO_FIELDS = ("history_user__person__name", "history_user__first_name", "history_user__last_name", "history_user__username")


def who_from(values: dict, prefix: str = "history_user") -> str:
    """A user's display name (User.display_name) from the columns fetched alongside a row."""
    if values.get(f"{prefix}__username") is None:
        return ""
    name = values.get(f"{prefix}__person__name")
    if name:
        return name
    full = f"{values[f'{prefix}__first_name'] or ''} {values[f'{prefix}__last_name'] or ''}".strip()
    return full or values[f"{prefix}__username"]


class Row(SimpleNamespace):
    """A history row as plain attributes: only the columns a report reads, no model instance."""


def slim_rows(queryset, fields, extra=()) -> list[Row]:
    """The rows as Row objects with `fields`, plus `who` (the user who saved the change)."""
    rows = []
    for values in queryset.values(*fields, *WHO_FIELDS, *extra):
        values["who"] = who_from(values)
        for name in WHO_FIELDS:
            del values[name]
        rows.append(Row(**values))
    return rows


def changes_between(history_qs, since: datetime.datetime, until: datetime.datetime, fields) -> list[RowChange]:
    """Every history row written in (since, until], each paired with the row before it.

    Rows carry only `fields` (plus history_date, history_id, history_type and `who`), read with
    values(): a long period means thousands of rows, and model instances would cost far more
    than the query. Two queries: the rows in the period, and each changed record's last row
    before the period."""
    pk_name = history_qs.model.instance_type._meta.pk.attname
    fields = list(dict.fromkeys([pk_name, "history_id", "history_date", "history_type", *fields]))
    rows = slim_rows(
        history_qs.filter(history_date__gt=since, history_date__lte=until).order_by("history_date", "history_id"), fields
    )
    if not rows:
        return []
    ids = {getattr(row, pk_name) for row in rows}
    previous = {
        getattr(row, pk_name): row
        for row in slim_rows(latest_rows(history_qs.model.objects.filter(**{f"{pk_name}__in": ids}), since), fields)
    }
    changes = []
    for row in rows:
        key = getattr(row, pk_name)
        changes.append(RowChange(before=previous.get(key), after=row))
        previous[key] = row
    return changes
