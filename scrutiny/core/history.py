"""Readable history for any audited record: who changed what, from what, to what, and when.

Built from django-simple-history's rows and diffs and the fields' own verbose names, so no
kind of change needs hand-written text. The number of queries does not grow with the number
of history rows: related names and many-to-many values are fetched in bulk.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Window
from django.utils.formats import date_format
from django.utils.text import capfirst

HIDDEN_FIELDS = {"id", "version", "password", "last_login"}
KIND_LABELS = {"+": "Created", "~": "Changed", "-": "Deleted"}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: object
    who: str
    kind: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)
    record: object = None


@dataclass
class HistoryPage:
    """The newest entries and how many there are in all."""

    entries: list[HistoryEntry]
    total: int

    @property
    def is_partial(self) -> bool:
        return self.total > len(self.entries)


def _display(model_field, value, related_names, choices: dict) -> str:
    """`choices`: the field's {value: label}, empty for a field without choices."""
    if choices and value in choices:
        # Choices speak for themselves, blank ones included ("Not rated").
        return str(choices[value])
    if value in (None, ""):
        return "(blank)"
    if isinstance(model_field, models.ForeignKey):
        return related_names.get((model_field.related_model, value), f"(deleted record {value})")
    if isinstance(model_field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(model_field, models.DateTimeField):
        return date_format(value, "j F Y, H:i")
    if isinstance(model_field, models.DateField):
        return date_format(value, "j F Y")
    if isinstance(model_field, models.FileField):
        return "a file" if value else "(blank)"
    return str(value)


def _m2m_values(records, m2m_fields) -> dict:
    """{(history_id, field_name): sorted labels} in one query per many-to-many field."""
    values = defaultdict(list)
    if not records:
        return values
    history_model = type(records[0])
    for m2m_field in m2m_fields:
        through = getattr(history_model, m2m_field.name).model
        target_name = m2m_field.m2m_reverse_field_name()
        rows = through.objects.filter(history__in=[r.pk for r in records]).select_related(target_name)
        for row in rows:
            values[(row.history_id, m2m_field.name)].append(str(getattr(row, target_name)))
    return values


def history_entries(obj, limit: int | None = None) -> list[HistoryEntry]:
    """Newest first. `limit` keeps long histories short on busy pages."""
    return history_page(obj, limit).entries


def history_page(obj, limit: int | None = None) -> HistoryPage:
    """The newest `limit` entries (all without one) and the total, from one query of at most
    limit + 1 rows: the row before the oldest shown gives that entry its "before" values."""
    records = obj.history.select_related("history_user__person").order_by("-history_date", "-history_id")
    if not limit:
        records = list(records)
        return HistoryPage(_entries(type(obj), records, None), len(records))
    records = list(records.annotate(history_total=Window(Count("pk")))[: limit + 1])
    return HistoryPage(_entries(type(obj), records, limit), records[0].history_total if records else 0)


def _entries(model, records, limit) -> list[HistoryEntry]:
    if not records:
        return []
    m2m_fields = list(getattr(records[0], "_history_m2m_fields", []))
    m2m_names = {f.name for f in m2m_fields}
    tracked = [f for f in model._meta.concrete_fields if f.name not in HIDDEN_FIELDS and f.name not in m2m_names]

    related_ids = defaultdict(set)
    for record in records:
        for f in tracked:
            if isinstance(f, models.ForeignKey):
                value = getattr(record, f.attname)
                if value is not None:
                    related_ids[f.related_model].add(value)
    related_names = {}
    for related_model, ids in related_ids.items():
        for related in related_model._default_manager.filter(pk__in=ids):
            related_names[(related_model, related.pk)] = str(related)
    m2m = _m2m_values(records, m2m_fields)
    # Each field's choices once, not twice for every value of every row.
    choices = {f.name: dict(f.flatchoices) for f in tracked if f.choices}

    entries = []
    for index, record in enumerate(records[:limit] if limit else records):
        previous = records[index + 1] if index + 1 < len(records) else None
        user = record.history_user
        entry = HistoryEntry(
            when=record.history_date,
            who=user.display_name if user else "System",
            kind=KIND_LABELS.get(record.history_type, record.history_type),
            reason=record.history_change_reason or "",
            record=record,
        )
        if previous is not None and record.history_type == "~":
            for f in tracked:
                old, new = getattr(previous, f.attname), getattr(record, f.attname)
                if old != new:
                    shown = choices.get(f.name, {})
                    entry.changes.append(
                        FieldChange(
                            capfirst(f.verbose_name),
                            _display(f, old, related_names, shown),
                            _display(f, new, related_names, shown),
                        )
                    )
            for f in m2m_fields:
                old = sorted(m2m.get((previous.pk, f.name), []))
                new = sorted(m2m.get((record.pk, f.name), []))
                if old != new:
                    entry.changes.append(
                        FieldChange(capfirst(f.verbose_name), ", ".join(old) or "(none)", ", ".join(new) or "(none)")
                    )
        entries.append(entry)
    return entries
