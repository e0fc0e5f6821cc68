"""Appendix F as a table: the group's conclusion against each area and action.

Rows come from scrutiny.conclusions_table, the same rule the conclusions page shows, so the
spreadsheet, the Word table and the report's appendix never disagree with the page."""

from django.utils import timezone
from django.utils.text import slugify

from ..conclusions_table import build_conclusions_table
from scrutiny.core.exports.tables import Column, TableExport


def _subject(row) -> str:
    if row.is_area:
        return "Whole area"
    return f"{row.action.reference or row.action.pk}: {row.action.description}"


def _judgement(row) -> str:
    if row.current:
        return row.current.get_judgement_display()
    return "Not pursued" if not row.pursued else "No conclusion yet"


def _reasoning(row) -> str:
    if row.current:
        return row.current.reasoning
    return row.not_pursued_reason


def _reached(row) -> str:
    conclusion = row.current
    if not conclusion:
        return ""
    where = conclusion.meeting.title if conclusion.meeting else "outside a meeting"
    return f"{where}, {conclusion.reached_on:%-d %B %Y}"


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
        Column("Reached at", _reached, 26),
    ]

    def __init__(self, review):
        self.review = review
        self._rows = None

    def rows(self):
        if self._rows is None:
            self._rows = build_conclusions_table(self.review)
        return self._rows

    def filename_stem(self) -> str:
        return f"conclusions-{slugify(self.review.title)}-{timezone.localdate():%Y-%m-%d}"
