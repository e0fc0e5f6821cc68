"""Inspections, their judgements, and the areas for improvement they list."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import (
    choice_is_valid,
    in_order,
    link,
    optional_link,
    unique,
    when_as_written,
    wording_from_source,
)

from .. import deadlines
from ..inspection_types import InspectionType


def today() -> datetime.date:
    return timezone.localdate()


class Inspectorate(models.Model):
    name = models.CharField("name", max_length=200, unique=True)
    short_name = models.CharField("short name", max_length=40, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "inspectorate"

    def __str__(self):
        return self.short_name or self.name


class Inspection(models.Model):
    title = models.CharField("title", max_length=300)
    body_inspected = models.CharField("body inspected", max_length=300)
    inspectorates = models.ManyToManyField(Inspectorate, related_name="inspections", verbose_name="inspectorates")
    start_date = models.DateField("first day of inspection", null=True, blank=True)
    end_date = models.DateField("last day of inspection", null=True, blank=True)
    when_text = when_as_written("when it took place", "As the report gives it, for example “November 2011”.")
    published_on = models.DateField("report published", null=True, blank=True)
    summary = models.TextField("summary of the judgements", blank=True)
    inspection_type = optional_link(
        InspectionType, "inspections", "type of inspection", help_text="Sets when the council's action plan is due."
    )
    plan_published_on = models.DateField(
        "council's action plan published",
        null=True,
        blank=True,
        help_text="The day the council published (or sent the inspectorate) its written statement or action plan.",
    )
    history = HistoricalRecords(m2m_fields=[inspectorates])

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = "inspection"
        constraints = [
            in_order(
                "start_date",
                "end_date",
                "inspection_dates_in_order",
                "The last day of the inspection cannot be before the first day.",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def when(self) -> str:
        if self.when_text:
            return self.when_text
        if self.start_date and self.end_date:
            return f"{self.start_date:%-d %B %Y} to {self.end_date:%-d %B %Y}"
        return "Dates not recorded"

    def plan_deadline(self, today: datetime.date | None = None) -> deadlines.PlanDeadline:
        """When the action plan is due and where it stands. Select the inspection_type with the
        inspection (select_related) to show this for many inspections without a query each."""
        kind = self.inspection_type if self.inspection_type_id else None
        return deadlines.plan_deadline(
            amount=kind.plan_due_after if kind else None,
            unit=kind.plan_due_unit if kind else None,
            report_published_on=self.published_on,
            plan_published_on=self.plan_published_on,
            today=today or timezone.localdate(),
        )


class JudgementGrade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    ADEQUATE = "adequate", "Adequate"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class Judgement(models.Model):
    Grade = JudgementGrade

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    aspect = models.CharField("what was judged", max_length=300)
    grade = models.CharField("judgement", max_length=30, choices=Grade.choices)
    comment = models.TextField("comment", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "id"]
        verbose_name = "judgement"
        constraints = [
            choice_is_valid("grade", JudgementGrade, "judgement_grade_valid", "Choose a judgement from the list."),
        ]

    def __str__(self):
        return f"{self.aspect}: {self.get_grade_display()}"


class Theme(models.Model):
    name = models.CharField("name", max_length=100, unique=True)
    description = models.TextField("description", blank=True)
    position = models.PositiveSmallIntegerField("order", default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "theme"

    def __str__(self):
        return self.name


class Area(models.Model):
    inspection = link(Inspection, "areas", "inspection")
    number = models.PositiveSmallIntegerField("area number")
    text = models.TextField("area for improvement")
    text_from_source = wording_from_source("inspection", "area", "number")
    theme = optional_link(Theme, "areas", "theme")
    raised_by = optional_link(Inspectorate, "areas", "raised by")
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "number"]
        verbose_name = "area for improvement"
        verbose_name_plural = "areas for improvement"
        constraints = [
            unique(
                ["inspection", "number"],
                "area_number_unique_in_inspection",
                "This inspection already has an area with this number.",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="area_number_positive",
                violation_error_message="Area numbers start at 1.",
            ),
        ]

    def __str__(self):
        return f"Area {self.number}"

    def get_absolute_url(self):
        return reverse("area_detail", args=[self.pk])
