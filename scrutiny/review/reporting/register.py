"""One register of every recommendation and observation across the reviews a person may see.

Each row's due date and overdue flag come from response_clock.py; both are worked out in Python from the
one query that reads the rows (month arithmetic per addressee's period is not worth doing in SQL)."""

import datetime
from dataclasses import dataclass

import django_filters
from crispy_forms_gds.layout import Field, Size
from django import forms
from django.db.models import Q
from django.utils import timezone

from scrutiny.core.exports import Column, TableExport
from scrutiny.core.formtools import gds_helper

from ..models import Recommendation
from ..permissions import reviews_visible_to
from ..response_clock import municipal_year

CHOOSE = {"invalid_choice": "Choose from the list"}

# Where a recommendation stands, from its dates (never typed); each with the rows it selects.
STATUSES = {
    "awaiting_committee": (
        "Awaiting the committee",
        Q(committee_decision="pending", executive_response_on__isnull=True, closed_on__isnull=True, sign_off=""),
    ),
    "awaiting_response": (
        "Awaiting the response",
        Q(executive_response_on__isnull=True, closed_on__isnull=True, sign_off="")
        & ~Q(committee_decision="pending")
        & ~Q(addressee_kind="committee"),
    ),
    "decided_by_committee": (
        "Decided by the committee",
        Q(addressee_kind="committee", executive_response_on__isnull=True, closed_on__isnull=True, sign_off="")
        & ~Q(committee_decision="pending"),
    ),
    "responded": ("Responded", Q(executive_response_on__isnull=False, closed_on__isnull=True, sign_off="")),
    "signed_off": ("Signed off", Q(closed_on__isnull=True) & ~Q(sign_off="")),
    "closed": ("Closed", Q(closed_on__isnull=False)),
}


def register_status(recommendation: Recommendation) -> str:
    if recommendation.closed_on:
        return "closed"
    if recommendation.sign_off:
        return "signed_off"
    if recommendation.executive_response_on:
        return "responded"
    if recommendation.committee_decision == Recommendation.Decision.PENDING:
        return "awaiting_committee"
    if not recommendation.expects_response:
        return "decided_by_committee"
    return "awaiting_response"


def reference(recommendation: Recommendation) -> str:
    """ "2012/13-R2": the municipal year of the report (or of the committee's decision), kind and number."""
    review = recommendation.review
    dated = review.report_to_committee_on or review.final_report_on or recommendation.committee_decision_on
    letter = "R" if recommendation.is_formal else "O"
    return f"{municipal_year(dated)}-{letter}{recommendation.number}" if dated else f"{letter}{recommendation.number}"


def register_queryset(user):
    return Recommendation.objects.filter(review__in=reviews_visible_to(user)).with_monitoring()


RAG_CHOICES = [
    ("red", "Red"),
    ("amber", "Amber"),
    ("green", "Green"),
    ("blue", "Blue (complete)"),
    ("grey", "Grey (not running, or for the committee)"),
]


def actions_summary(recommendation) -> str:
    """The linked actions' progress in one cell of the export."""
    return "; ".join(
        f"{action}: {action.get_status_display()}, RAG {action.get_rag_display().lower()}, "
        f"target {action.target_date:%-d %b %Y}"
        if action.target_date
        else f"{action}: {action.get_status_display()}"
        for action in recommendation.actions.all()
    )


