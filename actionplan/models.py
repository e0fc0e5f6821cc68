"""The inspection and the plans that answer it: inspections, areas, agencies, actions,
progress and evidence."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from . import deadlines
from .inspection_types import InspectionType


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
    when_text = models.CharField(
        "when it took place",
        max_length=100,
        blank=True,
        help_text="As the report gives it, for example “November 2011”.",
    )
    published_on = models.DateField("report published", null=True, blank=True)
    summary = models.TextField("summary of the judgements", blank=True)
    inspection_type = models.ForeignKey(
        InspectionType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name="type of inspection",
        help_text="Sets when the council's action plan is due.",
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
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="inspection_dates_in_order",
                violation_error_message="The last day of the inspection cannot be before the first day.",
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
            models.CheckConstraint(
                condition=Q(grade__in=JudgementGrade.values),
                name="judgement_grade_valid",
                violation_error_message="Choose a judgement from the list.",
            ),
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
    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="areas", verbose_name="inspection"
    )
    number = models.PositiveSmallIntegerField("area number")
    text = models.TextField("area for improvement")
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, null=True, blank=True, related_name="areas", verbose_name="theme"
    )
    raised_by = models.ForeignKey(
        Inspectorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="areas",
        verbose_name="raised by",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "number"]
        verbose_name = "area for improvement"
        verbose_name_plural = "areas for improvement"
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "number"],
                name="area_number_unique_in_inspection",
                violation_error_message="This inspection already has an area with this number.",
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


class ActionPlan(models.Model):
    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="plans", verbose_name="inspection"
    )
    agency = models.ForeignKey("people.Agency", on_delete=models.PROTECT, related_name="plans", verbose_name="agency")
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
            models.UniqueConstraint(
                fields=["inspection", "agency"],
                name="one_plan_per_agency_per_inspection",
                violation_error_message="This agency already has an action plan for this inspection.",
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

    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="actions", verbose_name="action plan")
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="actions", verbose_name="area for improvement"
    )
    other_areas = models.ManyToManyField(
        Area, blank=True, related_name="contributing_actions", verbose_name="also addresses areas"
    )
    reference = models.CharField(
        "reference", max_length=30, blank=True, help_text="The plan's own number, for example 2.1."
    )
    description = models.TextField("action required")
    lead_agency = models.ForeignKey(
        "people.Agency", on_delete=models.PROTECT, related_name="actions", verbose_name="lead agency"
    )
    lead_officer = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions_led",
        verbose_name="lead officer",
    )
    lead_officer_role = models.CharField(
        "lead officer's role", max_length=200, blank=True, help_text="Where the plan names a role rather than a person."
    )
    target_date = models.DateField("target date", null=True, blank=True)
    timescale_text = models.CharField(
        "timescale as written",
        max_length=100,
        blank=True,
        help_text="As the plan words it, for example “October 2012”.",
    )
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
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values),
                name="action_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
            models.CheckConstraint(
                condition=Q(rag__in=Rag.values),
                name="action_rag_valid",
                violation_error_message="Choose a RAG rating from the list.",
            ),
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
        return reverse("action_detail", args=[self.pk])

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

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="target_date_changes", verbose_name="action"
    )
    old_date = models.DateField("previous target date", null=True, blank=True)
    new_date = models.DateField("new target date", null=True, blank=True)
    reason = models.TextField("reason for the change")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="changed by",
    )
    changed_at = models.DateTimeField("changed", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "changed_at", "id"]
        verbose_name = "target date change"
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="target_date_change_has_reason",
                violation_error_message="Say why the target date moved.",
            ),
        ]

    def __str__(self):
        return f"{self.action}: {self.old_date} → {self.new_date}"

    @property
    def days_moved(self) -> int | None:
        if self.old_date and self.new_date:
            return (self.new_date - self.old_date).days
        return None


class ProgressUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates", verbose_name="action")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="progress_updates",
        verbose_name="written by",
    )
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
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values),
                name="progress_update_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
            models.CheckConstraint(
                condition=Q(rag__in=Rag.values),
                name="progress_update_rag_valid",
                violation_error_message="Choose a RAG rating from the list.",
            ),
        ]

    def __str__(self):
        return f"Update on {self.action} ({self.created_at:%-d %b %Y})"

    @property
    def given_by(self) -> str:
        if self.author_name:
            return self.author_name
        return self.author.display_name if self.author else "Unknown"


class EvidenceQuerySet(models.QuerySet):
    def awaited(self):
        return self.filter(status__in=[Evidence.Status.REQUESTED, Evidence.Status.AWAITED])

    def received(self):
        return self.filter(status=Evidence.Status.RECEIVED)

    def for_agency(self, agency):
        return self.filter(Q(action__lead_agency=agency) | Q(provided_by_agency=agency))


def evidence_upload_to(instance, filename):
    # The stored name is ours, never the uploader's: the original name is kept in a field.
    import uuid

    return f"evidence/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class EvidenceKind(models.TextChoices):
    DOCUMENT = "document", "Document"
    DEMONSTRATION = "demonstration", "Practical demonstration"
    CHECKLIST = "checklist", "Checklist"
    REPORT = "report", "Written report"
    VERBAL = "verbal", "Verbal evidence"
    EMAIL = "email", "Email"
    DATA = "data", "Data"


class EvidenceStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    AWAITED = "awaited", "Awaited"
    RECEIVED = "received", "Received"


class Evidence(models.Model):
    Kind = EvidenceKind

    Status = EvidenceStatus

    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="evidence", verbose_name="inspection"
    )
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence",
        verbose_name="area for improvement",
    )
    action = models.ForeignKey(
        Action, on_delete=models.PROTECT, null=True, blank=True, related_name="evidence", verbose_name="action"
    )
    progress_update = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence",
        verbose_name="progress update",
    )
    title = models.CharField("title", max_length=300)
    kind = models.CharField("kind of evidence", max_length=20, choices=Kind.choices, default=Kind.DOCUMENT)
    description = models.TextField("description", blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.RECEIVED)
    provided_by = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence_provided",
        verbose_name="provided by",
    )
    provided_by_agency = models.ForeignKey(
        "people.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence_provided",
        verbose_name="provided by agency",
    )
    requested_on = models.DateField("date requested", null=True, blank=True)
    received_on = models.DateField("date received", null=True, blank=True)
    file = models.FileField("file", upload_to=evidence_upload_to, blank=True, max_length=300)
    original_filename = models.CharField("file name", max_length=255, blank=True)
    content_type = models.CharField("file type", max_length=100, blank=True)
    file_size = models.PositiveBigIntegerField("file size in bytes", null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="added by",
    )
    added_at = models.DateTimeField("added", default=timezone.now)
    history = HistoricalRecords()

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name = "evidence"
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EvidenceKind.values),
                name="evidence_kind_valid",
                violation_error_message="Choose a kind of evidence from the list.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=EvidenceStatus.values),
                name="evidence_status_valid",
                violation_error_message="Choose a status from the list.",
            ),
            models.CheckConstraint(
                condition=Q(requested_on__isnull=True)
                | Q(received_on__isnull=True)
                | Q(received_on__gte=models.F("requested_on")),
                name="evidence_received_after_requested",
                violation_error_message="Evidence cannot be received before it was requested.",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_awaited(self) -> bool:
        return self.status != self.Status.RECEIVED

    @property
    def has_file(self) -> bool:
        return bool(self.file)


from .import_records import PlanImport  # noqa: E402, F401  (a model of this app, kept in its own module)
