"""A recommendation or observation and its life after the report: the committee's decision, the executive's
response and the actions it is linked to, the monitoring updates, the committee's sign-off."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from actionplan.models import Action
from scrutiny.core.model_declarations import (
    choice_is_valid,
    dated_unless,
    link,
    not_blank,
    optional_link,
    unique,
    user_who,
)

from ..monitoring import DEFAULT_UPDATE_MONTHS, RagRating, next_update_due, parse_months, rate, update_due_dates
from ..response_clock import clock_starts_on, due_on, is_overdue


class RecommendationQuerySet(models.QuerySet):
    def awaiting_response(self):
        """Not yet answered by those it is addressed to, and neither closed nor signed off: the response
        clock's concern, whether or not the committee's decision is recorded yet."""
        return self.filter(executive_response_on__isnull=True, closed_on__isnull=True, sign_off="").exclude(
            addressee_kind=RecommendationAddressee.COMMITTEE
        )

    def with_monitoring(self):
        """Everything the RAG rating and the monitoring columns read, in a fixed number of queries."""
        return (
            self.select_related("review", "lead")
            .annotate(update_count=Count("updates", distinct=True))
            .prefetch_related(
                Prefetch(
                    "actions",
                    queryset=Action.objects.with_last_update().select_related("area").order_by("reference", "id"),
                )
            )
        )

    def monitored(self):
        """Accepted in whole or part, responded to, and not yet signed off."""
        return self.filter(
            response__in=["accepted", "partly_accepted"], executive_response_on__isnull=False, sign_off=""
        )


class RecommendationKind(models.TextChoices):
    RECOMMENDATION = "recommendation", "Recommendation"
    OBSERVATION = "observation", "Observation"


class CommitteeDecision(models.TextChoices):
    PENDING = "pending", "Awaiting the committee"
    AGREED = "agreed", "Agreed"
    AGREED_AMENDED = "agreed_amended", "Agreed with amendments"
    NOT_AGREED = "not_agreed", "Not agreed"
    NOTED = "noted", "Noted"


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    IMPLEMENTED = "implemented", "Implemented"
    NOT_IMPLEMENTED = "not_implemented", "Not implemented"


class ExecutiveResponse(models.TextChoices):
    NONE = "", "No response yet"
    ACCEPTED = "accepted", "Accepted"
    PARTLY_ACCEPTED = "partly_accepted", "Partly accepted"
    NOT_ACCEPTED = "not_accepted", "Not accepted"


class CommitteeSignOff(models.TextChoices):
    NONE = "", "Not signed off"
    IMPLEMENTED = "implemented", "Implemented"
    PARTLY_IMPLEMENTED = "partly_implemented", "Partly implemented"
    NOT_IMPLEMENTED = "not_implemented", "Not implemented"
    SUPERSEDED = "superseded", "Superseded"


class RecommendationAddressee(models.TextChoices):
    # Each kind but the committee has its own response period (settings.RESPONSE_PERIOD_MONTHS); nobody
    # outside the committee answers what it addresses to itself, so no response clock runs for it.
    EXECUTIVE = "executive", "The executive or a cabinet member"
    COUNCIL = "council", "The council"
    PARTNER = "partner", "A partner body"
    COMMITTEE = "committee", "The committee itself"


class Recommendation(models.Model):
    """A numbered recommendation, or a non-formal observation, and what became of it."""

    Kind = RecommendationKind
    Decision = CommitteeDecision
    Implementation = ImplementationStatus
    Response = ExecutiveResponse
    SignOff = CommitteeSignOff
    AddresseeKind = RecommendationAddressee

    review = link("review.Review", "recommendations", "review")
    kind = models.CharField("kind", max_length=20, choices=Kind.choices, default=Kind.RECOMMENDATION)
    number = models.PositiveSmallIntegerField("number")
    text = models.TextField("text")
    addressed_to = models.CharField("addressed to", max_length=200)
    addressee_kind = models.CharField(
        "kind of addressee", max_length=20, choices=AddresseeKind.choices, default=AddresseeKind.EXECUTIVE
    )
    committee_decision = models.CharField(
        "committee's decision", max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    committee_decision_on = models.DateField("date of the committee's decision", null=True, blank=True)
    committee_notes = models.TextField("committee's comments", blank=True)
    executive_response = models.TextField("executive's response", blank=True)
    executive_response_on = models.DateField("date of the executive's response", null=True, blank=True)
    implementation = models.CharField(
        "implementation", max_length=20, choices=Implementation.choices, default=Implementation.NOT_STARTED
    )
    implementation_notes = models.TextField("progress on implementation", blank=True)
    closed_on = models.DateField("date closed", null=True, blank=True)
    received_on = models.DateField(
        "date the addressee received it",
        null=True,
        blank=True,
        help_text="Only if it was sent apart from the report, for example to a partner body.",
    )
    made_on = models.DateField("date the group agreed it", null=True, blank=True)
    dates_note = models.TextField(
        "where the dates come from",
        blank=True,
        help_text="What the report says about its dates, and where it is silent.",
    )
    response = models.CharField("response", max_length=20, choices=Response.choices, default=Response.NONE, blank=True)
    response_reasons = models.TextField("reasons given", blank=True)
    lead = optional_link("people.Person", "recommendations_led", "lead")
    implementation_due_on = models.DateField("implementation date", null=True, blank=True)
    update_months = models.CharField(
        "monitoring updates due (months after the response)",
        max_length=40,
        default=DEFAULT_UPDATE_MONTHS,
        help_text="Set by the committee, for example 6, 12.",
    )
    actions = models.ManyToManyField(
        "actionplan.Action", blank=True, related_name="recommendations", verbose_name="linked actions"
    )
    sign_off = models.CharField(
        "committee's sign-off", max_length=20, choices=SignOff.choices, default=SignOff.NONE, blank=True
    )
    signed_off_on = models.DateField("date signed off", null=True, blank=True)
    signed_off_at = models.CharField(
        "meeting that signed it off",
        max_length=200,
        blank=True,
        help_text="The committee and the date of its meeting, for example Children and Young People OSC, 4 March 2014.",
    )
    history = HistoricalRecords(m2m_fields=[actions])

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["review", "kind", "number"]
        verbose_name = "recommendation or observation"
        verbose_name_plural = "recommendations and observations"
        constraints = [
            unique(
                ["review", "kind", "number"],
                "recommendation_number_unique",
                "This review already has one with this number.",
            ),
            choice_is_valid(
                "kind", RecommendationKind, "recommendation_kind_valid", "Choose recommendation or observation."
            ),
            choice_is_valid(
                "committee_decision",
                CommitteeDecision,
                "recommendation_decision_valid",
                "Choose a decision from the list.",
            ),
            choice_is_valid(
                "implementation",
                ImplementationStatus,
                "recommendation_implementation_valid",
                "Choose an implementation status from the list.",
            ),
            choice_is_valid(
                "addressee_kind",
                RecommendationAddressee,
                "recommendation_addressee_kind_valid",
                "Choose a kind of addressee from the list.",
            ),
            choice_is_valid(
                "response", ExecutiveResponse, "recommendation_response_valid", "Choose a response from the list."
            ),
            choice_is_valid(
                "sign_off", CommitteeSignOff, "recommendation_sign_off_valid", "Choose a sign-off from the list."
            ),
            dated_unless(
                "sign_off", "", "signed_off_on", "sign_off_has_date", "Give the date of the committee's sign-off."
            ),
            dated_unless(
                "committee_decision",
                "pending",
                "committee_decision_on",
                "decision_has_date",
                "Give the date of the committee's decision.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def get_absolute_url(self):
        return reverse("recommendation_detail", args=[self.review_id, self.pk])

    @property
    def is_formal(self) -> bool:
        return self.kind == self.Kind.RECOMMENDATION

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    @property
    def expects_response(self) -> bool:
        return self.addressee_kind != self.AddresseeKind.COMMITTEE

    @property
    def response_period_months(self) -> int:
        return settings.RESPONSE_PERIOD_MONTHS.get(self.addressee_kind, 2)

    @property
    def response_due_on(self) -> datetime.date | None:
        """None until the review records when the report was received, and for the committee itself."""
        if not self.expects_response:
            return None
        review = self.review
        starts = clock_starts_on(self.received_on or review.report_received_on, review.committee_notice_on)
        return due_on(starts, self.response_period_months)

    def is_response_overdue(self, today: datetime.date | None = None) -> bool:
        # A closed or signed-off recommendation awaits nothing more, response or not.
        if self.is_closed or self.sign_off:
            return False
        return is_overdue(self.response_due_on, self.executive_response_on, today or timezone.localdate())

    # Monitoring (monitoring.py): updates due after an accepted response, and the derived RAG rating.

    @property
    def is_accepted(self) -> bool:
        return self.response in (self.Response.ACCEPTED, self.Response.PARTLY_ACCEPTED)

    @property
    def is_signed_off(self) -> bool:
        return bool(self.sign_off)

    @property
    def update_months_list(self) -> list[int]:
        try:
            return parse_months(self.update_months)
        except ValueError:
            return []

    @property
    def updates_received(self) -> int:
        # Annotated by with_monitoring(); one query otherwise.
        count = getattr(self, "update_count", None)
        return self.updates.count() if count is None else count

    def update_due_dates(self) -> list[datetime.date]:
        """Due only while an accepted (or partly accepted) response is being implemented."""
        if not self.is_accepted or self.is_signed_off:
            return []
        return update_due_dates(self.executive_response_on, self.update_months_list)

    @property
    def next_update_due_on(self) -> datetime.date | None:
        return next_update_due(self.update_due_dates(), self.updates_received)

    def is_update_overdue(self, today: datetime.date | None = None) -> bool:
        due = self.next_update_due_on
        return bool(due and (today or timezone.localdate()) > due)

    def rag(self, today: datetime.date | None = None) -> RagRating:
        return rate(
            today=today or timezone.localdate(),
            signed_off=self.get_sign_off_display() if self.sign_off else ("Closed" if self.is_closed else ""),
            signed_off_on=self.signed_off_on or self.closed_on,
            response_due_on=self.response_due_on,
            responded_on=self.executive_response_on,
            update_due_on=self.next_update_due_on,
            response_expected=self.expects_response,
        )


class MonitoringUpdate(models.Model):
    """One update report on a recommendation's implementation, dated, as the committee received it."""

    recommendation = link(Recommendation, "updates", "recommendation")
    reported_on = models.DateField("date of the update")
    text = models.TextField("what the update says")
    meeting = models.CharField(
        "meeting it went to", max_length=200, blank=True, help_text="The committee meeting that received it, if any."
    )
    recorded_by = user_who("recorded by")
    history = HistoricalRecords()

    class Meta:
        ordering = ["reported_on", "id"]
        verbose_name = "monitoring update"
        constraints = [
            not_blank("text", "monitoring_update_has_text", "Enter the update."),
        ]

    def __str__(self):
        return f"Update of {self.reported_on:%-d %B %Y} on {self.recommendation}"

    def get_absolute_url(self):
        return self.recommendation.get_absolute_url()
