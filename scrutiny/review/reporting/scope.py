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


def end_of_meeting(meeting: Meeting) -> datetime.datetime:
    if meeting.end_time:
        return timezone.make_aware(datetime.datetime.combine(meeting.date, meeting.end_time))
    return end_of_day(meeting.date)


def previous_meeting(review: Review | None, on: datetime.date | None = None) -> Meeting | None:
    """The latest meeting of the review dated before `on` (today by default)."""
    if review is None:
        return None
    return Meeting.objects.filter(review=review).past(on).first()
