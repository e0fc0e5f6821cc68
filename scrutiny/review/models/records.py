"""The group's own records: conclusions and information requests (recommendations: recommendation.py)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import choice_is_valid, in_order, link, not_blank, optional_link, user_who


class ConclusionQuerySet(models.QuerySet):
    def for_action(self, action):
        return self.filter(action=action)

    def latest_first(self):
        return self.order_by("-reached_on", "-id")


class ConclusionJudgement(models.TextChoices):
    SATISFIED = "satisfied", "Satisfied"
    SATISFIED_WITH_RESERVATIONS = "satisfied_with_reservations", "Satisfied with reservations"
    MORE_INFORMATION_NEEDED = "more_information_needed", "More information needed"
    NOT_SATISFIED = "not_satisfied", "Not satisfied"
    NOT_PURSUED = "not_pursued", "Not pursued"


class Conclusion(models.Model):
    """The group's judgement on an action or on a whole area, reached at a meeting."""

    Judgement = ConclusionJudgement

    review = link("review.Review", "conclusions", "review")
    meeting = optional_link("review.Meeting", "conclusions", "meeting")
    action = optional_link("actionplan.Action", "conclusions", "action")
    area = optional_link("actionplan.Area", "conclusions", "area for improvement")
    judgement = models.CharField("judgement", max_length=40, choices=Judgement.choices)
    reasoning = models.TextField("reasoning")
    reached_on = models.DateField("date reached", default=timezone.localdate)
    recorded_by = user_who("recorded by")
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
            choice_is_valid(
                "judgement", ConclusionJudgement, "conclusion_judgement_valid", "Choose a judgement from the list."
            ),
            not_blank("reasoning", "conclusion_has_reasoning", "Give the group's reasoning."),
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


class RequestStatus(models.TextChoices):
    OPEN = "open", "Open"
    ANSWERED = "answered", "Answered"
    CLOSED = "closed", "Closed"


class InformationRequest(models.Model):
    Status = RequestStatus

    review = link("review.Review", "information_requests", "review")
    meeting = optional_link("review.Meeting", "information_requests", "raised at")
    area = optional_link("actionplan.Area", "information_requests", "area for improvement")
    action = optional_link("actionplan.Action", "information_requests", "action")
    asked_of_agency = optional_link("people.Agency", "information_requests", "asked of agency")
    asked_of_person = optional_link("people.Person", "information_requests", "asked of person")
    question = models.TextField("what is asked")
    raised_on = models.DateField("date raised", default=timezone.localdate)
    due_by = models.DateField("answer needed by", null=True, blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField("answer", blank=True)
    answered_on = models.DateField("date answered", null=True, blank=True)
    answered_by = user_who("answered by")
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
            choice_is_valid("status", RequestStatus, "request_status_valid", "Choose a status from the list."),
            # raised_on is never blank: only the later date may be.
            in_order(
                "raised_on",
                "due_by",
                "request_due_after_raised",
                "The answer cannot be due before the request was raised.",
                earlier_optional=False,
            ),
            in_order(
                "raised_on",
                "answered_on",
                "request_answered_after_raised",
                "A request cannot be answered before it was raised.",
                earlier_optional=False,
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
