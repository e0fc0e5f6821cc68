"""Recording evidence against an action: a file, or a note of evidence given without one."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Evidence
from ..uploads import files_discarded_on_error, safe_original_name, store_upload


def _attach(evidence: Evidence, upload, kind) -> None:
    evidence.original_filename = safe_original_name(upload.name)
    evidence.content_type = kind.content_type
    evidence.file_size = upload.size
    store_upload(evidence.file, upload)


def add_evidence(
    *,
    actor,
    action,
    title,
    kind,
    description="",
    status=Evidence.Status.RECEIVED,
    provided_by=None,
    provided_by_agency=None,
    requested_on=None,
    received_on=None,
    upload=None,
    upload_kind=None,
) -> Evidence:
    if upload is not None:
        status = Evidence.Status.RECEIVED
    if status == Evidence.Status.RECEIVED and received_on is None:
        received_on = timezone.localdate()
    evidence = Evidence(
        inspection=action.area.inspection,
        area=action.area,
        action=action,
        title=title,
        kind=kind,
        description=description,
        status=status,
        provided_by=provided_by,
        provided_by_agency=provided_by_agency,
        requested_on=requested_on,
        received_on=received_on if status == Evidence.Status.RECEIVED else None,
        added_by=actor,
    )
    with files_discarded_on_error(), transaction.atomic():
        if upload is not None:
            _attach(evidence, upload, upload_kind)
        evidence._history_user = actor
        evidence.save()
    return evidence


def change_evidence(
    *, actor, evidence, status, description, requested_on, received_on, upload=None, upload_kind=None
) -> Evidence:
    """Mark evidence requested, awaited or received, and attach the file when it arrives."""
    with files_discarded_on_error(), transaction.atomic():
        evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
        if upload is not None:
            status = Evidence.Status.RECEIVED
            _attach(evidence, upload, upload_kind)
        if status == Evidence.Status.RECEIVED:
            received_on = received_on or timezone.localdate()
        else:
            received_on = None
        evidence.status, evidence.description = status, description
        evidence.requested_on, evidence.received_on = requested_on, received_on
        evidence._history_user = actor
        evidence.save()
    return evidence


def why_evidence_must_stay(evidence: Evidence) -> str:
    """Evidence the group has relied on is part of the scrutiny record: it cannot be removed."""
    if evidence.meetings.exists():
        return "This evidence was considered at a meeting of the group, so it stays on the record."
    if evidence.information_requests.exists():
        return "This evidence was given in answer to an information request, so it stays on the record."
    return ""


def remove_evidence(*, actor, evidence: Evidence) -> None:
    """Take evidence added by mistake off the action, and delete its file once that is committed.

    The history keeps the record of it (title, who added it, who removed it and when); the file itself
    goes, because a wrong upload may hold what should never have been shared."""
    with transaction.atomic():
        evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
        reason = why_evidence_must_stay(evidence)
        if reason:
            raise ValidationError(reason)
        stored = evidence.file.name if evidence.file else ""
        storage = evidence.file.storage
        evidence._history_user = actor
        evidence.delete()
        if stored:
            transaction.on_commit(lambda: storage.delete(stored))
