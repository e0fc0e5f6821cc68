"""The review's meetings as a table: the schedule, and where each meeting's notes stand."""

from django.utils import timezone
from django.utils.text import slugify

from scrutiny.core.exports.tables import Column, TableExport

from ..models import Meeting


class MeetingsExport(TableExport):
    title = "Meetings"
    sheet_name = "Meetings"
    columns = [
        Column("Number", lambda m: m.number, 8),
        Column("Title", lambda m: m.title, 30),
        Column("Date", lambda m: m.date, 12),
        Column("Starts", lambda m: m.start_time, 8),
        Column("Ends", lambda m: m.end_time, 8),
        Column("Place", lambda m: m.place, 24),
        Column("Purpose", lambda m: m.purpose, 50),
        Column("Theme", lambda m: m.theme.name if m.theme else "", 20),
        Column("Areas considered", lambda m: ", ".join(str(a.number) for a in m.areas.all()), 18),
        Column("Notes", lambda m: m.get_notes_status_display(), 10),
        Column("Notes agreed on", lambda m: m.notes_agreed_on, 14),
        Column("Published as", lambda m: m.notes_reference, 14),
    ]

    def __init__(self, review):
        self.review = review

    def rows(self):
        return (
            Meeting.objects.filter(review=self.review)
            .select_related("theme")
            .prefetch_related("areas")
            .order_by("date", "start_time")
        )

    def filename_stem(self) -> str:
        return f"meetings-{slugify(self.review.title)}-{timezone.localdate():%Y-%m-%d}"
