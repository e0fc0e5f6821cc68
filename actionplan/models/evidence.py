"""Evidence: what supports an action or an area, its file or note, and whether it has arrived."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import choice_is_valid, in_order, link, optional_link, user_who

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

    inspection = link(Inspection, "evidence", "inspection")
    area = optional_link(Area, "evidence", "area for improvement")
    action = optional_link(Action, "evidence", "action")
    progress_update = optional_link(ProgressUpdate, "evidence", "progress update")
    title = models.CharField("title", max_length=300)
    kind = models.CharField("kind of evidence", max_length=20, choices=Kind.choices, default=Kind.DOCUMENT)
    description = models.TextField("description", blank=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.RECEIVED)
    provided_by = optional_link("people.Person", "evidence_provided", "provided by")
    provided_by_agency = optional_link("people.Agency", "evidence_provided", "provided by agency")
    requested_on = models.DateField("date requested", null=True, blank=True)
    received_on = models.DateField("date received", null=True, blank=True)
    file = models.FileField("file", upload_to=evidence_upload_to, blank=True, max_length=300)
    original_filename = models.CharField("file name", max_length=255, blank=True)
    content_type = models.CharField("file type", max_length=100, blank=True)
    file_size = models.PositiveBigIntegerField("file size in bytes", null=True, blank=True)
    added_by = user_who("added by")
    added_at = models.DateTimeField("added", default=timezone.now)
    history = HistoricalRecords()

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name = "evidence"
        verbose_name_plural = "evidence"
        constraints = [
            choice_is_valid("kind", EvidenceKind, "evidence_kind_valid", "Choose a kind of evidence from the list."),
            choice_is_valid("status", EvidenceStatus, "evidence_status_valid", "Choose a status from the list."),
            in_order(
                "requested_on",
                "received_on",
                "evidence_received_after_requested",
                "Evidence cannot be received before it was requested.",
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
