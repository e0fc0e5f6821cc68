"""Appendix F as a table: the group's conclusion against each area and action.

Rows come from scrutiny.conclusions_table, the same rule the conclusions page shows, so the
spreadsheet, the Word table and the report's appendix never disagree with the page."""

from django.utils import timezone
from django.utils.text import slugify

from scrutiny.core.documents.builder import isolate
from scrutiny.core.exports.tables import Column, TableExport

from ..conclusions_table import build_conclusions_table


def _subject(row) -> str:
    if row.is_area:
        return "Whole area"
    reference = row.action.reference or row.action.pk
    # An action whose text only says the source does not give it is named by its reference alone.
    return f"{reference}: {isolate(row.action.description)}" if row.action.description_from_source else f"{reference}"


def _judgement(row) -> str:
    if row.current:
        return row.current.get_judgement_display()
    return "Not pursued" if not row.pursued else "No conclusion yet"


def _reasoning(row) -> str:
    if row.current:
        return row.current.reasoning
    return row.not_pursued_reason


def _reached_at(row) -> str:
    conclusion = row.current
    if not conclusion:
        return ""
    return conclusion.meeting.title if conclusion.meeting else "Outside a meeting"


def _reached_on(row):
    """A real date, so a spreadsheet sorts and filters by it."""
    return row.current.reached_on if row.current else None


class ConclusionsTableExport(TableExport):
    title = "Conclusions against each action"
    sheet_name = "Conclusions"
    columns = [
        Column("Area", lambda row: row.area.number, 8),
        Column("Action", _subject, 50),
        Column("Lead agency", lambda row: row.action.lead_agency.short_name if row.action else "", 16),
        Column("Officers' status", lambda row: row.action.get_status_display() if row.action else "", 18),
        Column("Group's conclusion", _judgement, 22),
        Column("Reasoning", _reasoning, 60),
        Column("Reached at", _reached_at, 22),
        Column("Reached on", _reached_on, 12),
    ]

    def __init__(self, review, rows=None):
        """`rows`: the table already built (a report as it stood at its date); otherwise built from today's records."""
        self.review = review
        self._rows = rows

    def rows(self):
        if self._rows is None:
            self._rows = build_conclusions_table(self.review)
        return self._rows

    def filename_stem(self) -> str:
        return f"conclusions-{slugify(self.review.title)}-{timezone.localdate():%Y-%m-%d}"
