"""Writes to the review itself: its stage, which areas it pursues, closing and reopening it.

A closed review is read-only: its records, notes and papers stay readable, and every write to it,
through any door, is refused with ReviewClosed until an administrator reopens it with a reason."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scrutiny.core.writes import save_audited

from ..errors import ensure_open
from ..models import Review, ReviewArea


@transaction.atomic
def update_review_stage(*, actor, review: Review, state: str, interim_report_on=None, final_report_on=None) -> Review:
    ensure_open(Review.objects.get(pk=review.pk))
    review.state = state
    review.interim_report_on = interim_report_on
    review.final_report_on = final_report_on
    return save_audited(review, actor=actor)


@transaction.atomic
def decide_area(*, actor, review: Review, area, pursued: bool, reason: str = "") -> ReviewArea:
    """Record whether the review pursues an area, and why not. The reason is required when it does not."""
    ensure_open(review)
    reason = (reason or "").strip()
    if not pursued and not reason:
        raise ValidationError({"reason": "Give the reason for not pursuing this area."})
    if area.inspection_id != review.inspection_id:
        raise ValidationError("This area belongs to another inspection.")
    decision = ReviewArea.objects.filter(review=review, area=area).first() or ReviewArea(review=review, area=area)
    decision.pursued = pursued
    decision.reason = reason
    return save_audited(decision, actor=actor)


@transaction.atomic
def reopen_review(*, actor, review: Review, reason: str, state: str = Review.State.FINAL_REPORT) -> Review:
    """Only an administrator reopens a closed review; the reason is kept in its history."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the review is being reopened."})
    if review.state != Review.State.CLOSED:
        raise ValidationError("This review is not closed: there is nothing to reopen.")
    if state == Review.State.CLOSED:
        raise ValidationError({"state": "Choose the stage the review returns to."})
    review.state = state
    return save_audited(review, actor=actor, reason=f"Reopened: {reason}")
