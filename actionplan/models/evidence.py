"""Evidence: what supports an action or an area, its file or note, and whether it has arrived."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .inspections import Area, Inspection
from .plans import Action, ProgressUpdate


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
