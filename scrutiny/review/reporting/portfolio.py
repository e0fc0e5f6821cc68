"""The council's whole portfolio as one person may see it: live inspections with their plans and
figures, live reviews with what is coming and what is owed, and the past by year.

A fixed number of queries whatever the number of inspections, reviews or actions: the figures are
counted in the database, grouped by inspection or review."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from actionplan.models import Action, ActionPlan, Evidence, Inspection

from ..models import InformationRequest, Meeting, Recommendation, Review
from .register import overdue_responses_by_review


@dataclass
class InspectionCard:
    inspection: Inspection
    agencies: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    next_meeting: Meeting | None = None
    reviews: list = field(default_factory=list)

    @property
    def is_live(self) -> bool:
        return bool(self.counts.get("open")) or any(not review.is_closed for review in self.reviews)

    @property
    def year(self) -> int | None:
        day = self.inspection.published_on or self.inspection.start_date
        return day.year if day else None


@dataclass
class ReviewCard:
    review: Review
    next_meeting: Meeting | None = None
    last_meeting: Meeting | None = None
    overdue_actions: int = 0  # of the plan the review scrutinises
    awaited_evidence: int = 0

    @property
    def year(self) -> int | None:
        day = self.review.final_report_on or self.review.commissioned_on
        return day.year if day else None


@dataclass
class Portfolio:
    live_inspections: list
    live_reviews: list
    past_by_year: list  # [(year or None, [cards of inspections and reviews])], newest year first


def _count_of(queryset, column: str):
    """A correlated count that never multiplies the outer rows, unlike two Counts over joins."""
    counted = queryset.order_by().values(column).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def next_meetings_of(reviews, today) -> dict:
    """review id -> its next meeting, in one query."""
    found = {}
    for meeting in Meeting.objects.upcoming(today).filter(review__in=reviews):
        found.setdefault(meeting.review_id, meeting)
    return found


def last_meetings_of(reviews, today) -> dict:
    """review id -> its latest meeting held by today (what "changes since the last meeting" starts from)."""
    found = {}
    for meeting in Meeting.objects.filter(review__in=reviews, date__lte=today).order_by("review_id", "-date", "-id"):
        found.setdefault(meeting.review_id, meeting)
    return found


def awaited_evidence_counts(inspection_ids) -> dict:
    """inspection id -> how many items of evidence are still requested or awaited, in one query."""
    rows = (
        Evidence.objects.awaited()
        .filter(inspection_id__in=inspection_ids)
        .order_by()
        .values("inspection_id")
        .annotate(n=Count("pk"))
    )
    return {row["inspection_id"]: row["n"] for row in rows}


def action_counts(inspection_ids, today, meeting_by_inspection: dict) -> dict:
    """inspection id -> {total, open, overdue, due_soon, and one count per status}, in one query."""
    open_q = Q(status__in=Action.OPEN_STATUSES)
    due_soon = Q(pk__in=[])
    for inspection_id, meeting in meeting_by_inspection.items():
        due_soon |= Q(area__inspection_id=inspection_id, target_date__gte=today, target_date__lt=meeting.date)
    per_status = {status.value: Count("pk", filter=Q(status=status.value)) for status in Action.Status}
    rows = (
        Action.objects.filter(area__inspection_id__in=inspection_ids)
        .order_by()
        .values("area__inspection_id")
        .annotate(
            total=Count("pk"),
            open=Count("pk", filter=open_q),
            overdue=Count("pk", filter=open_q & Q(target_date__lt=today)),
            due_soon=Count("pk", filter=open_q & due_soon),
            **per_status,
        )
    )
    return {row.pop("area__inspection_id"): row for row in rows}


def build_portfolio(*, inspections, reviews, today: datetime.date) -> Portfolio:
    reviews = list(
        reviews.select_related("inspection")
        .annotate(
            open_requests=_count_of(InformationRequest.objects.open().filter(review=OuterRef("pk")), "review"),
            overdue_requests=_count_of(
                InformationRequest.objects.overdue(today).filter(review=OuterRef("pk")), "review"
            ),
            awaiting_response=_count_of(
                Recommendation.objects.awaiting_response().filter(
                    review=OuterRef("pk"), kind=Recommendation.Kind.RECOMMENDATION
                ),
                "review",
            ),
        )
        .order_by(F("commissioned_on").desc(nulls_last=True), "-id")
    )
    live_ids = [r.pk for r in reviews if not r.is_closed]
    review_meetings, last_meetings = next_meetings_of(live_ids, today), last_meetings_of(live_ids, today)
    review_cards = [
        ReviewCard(review, review_meetings.get(review.pk), last_meetings.get(review.pk)) for review in reviews
    ]
    overdue_responses = overdue_responses_by_review([r for r in reviews if not r.is_closed], today)
    for review in reviews:
        review.overdue_responses = overdue_responses.get(review.pk, 0)

    inspections = list(inspections.select_related("inspection_type").order_by("-start_date", "-id"))
    ids = [i.pk for i in inspections]
    meeting_by_inspection: dict = {}
    for card in sorted((c for c in review_cards if c.next_meeting), key=lambda c: c.next_meeting.date):
        meeting_by_inspection.setdefault(card.review.inspection_id, card.next_meeting)
    scrutinised = set(ids) | {review.inspection_id for review in reviews}
    counts = action_counts(scrutinised, today, meeting_by_inspection)
    awaited = awaited_evidence_counts(scrutinised)
    for card in review_cards:
        card.overdue_actions = counts.get(card.review.inspection_id, {}).get("overdue", 0)
        card.awaited_evidence = awaited.get(card.review.inspection_id, 0)
    agencies = defaultdict(list)
    for plan in ActionPlan.objects.filter(inspection_id__in=ids).select_related("agency").order_by("agency__name"):
        agencies[plan.inspection_id].append(plan.agency)
    reviews_by_inspection = defaultdict(list)
    for card in review_cards:
        reviews_by_inspection[card.review.inspection_id].append(card.review)
    inspection_cards = [
        InspectionCard(
            inspection=inspection,
            agencies=agencies[inspection.pk],
            counts=counts.get(inspection.pk, {}),
            next_meeting=meeting_by_inspection.get(inspection.pk),
            reviews=reviews_by_inspection[inspection.pk],
        )
        for inspection in inspections
    ]
    past = defaultdict(list)
    for card in [c for c in inspection_cards if not c.is_live] + [c for c in review_cards if c.review.is_closed]:
        past[card.year].append(card)
    return Portfolio(
        live_inspections=[c for c in inspection_cards if c.is_live],
        live_reviews=[c for c in review_cards if not c.review.is_closed],
        past_by_year=sorted(past.items(), key=lambda item: -(item[0] or 0)),
    )
