"""Agreed notes lock everything recorded against their meeting: conclusions and requests too, whichever
page they come from, until the clerk reopens the notes with a reason."""

from django.core.exceptions import ValidationError


def refuse_if_notes_agreed(meeting) -> None:
    """A ValidationError on the meeting field, so the page shows it next to the meeting chosen."""
    if meeting is not None and meeting.notes_locked:
        agreed = f" on {meeting.notes_agreed_on:%-d %B %Y}" if meeting.notes_agreed_on else ""
        raise ValidationError(
            {
                "meeting": (
                    f"The notes of {meeting.title} ({meeting.date:%-d %B %Y}) were agreed{agreed} and are locked. "
                    "Choose another meeting, or ask the clerk to reopen the notes, giving a reason."
                )
            }
        )


def refuse_other_reviews_meeting(review, meeting) -> None:
    """A record of this review is raised or reached only at one of its own meetings (or at none)."""
    if meeting is not None and meeting.review_id != review.pk:
        raise ValidationError({"meeting": "Choose a meeting of this review."})
