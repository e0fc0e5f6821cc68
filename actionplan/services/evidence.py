"""Recording evidence, a file or a note of evidence given without one: against an action from its page, or
with the answer to an information request."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from scrutiny.core.writes import delete_audited, locked, save_audited

from ..models import Evidence
from ..uploads import files_discarded_on_error, safe_original_name, store_upload


def _receive(evidence: Evidence, upload, upload_kind) -> None:
    """An upload is evidence received, stored with what it was checked to be. Received evidence has a date
    (today unless given); evidence still requested or awaited has none."""
    if upload is not None:
        evidence.status = Evidence.Status.RECEIVED
        evidence.original_filename = safe_original_name(upload.name)
        # The type we checked the content against, never the one the browser claimed.
        evidence.content_type = upload_kind.content_type
        evidence.file_size = upload.size
        store_upload(evidence.file, upload)
    if evidence.status == Evidence.Status.RECEIVED:
        evidence.received_on = evidence.received_on or timezone.localdate()
    else:
        evidence.received_on = None


def add_evidence(*, actor, action=None, upload=None, upload_kind=None, **fields) -> Evidence:
    """Evidence against `action`, or against an area or the inspection alone when `fields` name only those (an
    answer to a request may be about either). `fields` are the evidence's own: title, kind, description, status,
    provided_by... An `upload` must already have passed actionplan.uploads.validate_evidence_file, which gave
    `upload_kind`."""
    if action is not None:
        fields.setdefault("area", action.area)
        fields.setdefault("inspection", action.area.inspection)
    evidence = Evidence(action=action, added_by=actor, **fields)
    with files_discarded_on_error(), transaction.atomic():
        _receive(evidence, upload, upload_kind)
        return save_audited(evidence, actor=actor)


def change_evidence(
    *, actor, evidence, status, description, requested_on, received_on, upload=None, upload_kind=None
) -> Evidence:
    """Mark evidence requested, awaited or received, and attach the file when it arrives."""
    with files_discarded_on_error(), transaction.atomic():
        evidence = locked(evidence)
        evidence.status, evidence.description = status, description
        evidence.requested_on, evidence.received_on = requested_on, received_on
        _receive(evidence, upload, upload_kind)
        return save_audited(evidence, actor=actor)


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
        evidence = locked(evidence)
        reason = why_evidence_must_stay(evidence)
        if reason:
            raise ValidationError(reason)
        stored = evidence.file.name if evidence.file else ""
        storage = evidence.file.storage
        delete_audited(evidence, actor=actor)
        if stored:
            transaction.on_commit(lambda: storage.delete(stored))
