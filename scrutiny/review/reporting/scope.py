"""Which review the members' pages are about, who may see them, and the moments they compare."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from actionplan.models import Inspection

from ..models import Meeting, Review


@dataclass(frozen=True)
class Scope:
    """What a members' page is about: the review in its address, and the inspection it scrutinises."""

    review: Review
    inspection: Inspection

    @classmethod
    def of(cls, review: Review) -> "Scope":
        return cls(review=review, inspection=review.inspection)


def start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The first instant of the next day: everything recorded on `day` is before it."""
    return start_of_day(day + datetime.timedelta(days=1))


# A meeting with a start time but no end time is taken to last this long (the group's meetings run
# about two hours), so that a period "since the meeting" starts soon after it, not at midnight.
ASSUMED_LENGTH = datetime.timedelta(hours=2)


def end_of_meeting(meeting: Meeting) -> datetime.datetime:
    """When the meeting ended: its end time; else its start time plus ASSUMED_LENGTH (within its day);
    else, with no times at all, the end of its day."""
    if meeting.end_time:
        return timezone.make_aware(datetime.datetime.combine(meeting.date, meeting.end_time))
    if meeting.start_time:
        started = timezone.make_aware(datetime.datetime.combine(meeting.date, meeting.start_time))
        return min(started + ASSUMED_LENGTH, end_of_day(meeting.date))
    return end_of_day(meeting.date)


def previous_meeting(review: Review | None, on: datetime.date | None = None) -> Meeting | None:
    """The latest meeting of the review dated before `on`; by default the latest that has ended, which
    may be one held earlier today."""
    if review is None:
        return None
    if on is not None:
        return Meeting.objects.filter(review=review).past(on).first()
    now = timezone.now()
    # A day holds a handful of meetings at most: the latest few up to today, the first that has ended.
    latest = Meeting.objects.filter(review=review, date__lte=timezone.localdate()).order_by("-date", "-start_time")
    return (
        next((m for m in latest[:5] if end_of_meeting(m) <= now), None)
        or latest.filter(date__lt=timezone.localdate()).first()
    )
