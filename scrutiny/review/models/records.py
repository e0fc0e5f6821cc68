"""The group's own records: conclusions and information requests (recommendations: recommendation.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords


class ConclusionQuerySet(models.QuerySet):
    def for_action(self, action):
        return self.filter(action=action)

    def latest_first(self):
        return self.order_by("-reached_on", "-id")


class Conclusion(models.Model):
    """The group's judgement on an action or on a whole area, reached at a meeting."""

    class Judgement(models.TextChoices):
        SATISFIED = "satisfied", "Satisfied"
        SATISFIED_WITH_RESERVATIONS = "satisfied_with_reservations", "Satisfied with reservations"
        MORE_INFORMATION_NEEDED = "more_information_needed", "More information needed"
        NOT_SATISFIED = "not_satisfied", "Not satisfied"
        NOT_PURSUED = "not_pursued", "Not pursued"

    review = models.ForeignKey(
        "review.Review", on_delete=models.PROTECT, related_name="conclusions", verbose_name="review"
    )
    meeting = models.ForeignKey(
        "review.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conclusions",
        verbose_name="meeting",
    )
    action = models.ForeignKey(
        "actionplan.Action",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conclusions",
        verbose_name="action",
    )
    area = models.ForeignKey(
        "actionplan.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conclusions",
        verbose_name="area for improvement",
    )
    judgement = models.CharField("judgement", max_length=40, choices=Judgement.choices)
    reasoning = models.TextField("reasoning")
    reached_on = models.DateField("date reached", default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="recorded by",
    )
    history = HistoricalRecords()

    objects = ConclusionQuerySet.as_manager()

    class Meta:
        ordering = ["reached_on", "id"]
        get_latest_by = ["reached_on", "id"]
        verbose_name = "conclusion"
        constraints = [
            models.CheckConstraint(
                condition=(Q(action__isnull=False) & Q(area__isnull=True))
                | (Q(action__isnull=True) & Q(area__isnull=False)),
                name="conclusion_on_action_or_area",
                violation_error_message="A conclusion is about one action or one whole area.",
            ),
            models.CheckConstraint(
                condition=Q(
                    judgement__in=[
                        "satisfied",
                        "satisfied_with_reservations",
                        "more_information_needed",
                        "not_satisfied",
                        "not_pursued",
                    ]
                ),
                name="conclusion_judgement_valid",
                violation_error_message="Choose a judgement from the list.",
            ),
            models.CheckConstraint(
                condition=~Q(reasoning=""),
                name="conclusion_has_reasoning",
                violation_error_message="Give the group's reasoning.",
            ),
        ]

    def __str__(self):
        subject = self.action or self.area
        return f"{self.get_judgement_display()}: {subject}"

    def get_absolute_url(self):
        return reverse("conclusion_detail", args=[self.review_id, self.pk])


class InformationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=InformationRequest.Status.OPEN)

    def overdue(self, on=None):
        return self.open().filter(due_by__lt=on or timezone.localdate())

    def for_agency(self, agency):
        return self.filter(asked_of_agency=agency)


class InformationRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ANSWERED = "answered", "Answered"
        CLOSED = "closed", "Closed"

    review = models.ForeignKey(
        "review.Review", on_delete=models.PROTECT, related_name="information_requests", verbose_name="review"
    )
    meeting = models.ForeignKey(
        "review.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="information_requests",
        verbose_name="raised at",
    )
    area = models.ForeignKey(
        "actionplan.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="information_requests",
        verbose_name="area for improvement",
    )
    action = models.ForeignKey(
        "actionplan.Action",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="information_requests",
        verbose_name="action",
    )
    asked_of_agency = models.ForeignKey(
        "people.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="information_requests",
        verbose_name="asked of agency",
    )
    asked_of_person = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="information_requests",
        verbose_name="asked of person",
    )
    question = models.TextField("what is asked")
    raised_on = models.DateField("date raised", default=timezone.localdate)
    due_by = models.DateField("answer needed by", null=True, blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField("answer", blank=True)
    answered_on = models.DateField("date answered", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="answered by",
    )
    evidence = models.ManyToManyField(
        "actionplan.Evidence", blank=True, related_name="information_requests", verbose_name="evidence given in answer"
    )
    closed_on = models.DateField("date closed", null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[evidence])

    objects = InformationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["raised_on", "id"]
        verbose_name = "information request"
        constraints = [
            models.CheckConstraint(
                condition=Q(asked_of_agency__isnull=False) | Q(asked_of_person__isnull=False),
                name="request_is_asked_of_someone",
                violation_error_message="Say which agency or person the request is for.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["open", "answered", "closed"]),
                name="request_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
            models.CheckConstraint(
                condition=Q(due_by__isnull=True) | Q(due_by__gte=models.F("raised_on")),
                name="request_due_after_raised",
                violation_error_message="The answer cannot be due before the request was raised.",
            ),
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=models.F("raised_on")),
                name="request_answered_after_raised",
                violation_error_message="A request cannot be answered before it was raised.",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | ~Q(answer=""),
                name="answered_request_has_answer",
                violation_error_message="Record the answer before marking the request answered.",
            ),
        ]

    def __str__(self):
        return f"Request to {self.asked_of_agency or self.asked_of_person}: {self.question[:60]}"

    def get_absolute_url(self):
        return reverse("request_detail", args=[self.review_id, self.pk])

    @property
    def asked_of(self) -> str:
        parts = [str(p) for p in (self.asked_of_person, self.asked_of_agency) if p]
        return ", ".join(parts)

    def is_overdue(self, on=None) -> bool:
        return bool(self.status == self.Status.OPEN and self.due_by and self.due_by < (on or timezone.localdate()))
