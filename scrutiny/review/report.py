"""The review's interim and final reports, with the structure of the 2012 final report: contents;
1.0 Introduction (1.1 executive summary to 1.5 recommendations); 2.0 history of the review, a section per
meeting; 3.0 recommendations, each after its reasoning, and the observations; 4.0 acknowledgements; then
the appendices, lettered A, B, C... in the order printed.

The narrative (executive summary, each meeting's paragraph, the reasoning, the observations, the
acknowledgements) is the clerk's (scrutiny.review.narrative), or a draft from the records until written."""

from django.utils.text import slugify

from scrutiny.core.documents.appendices import AppendixLetters, add_answers
from scrutiny.core.documents.builder import BulletList, Document, Heading, PageBreak, isolate

from .agreement import agreement_statement
from .exports.conclusions import ConclusionsTableExport
from .models import Attendance, ReviewMembership
from .narrative import Narrative, Part
from .papers import add_notes_body, meeting_label
from .report_data import report_data

REPORT_KINDS = {"interim": "Interim report", "final": "Final report"}


def _day(date) -> str:
    return f"{date:%-d %B %Y}" if date else ""


def report_document(review, kind: str, *, include_draft_notes: bool) -> Document:
    """The report as the group publishes it. Draft notes stay within the review: for anyone else their
    appendix says only that they are not agreed."""
    # The records it prints: the interim report's as they stood at its date, read from the history.
    records = report_data(review, kind)
    narrative = Narrative(review, records.meetings, records.recommendations, as_at=records.as_at)
    letters = AppendixLetters(records.meetings, has_answers=bool(records.answers))
    doc = _report_cover(review, kind, records.report_date)
    add_introduction(doc, records, narrative)
    add_history(doc, records, narrative, letters)
    add_recommendations(doc, records, narrative)
    doc.heading("4.0 Acknowledgements").paragraph(narrative.text(Part.ACKNOWLEDGEMENTS))
    add_appendices(doc, records, letters, include_draft_notes=include_draft_notes)
    add_contents(doc)
    return doc


def _report_cover(review, kind, report_date) -> Document:
    label = REPORT_KINDS[kind]
    dated = f"{report_date:%Y-%m-%d}" if report_date else "draft"
    return Document(
        title=f"{isolate(review.title)}: {label.lower()}",
        subtitle=(
            f"To the {review.reporting_committee}, {_day(report_date)}"
            if report_date
            else f"To the {review.reporting_committee}. Draft"
        ),
        filename_stem=f"{kind}-report-{slugify(review.title)}-{dated}",
        draft=report_date is None,
    )


def add_contents(doc: Document) -> None:
    """The sections and the introduction's parts, then the appendices, as the real report's contents page."""
    entries, in_introduction = [], False
    for block in doc.blocks:
        if block.kind != "heading" or block.level > 2:
            continue
        if block.level == 1:
            in_introduction = block.text.startswith("1.0")
            entries.append(block.text)
        elif in_introduction:
            entries.append(block.text)
    doc.blocks[0:0] = [Heading("Contents", 1), BulletList(entries), PageBreak()]


def add_introduction(doc, records, narrative) -> None:
    meetings = records.meetings
    doc.heading("1.0 Introduction")
    doc.heading("1.1 Executive summary", 2).paragraph(narrative.text(Part.SUMMARY))

    doc.heading("1.2 Members and contributors", 2)
    chair = ReviewMembership.Role.CHAIR
    councillors = [m for m in records.memberships if m.is_councillor]
    doc.bullets([f"{isolate(m.person.name)}{' (Chair)' if m.role == chair else ''}" for m in councillors])
    others = [m for m in records.memberships if not m.is_councillor]
    witnesses = {
        row.person
        for meeting in meetings
        for row in meeting.attendance.all()
        if row.capacity == Attendance.Capacity.WITNESS and row.status == Attendance.Status.PRESENT
    }
    doc.bullets(
        [m.person.described for m in others] + sorted(p.described for p in witnesses - {m.person for m in others})
    )

    doc.heading("1.3 Evidence used", 2)
    # Everything considered at the review's meetings (what answered its requests is in its own appendix).
    evidence = {e.pk: e for meeting in meetings for e in meeting.evidence_considered.all()}
    doc.bullets(
        [f"{isolate(e.title)} ({e.get_kind_display().lower()})" for e in evidence.values()]
        or ["No evidence recorded yet."]
    )

    doc.heading("1.4 Dates and timescales", 2)
    doc.bullets([f"{_day(m.date)}: {isolate(m.title)}. {m.purpose}" for m in meetings] or ["No meetings yet."])

    doc.heading("1.5 Recommendations", 2)
    doc.bullets([f"{r.number}. {r.text}" for r in records.formal] or ["None yet."])


def add_history(doc, records, narrative, letters) -> None:
    doc.heading("2.0 History of the review")
    for index, meeting in enumerate(records.meetings, start=1):
        number = f" (meeting {meeting.number})" if meeting.number else ""
        doc.heading(f"2.{index} {isolate(meeting.title)}{number}, {_day(meeting.date)}", 2)
        doc.paragraph(narrative.text(Part.MEETING, meeting=meeting))
        doc.paragraph(f"Detailed notes of this meeting are at {letters.notes(meeting)}.")


def add_recommendations(doc, records, narrative) -> None:
    doc.heading("3.0 Recommendations")
    if not records.formal:
        doc.paragraph("The group has made no recommendations yet.")
    for recommendation in records.formal:
        doc.paragraph(narrative.text(Part.RECOMMENDATION, recommendation=recommendation))
        doc.bullets([f"{recommendation.number}. {recommendation.text}"])
    if records.observations:
        doc.heading("Observations", 2)
        for observation in records.observations:
            doc.paragraph(narrative.text(Part.OBSERVATION, recommendation=observation))


def add_appendices(doc, records, letters, *, include_draft_notes: bool) -> None:
    review, meetings = records.review, records.meetings
    doc.page_break().heading(f"{letters.scoping()}: the scoping document").paragraph(review.remit)
    for meeting in meetings:
        doc.page_break().heading(
            f"{letters.notes(meeting)}: notes of {meeting_label(meeting)}, {isolate(meeting.title)}, {_day(meeting.date)}"
        )
        if meeting.notes_locked:
            doc.paragraph(agreement_statement(meeting, meetings=meetings, chair=records.chair, chair_known=True))
        else:
            doc.paragraph("Draft: these notes have not been agreed yet.")
            if not include_draft_notes:
                continue
        add_notes_body(doc, meeting, level=2)
    # The conclusions table is wide: it sits on landscape pages, and the appendix after it does not.
    doc.section("landscape").heading(f"{letters.conclusions()}: conclusions against each action")
    doc.table_from_export(ConclusionsTableExport(review, rows=records.conclusion_rows))
    if records.answers:
        add_answers(doc.section("portrait"), records.answers, letters.answers())
