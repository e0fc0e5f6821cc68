"""The papers a clerk sends about a meeting: its agenda and notes (the reports are in report.py). Each is
built once as a Document; the renderers give Word, PDF and a printable page."""

from django.utils.text import slugify

from scrutiny.core.documents.builder import Document, isolate

from .agreement import agreement_statement
from .models import Attendance


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
    """An area whose text only says the source does not give it is named by its number alone."""
    return f"Area {area.number}: {isolate(area.text)}" if area.text_from_source else f"Area {area.number}"


def _conclusion_subject(conclusion) -> str:
    if conclusion.action_id:
        return f"Action {conclusion.action.reference or conclusion.action_id} (area {conclusion.action.area.number})"
    return f"Area {conclusion.area.number}"


def add_attendance(doc, meeting, level=1):
    """Who attended; a committee paper says nothing of attendance nobody recorded."""
    rows = list(meeting.attendance.all())
    if not rows:
        return
    doc.heading("Attendance", level)
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
    # Items that only say what the source does not record stay in the app; papers never print them.
    items = [item for item in meeting.note_items.all() if not item.source_silent]
    if not items:
        doc.paragraph(meeting.summary or "No notes have been written yet.")
    for number, item in enumerate(items, start=1):  # numbered as printed, with no gap where one is left out
        about = f" (area {item.area.number})" if item.area_id else ""
        doc.heading(f"{number}. {isolate(item.heading)}{about}", level + 1)
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
