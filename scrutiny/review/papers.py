"""The papers a clerk sends: a meeting's agenda and notes, and the review's interim and final
reports. Each is built once as a Document; the renderers give Word, PDF and a printable page."""

from django.utils.text import slugify

from scrutiny.core.documents.appendices import AppendixLetters, add_answers
from scrutiny.core.documents.builder import Document, isolate

from .agreement import agreement_statement
from .exports.conclusions import ConclusionsTableExport
from .models import Attendance, Recommendation, ReviewMembership
from .report_data import report_data


def _day(date) -> str:
    return f"{date:%-d %B %Y}" if date else ""


def meeting_label(meeting) -> str:
    return f"meeting {meeting.number}" if meeting.number else "meeting"


def meeting_stem(kind: str, meeting) -> str:
    """“notes-meeting-3-health-2012-05-14”: what, which and when, in the file name."""
    number = f"-{meeting.number}" if meeting.number else ""
    return f"{kind}-meeting{number}-{slugify(meeting.title)}-{meeting.date:%Y-%m-%d}"


def when_and_where(meeting) -> str:
    parts = [_day(meeting.date)]
    if meeting.start_time:
        parts.append(f"{meeting.start_time:%H:%M}" + (f" to {meeting.end_time:%H:%M}" if meeting.end_time else ""))
    if meeting.place:
        parts.append(meeting.place)
    return ", ".join(parts)


def _area_line(area) -> str:
    return f"Area {area.number}: {isolate(area.text)}"


def _conclusion_subject(conclusion) -> str:
    if conclusion.action_id:
        return f"Action {conclusion.action.reference or conclusion.action_id} (area {conclusion.action.area.number})"
    return f"Area {conclusion.area.number}"


def add_attendance(doc, meeting, level=1):
    rows = list(meeting.attendance.all())
    doc.heading("Attendance", level)
    if not rows:
        doc.paragraph("No attendance has been recorded.")
        return
    doc.table(
        ["Name", "Attending as", "Attendance"],
        [[row.person.described, row.get_capacity_display(), row.get_status_display()] for row in rows],
    )


def add_notes_body(doc, meeting, level=1):
    """The notes proper: shared by the notes paper and the report's appendices."""
    areas = sorted(meeting.areas.all(), key=lambda a: a.number)
    doc.heading("Purpose", level).paragraph(meeting.purpose)
    if areas:
        doc.heading("Areas for improvement considered", level).bullets([_area_line(a) for a in areas])
    add_attendance(doc, meeting, level)
    evidence = list(meeting.evidence_considered.all())
    if evidence:
        doc.heading("Evidence considered", level)
        doc.table(
            ["Evidence", "Kind", "Provided by"],
            [[e.title, e.get_kind_display(), e.provided_by.name if e.provided_by else ""] for e in evidence],
        )
    doc.heading("Notes", level)
    items = list(meeting.note_items.all())
    if not items:
        doc.paragraph(meeting.summary or "No notes have been written yet.")
    for item in items:
        about = f" (area {item.area.number})" if item.area_id else ""
        doc.heading(f"{item.position}. {isolate(item.heading)}{about}", level + 1)
        doc.paragraph(item.body)
    conclusions = list(meeting.conclusions.all())
    if conclusions:
        doc.heading("Conclusions reached", level)
        doc.table(
            ["About", "Judgement", "Reasoning"],
            [[_conclusion_subject(c), c.get_judgement_display(), c.reasoning] for c in conclusions],
        )
    requests = list(meeting.information_requests.all())
    if requests:
        doc.heading("Information requested", level)
        doc.table(
            ["Asked of", "What the group asked for", "Needed by", "Status"],
            [[r.asked_of, r.question, _day(r.due_by), r.get_status_display()] for r in requests],
        )


def notes_document(meeting) -> Document:
    review = meeting.review
    doc = Document(
        title=f"Notes of {meeting_label(meeting)}: {isolate(meeting.title)}",
        subtitle=f"{isolate(review.title)}. {when_and_where(meeting)}",
        filename_stem=meeting_stem("notes", meeting),
        draft=not meeting.notes_locked,
    )
    if meeting.notes_locked:
        doc.paragraph(agreement_statement(meeting))
    else:
        doc.paragraph("Draft: these notes have not been agreed yet.")
    add_notes_body(doc, meeting)
    return doc


def agenda_document(meeting, previous=None) -> Document:
    review = meeting.review
    doc = Document(
        title=f"Agenda: {meeting_label(meeting)}, {isolate(meeting.title)}",
        subtitle=f"{isolate(review.title)}. {when_and_where(meeting)}",
        filename_stem=meeting_stem("agenda", meeting),
    )
    doc.heading("Purpose").paragraph(meeting.purpose)
    invited = [row for row in meeting.attendance.all() if row.status != Attendance.Status.APOLOGIES]
    if invited:
        doc.heading("Invited").bullets(
            [f"{isolate(row.person.described)} ({row.get_capacity_display().lower()})" for row in invited]
        )
    items = ["Welcome and apologies for absence"]
    if previous:
        items.append(f"Notes of the previous meeting ({isolate(previous.title)}, {_day(previous.date)})")
    areas = sorted(meeting.areas.all(), key=lambda a: a.number)
    items += [_area_line(a) for a in areas]
    items += ["Conclusions and information to request", "Any other business", "Date of the next meeting"]
    doc.heading("Items").table(["Item", "Business"], [[str(n), text] for n, text in enumerate(items, start=1)])
    evidence = list(meeting.evidence_considered.all())
    if evidence:
        doc.heading("Papers and evidence to consider").bullets(
            [f"{isolate(e.title)} ({e.get_kind_display().lower()})" for e in evidence]
        )
    return doc


