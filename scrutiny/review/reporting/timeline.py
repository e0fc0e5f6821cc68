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


def state_at(history_qs, moment: datetime.datetime, **as_they_stood) -> list:
    """The records as they stood at `moment`, as history rows (records deleted by then left out).

    `as_they_stood` filters on the row at the moment (lead_agency_id=3: led by agency 3 then)."""
    return list(latest_rows(history_qs, moment).exclude(history_type="-").filter(**as_they_stood))


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
WHO_FIELDS = (
    "history_user__person__name",
    "history_user__first_name",
    "history_user__last_name",
    "history_user__username",
)


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