class RecommendationRegisterFilter(django_filters.FilterSet):
    review = django_filters.ModelChoiceFilter(
        label="Review",
        queryset=None,
        empty_label="Any",
        error_messages={"invalid_choice": "Choose a review from the list"},
    )
    addressee_kind = django_filters.ChoiceFilter(
        label="Addressed to", choices=Recommendation.AddresseeKind.choices, empty_label="Any", error_messages=CHOOSE
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[(value, label) for value, (label, _q) in STATUSES.items()],
        empty_label="Any",
        method="filter_status",
        error_messages=CHOOSE,
    )
    rag = django_filters.ChoiceFilter(
        label="RAG rating", choices=RAG_CHOICES, empty_label="Any", method="filter_rag", error_messages=CHOOSE
    )
    overdue = django_filters.BooleanFilter(
        label="Only responses overdue", widget=forms.CheckboxInput, method="filter_overdue"
    )
    updates_overdue = django_filters.BooleanFilter(
        label="Only monitoring updates overdue", widget=forms.CheckboxInput, method="filter_updates_overdue"
    )

    def __init__(self, data=None, *, user, today: datetime.date | None = None, **kwargs):
        super().__init__(data, queryset=register_queryset(user), **kwargs)
        self.today = today or timezone.localdate()
        self.filters["review"].queryset = reviews_visible_to(user).order_by("title")

    @property
    def form(self):
        form = super().form
        if not hasattr(form, "helper"):
            form.helper = gds_helper(
                "review",
                "addressee_kind",
                "status",
                "rag",
                Field.checkbox("overdue", small=True),
                Field.checkbox("updates_overdue", small=True),
                label_size=Size.SMALL,
            )
        return form

    def filter_status(self, queryset, name, value):
        return queryset.filter(STATUSES[value][1])

    def filter_rag(self, queryset, name, value):
        # Derived from dates in Python (monitoring.rate), so applied to the rows (rows()).
        return queryset

    def filter_overdue(self, queryset, name, value):
        # Narrowed in SQL to those that could be late; the clock itself is applied to the rows (rows()).
        if not value:
            return queryset
        return (
            queryset.filter(executive_response_on__isnull=True, closed_on__isnull=True)
            .exclude(addressee_kind=Recommendation.AddresseeKind.COMMITTEE)
            .filter(Q(received_on__lt=self.today) | Q(review__report_received_on__lt=self.today))
        )

    def filter_updates_overdue(self, queryset, name, value):
        # Only those responded to and not signed off can owe an update; the dates are applied to the rows.
        if not value:
            return queryset
        return queryset.filter(executive_response_on__isnull=False, sign_off="")

    def rows(self) -> list[Recommendation]:
        """The matching recommendations, each with its reference, status, due date and overdue flag."""
        valid = self.is_valid()
        chosen_overdue = valid and self.form.cleaned_data.get("overdue")
        chosen_rag = valid and self.form.cleaned_data.get("rag")
        chosen_updates_overdue = valid and self.form.cleaned_data.get("updates_overdue")
        items = []
        for recommendation in self.qs.order_by("review__title", "review_id", "-kind", "number"):
            recommendation.reference = reference(recommendation)
            recommendation.status_label = STATUSES[register_status(recommendation)][0]
            recommendation.due_on = recommendation.response_due_on
            recommendation.overdue = recommendation.is_response_overdue(self.today)
            recommendation.rating = recommendation.rag(self.today)
            if chosen_overdue and not recommendation.overdue:
                continue
            if chosen_rag and recommendation.rating.colour != chosen_rag:
                continue
            if chosen_updates_overdue and not recommendation.is_update_overdue(self.today):
                continue
            items.append(recommendation)
        return items


class RegisterExport(TableExport):
    title = "Recommendations register"
    sheet_name = "Recommendations"
    columns = [
        Column("Reference", lambda r: r.reference, 14),
        Column("Review", lambda r: r.review.title, 40),
        Column("Kind", lambda r: r.get_kind_display(), 16),
        Column("Text", lambda r: r.text, 60),
        Column("Addressed to", lambda r: r.addressed_to, 30),
        Column("Kind of addressee", lambda r: r.get_addressee_kind_display(), 24),
        Column("Status", lambda r: r.status_label, 20),
        Column("Response due", lambda r: r.due_on, 14),
        Column("Response overdue", lambda r: r.overdue, 10),
        Column("Date of response", lambda r: r.executive_response_on, 14),
        Column("Response", lambda r: r.get_response_display() if r.response else "", 16),
        Column("Lead", lambda r: str(r.lead or ""), 24),
        Column("Implementation date", lambda r: r.implementation_due_on, 14),
        Column("Next update due", lambda r: r.next_update_due_on, 14),
        Column("Linked actions", actions_summary, 60),
        Column("Sign-off", lambda r: r.get_sign_off_display() if r.sign_off else "", 18),
        Column("RAG", lambda r: r.rating.label, 10),
        Column("Why", lambda r: r.rating.reason, 40),
    ]

    def __init__(self, items: list[Recommendation]):
        self.items = items

    def rows(self):
        return self.items


def overdue_responses_by_review(reviews, today: datetime.date) -> dict[int, int]:
    """Review id -> how many of its responses are overdue, in one query whatever the number of reviews."""
    by_pk = {review.pk: review for review in reviews}
    candidates = (
        Recommendation.objects.filter(review_id__in=by_pk, executive_response_on__isnull=True, closed_on__isnull=True)
        .exclude(addressee_kind=Recommendation.AddresseeKind.COMMITTEE)
        .filter(Q(received_on__isnull=False) | Q(review__report_received_on__isnull=False))
        .only("review_id", "addressee_kind", "executive_response_on", "closed_on", "received_on", "sign_off")
    )
    counts: dict[int, int] = {}
    for recommendation in candidates:
        recommendation.review = by_pk[recommendation.review_id]  # already read: no query per row
        if recommendation.is_response_overdue(today):
            counts[recommendation.review_id] = counts.get(recommendation.review_id, 0) + 1
    return counts


@dataclass
class MonitoringFlags:
    """A review's recommendations that are late: responses overdue, monitoring updates overdue."""

    responses_overdue: list[Recommendation]
    updates_overdue: list[Recommendation]

    def __bool__(self):
        return bool(self.responses_overdue or self.updates_overdue)


def monitoring_flags(review, today: datetime.date) -> MonitoringFlags:
    """In a fixed number of queries however many recommendations the review has."""
    flags = MonitoringFlags([], [])
    if review.is_closed:
        return flags
    for recommendation in review.recommendations.with_monitoring().order_by("kind", "number"):
        recommendation.review = review
        if recommendation.is_response_overdue(today):
            flags.responses_overdue.append(recommendation)
        elif recommendation.is_update_overdue(today):
            flags.updates_overdue.append(recommendation)
    return flags
