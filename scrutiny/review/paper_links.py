"""Every paper of a review, with a link per format, for the review's own page: the reports, the table of
conclusions, and each meeting's agenda and notes (draft notes only for those who may read them)."""

from dataclasses import dataclass

from django.urls import reverse

FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "html": "printable page", "xlsx": "Excel", "csv": "CSV"}
DOCUMENT_FORMATS = ("docx", "pdf", "html")


@dataclass
class PaperLink:
    label: str  # "Word"
    url: str


@dataclass
class Paper:
    name: str  # "Final report": also read by screen readers after each link's label
    detail: str
    links: list[PaperLink]


def _links(route, args, formats=DOCUMENT_FORMATS) -> list[PaperLink]:
    return [PaperLink(FORMAT_NAMES[fmt], reverse(route, args=[*args, fmt])) for fmt in formats]


def _day(date) -> str:
    return f"{date:%-d %B %Y}" if date else ""


def review_papers(review, meetings, *, drafts_readable: bool) -> list[Paper]:
    """`meetings` in date order; draft notes are listed only when `drafts_readable`
    (permissions.may_read_draft_notes). No query of its own."""
    interim, final = review.interim_report_on, review.final_report_on
    papers = [
        Paper(
            "Interim report",
            f"As it stood on {_day(interim)}" if interim else "Draft: the committee's date is not recorded yet",
            _links("review_report", [review.pk, "interim"]),
        ),
        Paper(
            "Final report",
            _day(final) if final else "Draft: the committee's date is not recorded yet",
            _links("review_report", [review.pk, "final"]),
        ),
        Paper(
            "Table of conclusions against each action",
            "The group's current conclusion on every area and action",
            _links("conclusions_export", [review.pk], (*DOCUMENT_FORMATS, "xlsx", "csv")),
        ),
    ]
    for meeting in meetings:
        which = f"{meeting.title}, {_day(meeting.date)}"
        papers.append(Paper(f"Agenda: {which}", "", _links("meeting_agenda", [review.pk, meeting.pk])))
        if meeting.notes_locked or drafts_readable:
            papers.append(
                Paper(
                    f"Notes: {which}",
                    f"Agreed on {_day(meeting.notes_agreed_on)}" if meeting.notes_locked else "Draft: not agreed yet",
                    _links("meeting_notes_export", [review.pk, meeting.pk]),
                )
            )
    return papers
