"""Writes to the report's narrative: the clerk saves the text of one part (scrutiny.review.narrative
builds the draft the page starts from)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scrutiny.core.writes import save_audited

from ..errors import ensure_open
from ..models import ReportText, Review

PARTS_ABOUT_A_RECOMMENDATION = (ReportText.Part.RECOMMENDATION, ReportText.Part.OBSERVATION)


@transaction.atomic
def save_report_text(*, actor, review: Review, part: str, text: str, meeting=None, recommendation=None) -> ReportText:
    """Store the clerk's text for one part of the report; saving the same text again writes no history."""
    ensure_open(Review.objects.get(pk=review.pk))
    if meeting is not None and meeting.review_id != review.pk:
        raise ValidationError("This meeting belongs to another review.")
    if recommendation is not None and recommendation.review_id != review.pk:
        raise ValidationError("This recommendation belongs to another review.")
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"text": "Write the text for this part of the report."})
    found = ReportText.objects.filter(
        review=review, part=part, meeting=meeting, recommendation=recommendation
    ).first() or ReportText(review=review, part=part, meeting=meeting, recommendation=recommendation)
    if found.pk and found.text == text:
        return found
    found.text = text
    return save_audited(found, actor=actor)


@transaction.atomic
def reset_report_text(*, actor, review: Review, report_text: ReportText) -> None:
    """Take the clerk's text out of the report, which prints the draft from the records again; the text's
    history keeps what it said, who went back to the draft and when."""
    ensure_open(Review.objects.get(pk=review.pk))
    if report_text.review_id != review.pk:
        raise ValidationError("This text belongs to another review.")
    report_text._history_user = actor
    report_text.delete()
