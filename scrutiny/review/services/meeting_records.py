"""Correcting or removing a conclusion or an information request recorded against a meeting, while its
notes are a draft, as the clerk corrects or removes a notes item: the history keeps what each said, who
changed it and when. Once the notes are agreed all of them are locked (NotesLocked) until the notes are
reopened with a reason. A conclusion recorded outside a meeting is never edited: a later one supersedes it."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scrutiny.core.writes import delete_audited, locked, save_audited

from ..models import Conclusion, InformationRequest
from .conclusions import check_subject
from .meetings import ensure_draft

CORRECTED = "Corrected in the draft notes"
REMOVED = "Removed from the draft notes"


def _belongs(record, meeting) -> None:
    if record.meeting_id != meeting.pk:
        raise ValidationError("This record belongs to another meeting.")


def _open_request(info_request) -> InformationRequest:
    """The request as it is now, locked until the transaction ends, and only if still open: an answer may
    already rely on the question as it was asked."""
    info_request = locked(info_request)
    if info_request.status != InformationRequest.Status.OPEN:
        raise ValidationError(
            f"This request is {info_request.get_status_display().lower()}: the question it answered stays as it was "
            "asked. Record a new request instead."
        )
    return info_request


@transaction.atomic
def correct_meeting_conclusion(
    *, actor, meeting, conclusion: Conclusion, judgement, reasoning, action=None, area=None
) -> Conclusion:
    ensure_draft(meeting)
    _belongs(conclusion, meeting)
    check_subject(meeting.review, action=action, area=area)
    conclusion.action, conclusion.area = action, area
    conclusion.judgement = judgement
    conclusion.reasoning = (reasoning or "").strip()
    return save_audited(conclusion, actor=actor, reason=CORRECTED)


@transaction.atomic
def remove_meeting_conclusion(*, actor, meeting, conclusion: Conclusion) -> None:
    ensure_draft(meeting)
    _belongs(conclusion, meeting)
    delete_audited(conclusion, actor=actor, reason=REMOVED)


@transaction.atomic
def correct_meeting_request(
    *,
    actor,
    meeting,
    info_request: InformationRequest,
    question,
    asked_of_agency=None,
    asked_of_person=None,
    area=None,
    due_by=None,
) -> InformationRequest:
    ensure_draft(meeting)
    _belongs(info_request, meeting)
    info_request = _open_request(info_request)
    info_request.question = (question or "").strip()
    info_request.asked_of_agency, info_request.asked_of_person = asked_of_agency, asked_of_person
    info_request.area = area
    if info_request.action_id and (area is None or info_request.action.area_id != area.pk):
        info_request.action = None  # the action was one of the old area's
    info_request.due_by = due_by
    return save_audited(info_request, actor=actor, reason=CORRECTED)


@transaction.atomic
def remove_meeting_request(*, actor, meeting, info_request: InformationRequest) -> None:
    ensure_draft(meeting)
    _belongs(info_request, meeting)
    info_request = _open_request(info_request)
    delete_audited(info_request, actor=actor, reason=REMOVED)
