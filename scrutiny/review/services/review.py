"""Writes to the review itself: its stage and which areas it pursues."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import Review, ReviewArea


@transaction.atomic
def update_review_stage(*, actor, review: Review, state: str, interim_report_on=None, final_report_on=None) -> Review:
    review.state = state
    review.interim_report_on = interim_report_on
    review.final_report_on = final_report_on
    review.full_clean()
    review._history_user = actor
    review.save()
    return review


@transaction.atomic
def decide_area(*, actor, review: Review, area, pursued: bool, reason: str = "") -> ReviewArea:
    """Record whether the review pursues an area, and why not. The reason is required when it does not."""
    reason = (reason or "").strip()
    if not pursued and not reason:
        raise ValidationError({"reason": "Give the reason for not pursuing this area."})
    if area.inspection_id != review.inspection_id:
        raise ValidationError("This area belongs to another inspection.")
    decision = ReviewArea.objects.filter(review=review, area=area).first() or ReviewArea(review=review, area=area)
    decision.pursued = pursued
    decision.reason = reason
    decision.full_clean()
    decision._history_user = actor
    decision.save()
    return decision
