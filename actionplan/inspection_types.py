"""Kinds of inspection, each with its rule for when the council's action plan is due.

A model module of its own (imported by actionplan.models) so that models.py does not grow.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import choice_is_valid

from . import deadlines

CHECK_THE_FRAMEWORK = (
    "The defaults were set from the inspectorates' published frameworks when this service was written: "
    "check each against the inspectorate's current framework (and the inspection letter) before relying on it."
)


class DeadlineUnit(models.TextChoices):
    WORKING_DAYS = deadlines.WORKING_DAYS, "working days (weekends and England and Wales bank holidays skipped)"
    CALENDAR_DAYS = deadlines.CALENDAR_DAYS, "calendar days"
    MONTHS = deadlines.MONTHS, "months"


class InspectionType(models.Model):
    Unit = DeadlineUnit

    name = models.CharField("name", max_length=200, unique=True)
    code = models.CharField("short code", max_length=40, unique=True, help_text="For example ILACS or JTAI.")
    plan_due_after = models.PositiveSmallIntegerField(
        "action plan due after",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="How long after the report is published the written statement or action plan is due, "
        "for example 70. Leave blank when the inspectorate sets no fixed period. " + CHECK_THE_FRAMEWORK,
    )
    plan_due_unit = models.CharField("counted in", max_length=20, choices=Unit.choices, default=Unit.WORKING_DAYS)
    rule_source = models.TextField(
        "where the rule comes from",
        blank=True,
        help_text="The framework, regulation or letter that sets the period, so that it can be checked.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "inspection type"
        constraints = [
            choice_is_valid(
                "plan_due_unit",
                DeadlineUnit,
                "inspection_type_unit_valid",
                "Choose how the period is counted from the list.",
            ),
            models.CheckConstraint(
                condition=Q(plan_due_after__isnull=True) | Q(plan_due_after__gte=1),
                name="inspection_type_period_positive",
                violation_error_message="The period must be at least 1, or blank when there is none.",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def rule_text(self) -> str:
        if not self.plan_due_after:
            return "No fixed period"
        return f"{deadlines.rule_text(self.plan_due_after, self.plan_due_unit)} after the report is published"


_OFSTED_70 = "within 70 working days of receiving the report"
# Loaded by migration 0002 (and again, for whatever is missing, by the demo loader). Where no
# period could be confirmed the rule is left blank rather than guessed: the administrator sets it.
DEFAULT_INSPECTION_TYPES = [
    {
        "code": "ILACS",
        "name": "Children's services (ILACS/SIF)",
        "plan_due_after": 70,
        "plan_due_unit": deadlines.WORKING_DAYS,
        "rule_source": "Ofsted, inspection of local authority children's services (ILACS, and the single inspection "
        f"framework before it): the local authority sends Ofsted its action plan {_OFSTED_70}.",
    },
    {
        "code": "FV",
        "name": "Focused visit",
        "plan_due_after": 70,
        "plan_due_unit": deadlines.WORKING_DAYS,
        "rule_source": "Ofsted, ILACS focused visit: only where the letter names areas for priority action, a final "
        f"action plan {_OFSTED_70} letter (and an early draft within 20 working days).",
    },
    {
        "code": "JTAI",
        "name": "Joint targeted area inspection (JTAI)",
        "plan_due_after": 70,
        "plan_due_unit": deadlines.WORKING_DAYS,
        "rule_source": "Ofsted, CQC, HMICFRS and HMI Probation joint targeted area inspection: the partners' "
        "written statement of proposed action, under the Children Act 2004 (Joint Area Reviews) "
        "Regulations 2015, within 70 working days of the letter.",
    },
    {
        "code": "SEND",
        "name": "Area SEND inspection",
        "plan_due_after": 70,
        "plan_due_unit": deadlines.WORKING_DAYS,
        "rule_source": "Ofsted and CQC area SEND inspection: the written statement of action under the Children Act "
        "2004 (Joint Area Reviews) Regulations 2015, within 70 working days. The 2023 framework's "
        "priority action plan may set a different period: check the letter.",
    },
    {
        "code": "CQC",
        "name": "Care Quality Commission (CQC)",
        "plan_due_after": None,
        "plan_due_unit": deadlines.CALENDAR_DAYS,
        "rule_source": "CQC asks for an action plan where it issues requirement notices; the period is set in the "
        "report or the notice, so none is assumed here.",
    },
    {
        "code": "HMIP-YJ",
        "name": "HM Inspectorate of Probation (youth justice)",
        "plan_due_after": None,
        "plan_due_unit": deadlines.WORKING_DAYS,
        "rule_source": "HM Inspectorate of Probation asks the youth justice service for an improvement plan answering "
        "its recommendations; no fixed period was confirmed, so none is assumed here.",
    },
    {
        "code": "DFE-IN",
        "name": "DfE improvement notice",
        "plan_due_after": None,
        "plan_due_unit": deadlines.WORKING_DAYS,
        "rule_source": "The Department for Education's improvement notice sets its own terms and review dates; "
        "record them from the notice.",
    },
    {
        "code": "OTHER",
        "name": "Other",
        "plan_due_after": None,
        "plan_due_unit": deadlines.WORKING_DAYS,
        "rule_source": "",
    },
]
