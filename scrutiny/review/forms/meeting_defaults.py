"""Which meeting a new record starts at, and which meetings a conclusion may be recorded against.

A request is usually raised for the coming meeting (or today's); a conclusion is reached at a
meeting the group has already held, and becomes the current judgement as soon as it is saved, so
one dated at a meeting still to come would speak for the group before it has met."""

from django.utils import timezone

from ..models import Meeting


def latest_held_meeting(review, on=None):
    """Today's meeting, or else the most recent one before it, of those whose notes are still a draft:
    agreed notes take nothing more, so no record starts at one. None (not at a meeting) when there is none."""
    on = on or timezone.localdate()
    held = review.meetings.filter(date__lte=on).exclude(notes_status=Meeting.NotesStatus.AGREED)
    return held.order_by("-date", "-id").first()


def coming_meeting(review, on=None):
    """Today's meeting, or else the next one; the latest held when none is planned."""
    on = on or timezone.localdate()
    upcoming = review.meetings.filter(date__gte=on).order_by("date", "id").first()
    return upcoming or latest_held_meeting(review, on)
