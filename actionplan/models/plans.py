"""Each agency's action plan, its actions, their target-date changes and progress updates."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import (
    choice_is_valid,
    link,
    not_blank,
    optional_link,
    unique,
    user_who,
    when_as_written,
    wording_from_source,
)
from scrutiny.core.record_urls import record_url

from .inspections import Area, Inspection, today


class ActionPlan(models.Model):
    inspection = link(Inspection, "plans", "inspection")
    agency = link("people.Agency", "plans", "agency")
    title = models.CharField("title", max_length=300)
    based_on = models.CharField(
        "based on", max_length=300, blank=True, help_text="The report the plan answers, for example the Ofsted report."
    )
    approved_on = models.DateField("approved", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "agency__name"]
        verbose_name = "action plan"
        constraints = [
            unique(
                ["inspection", "agency"],
                "one_plan_per_agency_per_inspection",
                "This agency already has an action plan for this inspection.",
            ),
        ]

    def __str__(self):
        return self.title


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=Action.OPEN_STATUSES)

    def overdue(self, on: datetime.date | None = None):
        """Still open and past the target date. Derived, never stored."""
        return self.open().filter(target_date__lt=on or today())

    def due_before(self, date: datetime.date):
        return self.open().filter(target_date__lt=date)

    def for_agency(self, agency):
        return self.filter(lead_agency=agency)

    def for_inspection(self, inspection):
        return self.filter(area__inspection=inspection)

    def with_last_update(self):
        return self.annotate(last_update_at=models.Max("progress_updates__created_at"))


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    COMPLETED_MONITORING = "completed_monitoring", "Completed, ongoing monitoring"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Rag(models.TextChoices):
    NOT_RATED = "", "Not rated"
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue (complete)"


class Action(models.Model):
    Status = ActionStatus

    Rag = Rag

    OPEN_STATUSES = (Status.NOT_STARTED, Status.IN_PROGRESS)
    COMPLETED_STATUSES = (Status.COMPLETED, Status.COMPLETED_MONITORING)

    plan = link(ActionPlan, "actions", "action plan")
    area = link(Area, "actions", "area for improvement")
    other_areas = models.ManyToManyField(
        Area, blank=True, related_name="contributing_actions", verbose_name="also addresses areas"
    )
    reference = models.CharField(
        "reference", max_length=30, blank=True, help_text="The plan's own number, for example 2.1."
    )
    description = models.TextField("action required")
    description_from_source = wording_from_source("plan", "action", "reference")
    lead_agency = link("people.Agency", "actions", "lead agency")
    lead_officer = optional_link("people.Person", "actions_led", "lead officer")
    lead_officer_role = models.CharField(
        "lead officer's role", max_length=200, blank=True, help_text="Where the plan names a role rather than a person."
    )
    target_date = models.DateField("target date", null=True, blank=True)
    timescale_text = when_as_written("timescale as written", "As the plan words it, for example “October 2012”.")
    success_measure = models.TextField("how success will be measured", blank=True)
    status = models.CharField("status", max_length=30, choices=Status.choices, default=Status.NOT_STARTED)
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices, default=Rag.NOT_RATED, blank=True)
    completed_on = models.DateField("completion date", null=True, blank=True)
    version = models.PositiveIntegerField(
        "version",
        default=1,
        editable=False,
        help_text="Goes up by one with every saved change; catches two people editing at once.",
    )
    history = HistoricalRecords(m2m_fields=[other_areas])

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["area__number", "reference", "id"]
        verbose_name = "action"
        constraints = [
            choice_is_valid("status", ActionStatus, "action_status_valid", "Choose a status from the list."),
            choice_is_valid("rag", Rag, "action_rag_valid", "Choose a RAG rating from the list."),
            models.CheckConstraint(
                condition=~Q(status__in=["completed", "completed_monitoring"]) | Q(completed_on__isnull=False),
                name="completed_action_has_completion_date",
                violation_error_message="A completed action needs a completion date.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["completed", "completed_monitoring"]) | Q(completed_on__isnull=True),
                name="only_completed_action_has_completion_date",
                violation_error_message="Only a completed action has a completion date.",
            ),
        ]

    def __str__(self):
        label = self.reference or f"#{self.pk}"
        return f"Action {label} (area {self.area.number})" if self.area_id else f"Action {label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return record_url("action_detail", self.pk)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_completed(self) -> bool:
        return self.status in self.COMPLETED_STATUSES

    def is_overdue(self, on: datetime.date | None = None) -> bool:
        return bool(self.is_open and self.target_date and self.target_date < (on or today()))

    @property
    def overdue(self) -> bool:
        return self.is_overdue()


class TargetDateChange(models.Model):
    """One move of an action's target date: kept so that slippage stays visible."""

    action = link(Action, "target_date_changes", "action", on_delete=models.CASCADE)
    old_date = models.DateField("previous target date", null=True, blank=True)
    new_date = models.DateField("new target date", null=True, blank=True)
    reason = models.TextField("reason for the change")
    changed_by = user_who("changed by")
    changed_at = models.DateTimeField("changed", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "changed_at", "id"]
        verbose_name = "target date change"
        constraints = [
            not_blank("reason", "target_date_change_has_reason", "Say why the target date moved."),
        ]

    def __str__(self):
        return f"{self.action}: {self.old_date} → {self.new_date}"

    @property
    def days_moved(self) -> int | None:
        if self.old_date and self.new_date:
            return (self.new_date - self.old_date).days
        return None


class ProgressUpdate(models.Model):
    action = link(Action, "progress_updates", "action", on_delete=models.CASCADE)
    author = optional_link(settings.AUTH_USER_MODEL, "progress_updates", "written by")
    author_name = models.CharField(
        "given by", max_length=200, blank=True, help_text="Who gave the update, when it was not entered by them."
    )
    created_at = models.DateTimeField("date of update", default=timezone.now)
    status = models.CharField("status set", max_length=30, choices=Action.Status.choices)
    rag = models.CharField("RAG rating set", max_length=10, choices=Action.Rag.choices, blank=True)
    note = models.TextField("what was done")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = "created_at"
        verbose_name = "progress update"
        constraints = [
            choice_is_valid("status", ActionStatus, "progress_update_status_valid", "Choose a status from the list."),
            choice_is_valid("rag", Rag, "progress_update_rag_valid", "Choose a RAG rating from the list."),
        ]

    def __str__(self):
        return f"Update on {self.action} ({self.created_at:%-d %b %Y})"

    @property
    def given_by(self) -> str:
        if self.author_name:
            return self.author_name
        return self.author.display_name if self.author else "Unknown"
