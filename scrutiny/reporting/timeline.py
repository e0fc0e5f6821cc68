"""Reading django-simple-history rows in bulk: one query per model, never one per record."""

import datetime
from dataclasses import dataclass

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


def changes_between(history_qs, since: datetime.datetime, until: datetime.datetime) -> list[RowChange]:
    """Every history row written in (since, until], each paired with the row before it.

    Two queries: the rows in the period, and each changed record's last row before the period."""
    pk_name = history_qs.model.instance_type._meta.pk.attname
    rows = list(
        history_qs.filter(history_date__gt=since, history_date__lte=until)
        .select_related("history_user__person")
        .order_by("history_date", "history_id")
    )
    if not rows:
        return []
    ids = {getattr(row, pk_name) for row in rows}
    previous = {
        getattr(row, pk_name): row
        for row in latest_rows(history_qs.model.objects.filter(**{f"{pk_name}__in": ids}), since)
    }
    changes = []
    for row in rows:
        key = getattr(row, pk_name)
        changes.append(RowChange(before=previous.get(key), after=row))
        previous[key] = row
    return changes
