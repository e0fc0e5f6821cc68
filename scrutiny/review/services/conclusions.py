"""Recording the group's conclusions. A conclusion is never edited: a later one supersedes it,
so the earlier judgement stays on the record."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from scrutiny.core.writes import save_audited

from ..errors import ensure_open
from ..models import Conclusion
from .locks import check_meeting_takes_records


def check_meeting_held(meeting, on=None) -> None:
    """A conclusion becomes the group's current judgement as soon as it is saved: one dated at a meeting
    still to come would speak for the group before it has met. Every door (pages, meeting notes, shell)
    comes through here."""
    on = on or timezone.localdate()
    if meeting is not None and meeting.date > on:
        raise ValidationError(
            {
                "meeting": ValidationError(
                    f"The meeting on {meeting.date:%-d %B %Y} has not taken place yet. Choose the meeting "
                    "where the group reached this conclusion, or record it once the group has met",
                    code="meeting_not_held",
                )
            }
        )


def check_subject(review, *, action, area) -> None:
    """A conclusion is about one action or one whole area, of the review's own inspection."""
    if (action is None) == (area is None):
        raise ValidationError("A conclusion is about one action or one whole area.")
    if (action.area.inspection_id if action else area.inspection_id) != review.inspection_id:
        raise ValidationError("This action or area belongs to another inspection.")


@transaction.atomic
def record_conclusion(*, actor, review, judgement, reasoning, meeting=None, action=None, area=None) -> Conclusion:
    ensure_open(review)
    check_subject(review, action=action, area=area)
    check_meeting_takes_records(review, meeting)
    check_meeting_held(meeting)
    conclusion = Conclusion(
        review=review,
        meeting=meeting,
        action=action,
        area=area,
        judgement=judgement,
        reasoning=(reasoning or "").strip(),
        # Reached when the group met, not when the clerk typed it up.
        reached_on=meeting.date if meeting else timezone.localdate(),
        recorded_by=actor,
    )
    return save_audited(conclusion, actor=actor)
