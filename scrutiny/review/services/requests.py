"""Information requests: raised at a meeting, answered by the agency or person asked, closed by the group."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from actionplan.models import Evidence
from actionplan.services.evidence import add_evidence
from actionplan.uploads import files_discarded_on_error
from scrutiny.core.writes import locked, save_audited

from ..errors import ensure_open
from ..models import InformationRequest
from .locks import check_meeting_takes_records


@transaction.atomic
def raise_request(
    *,
    actor,
    review,
    question,
    meeting=None,
    asked_of_agency=None,
    asked_of_person=None,
    area=None,
    action=None,
    due_by=None,
) -> InformationRequest:
    ensure_open(review)
    check_meeting_takes_records(review, meeting)
    if action is not None and area is None:
        area = action.area
    info_request = InformationRequest(
        review=review,
        meeting=meeting,
        asked_of_agency=asked_of_agency,
        asked_of_person=asked_of_person,
        area=area,
        action=action,
        question=(question or "").strip(),
        due_by=due_by,
        # Raised when the group asked, at the meeting, not when it was typed up.
        raised_on=meeting.date if meeting else timezone.localdate(),
    )
    return save_audited(info_request, actor=actor)


@files_discarded_on_error()
@transaction.atomic
def answer_request(
    *,
    actor,
    info_request: InformationRequest,
    answer,
    upload=None,
    upload_kind=None,
    evidence_title="",
    evidence_kind=Evidence.Kind.DOCUMENT,
    existing_evidence=(),
) -> InformationRequest:
    """`upload` must already have passed actionplan.uploads.validate_evidence_file, which gave `upload_kind`."""
    ensure_open(info_request.review)
    info_request = locked(info_request)  # an answer and a closing that cross cannot undo each other
    if info_request.status == InformationRequest.Status.CLOSED:
        raise ValidationError("This request is closed.")
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": "Enter the answer."})
    linked = list(existing_evidence)
    if upload is not None:
        linked.append(
            add_evidence(
                actor=actor,
                action=info_request.action,
                upload=upload,
                upload_kind=upload_kind,
                inspection=info_request.review.inspection,
                area=info_request.area,
                title=(evidence_title or upload.name).strip()[:300],
                kind=evidence_kind,
                description=f"Given in answer to an information request: {info_request.question[:200]}",
                provided_by=actor.person if actor.person_id else info_request.asked_of_person,
                provided_by_agency=info_request.asked_of_agency or actor.agency,
                requested_on=info_request.raised_on,
            )
        )
    info_request.answer = answer
    info_request.answered_on = timezone.localdate()
    info_request.answered_by = actor
    info_request.status = InformationRequest.Status.ANSWERED
    save_audited(info_request, actor=actor)
    if linked:
        # add() writes its own history row (simple-history's m2m handler), attributed to the same user.
        info_request.evidence.add(*linked)
    return info_request


@transaction.atomic
def close_request(*, actor, info_request: InformationRequest, note="") -> InformationRequest:
    """Close a request. One closed with no answer keeps the group's reason as its answer."""
    ensure_open(info_request.review)
    info_request = locked(info_request)
    if info_request.status == InformationRequest.Status.CLOSED:
        raise ValidationError("This request is already closed.")
    note = (note or "").strip()
    if not info_request.answer:
        if not note:
            raise ValidationError({"note": "This request has no answer: say why it is being closed."})
        info_request.answer = f"Closed without an answer: {note}"
    elif note:
        info_request.answer = f"{info_request.answer}\n\nOn closing: {note}"
    info_request.status = InformationRequest.Status.CLOSED
    info_request.closed_on = timezone.localdate()
    return save_audited(info_request, actor=actor)
