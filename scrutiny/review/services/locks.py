"""Agreed notes lock everything recorded against their meeting: conclusions and requests too, whichever
page they come from, until the clerk reopens the notes with a reason."""

from django.core.exceptions import ValidationError


def check_meeting_takes_records(review, meeting) -> None:
    """A record of this review is raised or reached at none of its meetings, or at one of its own whose notes
    are not agreed. A ValidationError on the meeting field, so the page shows it next to the meeting chosen."""
    if meeting is None:
        return
    if meeting.review_id != review.pk:
        raise ValidationError({"meeting": "Choose a meeting of this review."})
    if meeting.notes_locked:
        agreed = f" on {meeting.notes_agreed_on:%-d %B %Y}" if meeting.notes_agreed_on else ""
        raise ValidationError(
            {
                "meeting": (
                    f"The notes of {meeting.title} ({meeting.date:%-d %B %Y}) were agreed{agreed} and are locked. "
                    "Choose another meeting, or ask the clerk to reopen the notes, giving a reason."
                )
            }
        )
