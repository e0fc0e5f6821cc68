"""The review's meetings as an iCalendar file that Outlook and other calendars import."""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

DEFAULT_LENGTH = datetime.timedelta(hours=2)


def _uid(meeting) -> str:
    # Stable across downloads, so re-importing updates the event instead of duplicating it.
    return f"meeting-{meeting.pk}@scrutiny.{settings.COUNCIL_NAME.lower().replace(' ', '-')}"


def _event(meeting, stamp) -> Event:
    event = Event()
    event.add("uid", _uid(meeting))
    event.add("dtstamp", stamp)
    number = f"Meeting {meeting.number}: " if meeting.number else ""
    event.add("summary", f"{number}{meeting.title} ({meeting.review.title})")
    if meeting.start_time:
        tz = timezone.get_default_timezone()
        start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=tz)
        end = (
            datetime.datetime.combine(meeting.date, meeting.end_time, tzinfo=tz)
            if meeting.end_time
            else start + DEFAULT_LENGTH
        )
        # In UTC: every calendar reads it without needing a VTIMEZONE block.
        event.add("dtstart", start.astimezone(datetime.UTC))
        event.add("dtend", end.astimezone(datetime.UTC))
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + datetime.timedelta(days=1))
    event.add("location", meeting.place or "To be confirmed")
    areas = ", ".join(str(area.number) for area in meeting.areas.all())
    description = meeting.purpose + (f"\n\nAreas for improvement: {areas}" if areas else "")
    page = settings.SITE_URL + meeting.get_absolute_url()
    event.add("description", f"{description}\n\n{page}")
    event.add("url", page)
    return event


def meetings_calendar(review, meetings) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.COUNCIL_NAME}//{settings.SERVICE_NAME}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", review.title)
    stamp = timezone.now()
    for meeting in meetings:
        calendar.add_component(_event(meeting, stamp))
    return calendar.to_ical()
