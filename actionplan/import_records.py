"""A record of each import applied: which upload it was (so one preview is applied once), where it
went, and the columns it used (so the next version of the same spreadsheet needs no mapping)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import link, optional_link


class PlanImport(models.Model):
    # The upload's random name: unique, so two confirmations of one preview cannot both be applied.
    token = models.CharField("upload", max_length=64, unique=True)
    inspection = optional_link("actionplan.Inspection", "imports", "inspection", on_delete=models.CASCADE)
    plan_agency = optional_link("people.Agency", "+", "whose plan", on_delete=models.SET_NULL)
    file_name = models.CharField("file name", max_length=200)
    headers = models.JSONField("headers of the file", default=list, blank=True)
    mapping = models.JSONField("columns used", default=dict, blank=True)
    imported_by = link(settings.AUTH_USER_MODEL, "+", "imported by")
    imported_at = models.DateTimeField("imported at", default=timezone.now)
    created_count = models.PositiveIntegerField("actions created", default=0)
    updated_count = models.PositiveIntegerField("actions updated", default=0)
    unchanged_count = models.PositiveIntegerField("actions unchanged", default=0)
    history = HistoricalRecords()

    class Meta:
        app_label = "actionplan"
        ordering = ["-imported_at", "-id"]
        verbose_name = "plan import"

    def __str__(self):
        return f"{self.file_name} ({self.imported_at:%-d %b %Y})"