REPORT_KINDS = {"interim": "Interim report", "final": "Final report"}


def report_document(review, kind: str, *, include_draft_notes: bool) -> Document:
    """The report as the group publishes it, assembled from the records (see the 2012 final report).

    Draft notes stay within the review: for anyone else their appendix says only that they are not agreed."""
    label = REPORT_KINDS[kind]
    # The records it prints (report_data): the interim report as they stood at its date, read from the history.
    data = report_data(review, kind)
    review, report_date, meetings, memberships = data.review, data.report_date, data.meetings, data.memberships
    chair, recommendations, answers = data.chair, data.recommendations, data.answers
    letters = AppendixLetters(meetings, has_answers=bool(answers))
    inspection = review.inspection
    doc = Document(
        title=f"{isolate(review.title)}: {label.lower()}",
        subtitle=(
            f"To the {review.reporting_committee}, {_day(report_date)}"
            if report_date
            else f"To the {review.reporting_committee}. Draft: the committee's date is not recorded yet"
        ),
        filename_stem=f"{kind}-report-{slugify(review.title)}-{f'{report_date:%Y-%m-%d}' if report_date else 'draft'}",
        draft=report_date is None,
    )

    doc.heading("1.0 Introduction")
    doc.heading("1.1 Executive summary", 2)
    doc.paragraph(
        f"{inspection.when}: {inspection.title}"
        + ("" if inspection.body_inspected in inspection.title else f" ({inspection.body_inspected})")
        + f". {inspection.summary}".rstrip()
    )
    doc.paragraph(f"In {review.commissioned_when}, the {review.commissioned_by} commissioned this review.")
    doc.heading("Remit", 3).paragraph(review.remit)

    doc.heading("1.2 Members and contributors", 2)
    councillors = [m for m in memberships if m.is_councillor]
    doc.bullets(
        [f"{isolate(m.person.name)}{' (Chair)' if m.role == ReviewMembership.Role.CHAIR else ''}" for m in councillors]
    )
    others = [m for m in memberships if not m.is_councillor]
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
    evidence = {e.pk: e for meeting in meetings for e in meeting.evidence_considered.all()}
    doc.bullets(
        [f"{isolate(e.title)} ({e.get_kind_display().lower()})" for e in evidence.values()]
        or ["No evidence recorded yet."]
    )

    doc.heading("1.4 Dates and timescales", 2)
    doc.bullets([f"{_day(m.date)}: {isolate(m.title)}. {m.purpose}" for m in meetings] or ["No meetings yet."])

    formal = [r for r in recommendations if r.kind == Recommendation.Kind.RECOMMENDATION]
    observations = [r for r in recommendations if r.kind == Recommendation.Kind.OBSERVATION]
    doc.heading("1.5 Recommendations", 2)
    doc.bullets([f"{r.number}. {r.text}" for r in formal] or ["None yet."])

    doc.heading("2.0 History of the review")
    for index, meeting in enumerate(meetings, start=1):
        number = f" (meeting {meeting.number})" if meeting.number else ""
        doc.heading(f"2.{index} {isolate(meeting.title)}{number}, {_day(meeting.date)}", 2)
        areas = sorted(meeting.areas.all(), key=lambda a: a.number)
        if areas:
            doc.paragraph(
                "This meeting considered areas for improvement " + ", ".join(str(a.number) for a in areas) + "."
            )
        doc.paragraph(meeting.summary or meeting.purpose)
        doc.paragraph(f"Detailed notes of this meeting are at {letters.notes(meeting).lower()}.")

    doc.heading("3.0 Recommendations and observations")
    if formal:
        doc.table(
            ["No.", "Recommendation", "To", "Committee's decision"],
            [[str(r.number), r.text, r.addressed_to, r.get_committee_decision_display()] for r in formal],
        )
    else:
        doc.paragraph("The group has made no recommendations yet.")
    if observations:
        doc.heading("Observations", 2).bullets([r.text for r in observations])

    doc.page_break().heading(f"{letters.scoping()}: the scoping document").paragraph(review.remit)
    for meeting in meetings:
        doc.page_break().heading(
            f"{letters.notes(meeting)}: notes of {meeting_label(meeting)}, {isolate(meeting.title)}, {_day(meeting.date)}"
        )
        if meeting.notes_locked:
            doc.paragraph(agreement_statement(meeting, meetings=meetings, chair=chair, chair_known=True))
        else:
            doc.paragraph("Draft: these notes have not been agreed yet.")
            if not include_draft_notes:
                continue
        add_notes_body(doc, meeting, level=2)
    # The conclusions table is wide: it sits on landscape pages, and the appendix after it does not.
    doc.section("landscape").heading(f"{letters.conclusions()}: conclusions against each action")
    doc.table_from_export(ConclusionsTableExport(review, rows=data.conclusion_rows))
    if answers:
        add_answers(doc.section("portrait"), answers, letters.answers())
    return doc
