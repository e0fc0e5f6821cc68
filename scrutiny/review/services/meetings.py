"""Running a meeting: schedule, attendance, notes, and agreeing or reopening the notes.

Once the notes are agreed the meeting's record is locked: every write here refuses with
NotesLocked until the clerk reopens the notes, giving a reason kept in the history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from scrutiny.core.writes import delete_audited, save_audited
from scrutiny.people.models import Person

from ..errors import NotesLocked, ensure_open
from ..models import Attendance, Meeting, NoteItem, ReviewMembership
from . import conclusions as conclusion_services
from . import requests as request_services

MEETING_FIELDS = ("number", "title", "date", "start_time", "end_time", "place", "purpose", "theme", "notes_reference")
# Who is invited by default: everyone on the review, in the capacity they hold on it.
CAPACITY_FOR_ROLE = {
    ReviewMembership.Role.CHAIR: Attendance.Capacity.MEMBER,
    ReviewMembership.Role.MEMBER: Attendance.Capacity.MEMBER,
    ReviewMembership.Role.CONTRIBUTOR: Attendance.Capacity.CONTRIBUTOR,
    ReviewMembership.Role.CLERK: Attendance.Capacity.CLERK,
}


def ensure_draft(meeting: Meeting) -> None:
    ensure_open(meeting.review)
    if meeting.notes_locked:
        raise NotesLocked(meeting)


def _set_many(meeting, actor, areas, evidence):
    # Each set() writes its own history row through simple-history's m2m handler.
    meeting._history_user = actor
    meeting.areas.set(areas)
    meeting.evidence_considered.set(evidence)


@transaction.atomic
def schedule_meeting(*, actor, review, data: dict, areas=(), evidence=(), witnesses=()) -> Meeting:
    ensure_open(review)
    fields = {name: data.get(name) for name in MEETING_FIELDS}
    fields["place"], fields["notes_reference"] = fields["place"] or "", fields["notes_reference"] or ""
    meeting = Meeting(review=review, **fields)
    save_audited(meeting, actor=actor)
    _set_many(meeting, actor, areas, evidence)
    invited = set()
    memberships = review.memberships.select_related("person").prefetch_related("themes")
    for membership in memberships:
        if membership.invited_by_default_to(meeting):
            save_audited(
                Attendance(meeting=meeting, person=membership.person, capacity=CAPACITY_FOR_ROLE[membership.role]),
                actor=actor,
            )
            invited.add(membership.person_id)
    roles = {membership.person_id: membership.role for membership in memberships}
    for person in witnesses:
        if person.pk not in invited:
            # A contributor of the review invited beyond their themes comes as a contributor.
            capacity = CAPACITY_FOR_ROLE.get(roles.get(person.pk), Attendance.Capacity.WITNESS)
            save_audited(Attendance(meeting=meeting, person=person, capacity=capacity), actor=actor)
    return meeting


@transaction.atomic
def update_meeting(*, actor, meeting, data: dict, areas=(), evidence=()) -> Meeting:
    ensure_draft(meeting)
    for name in MEETING_FIELDS:
        value = data.get(name)
        setattr(meeting, name, value or "" if name in ("place", "notes_reference") else value)
    save_audited(meeting, actor=actor)
    _set_many(meeting, actor, areas, evidence)
    return meeting


TOOK_PLACE_STATUSES = (Attendance.Status.PRESENT, Attendance.Status.ABSENT)


def has_taken_place(meeting) -> bool:
    return meeting.date <= timezone.localdate()


def statuses_open_to(meeting) -> list[str]:
    """Who was present is known once the meeting has happened; invitations and apologies can come before."""
    if has_taken_place(meeting):
        return list(Attendance.Status)
    return [s for s in Attendance.Status if s not in TOOK_PLACE_STATUSES]


def not_yet_held(meeting) -> str:
    return f"This meeting is on {meeting.date:%-d %B %Y}: record who was present or absent once it has taken place"


def _check_taken_place(meeting, statuses, field=None) -> None:
    if not has_taken_place(meeting) and any(s in TOOK_PLACE_STATUSES for s in statuses):
        message = f"{not_yet_held(meeting)}. Invitations and apologies can be recorded now."
        raise ValidationError({field: message} if field else message)


def unrecorded_attendance(meeting) -> list[Attendance]:
    """People on the list of a meeting that has taken place whose coming or not nobody has recorded."""
    rows = meeting.attendance.filter(status=Attendance.Status.INVITED).select_related("person")
    return list(rows.order_by("person__name"))


def _names(people) -> str:
    return people[0] if len(people) == 1 else f"{', '.join(people[:-1])} and {people[-1]}"


def _check_attendance_recorded(meeting) -> None:
    """Agreed notes are published: they say who came and who sent apologies, never only who was invited."""
    names = [row.person.name for row in unrecorded_attendance(meeting)]
    if len(names) == 1:
        raise ValidationError(f"Record whether {names[0]} came before agreeing the notes.")
    if names:
        raise ValidationError(
            f"Record whether these {len(names)} people came before agreeing the notes: {_names(names)}."
        )


REMOVE = "remove"  # not a status: the person comes off the meeting's list


@transaction.atomic
def record_attendance(*, actor, meeting, statuses: dict) -> int:
    """statuses maps attendance id to status, or to REMOVE to take the person off the list (their
    history keeps that they were invited); only rows that changed are saved. Returns how many."""
    ensure_draft(meeting)
    rows = list(meeting.attendance.all())
    _check_taken_place(
        meeting, [statuses[row.pk] for row in rows if statuses.get(row.pk) and statuses[row.pk] != row.status]
    )
    changed = 0
    for row in rows:
        status = statuses.get(row.pk)
        if status == REMOVE:
            delete_audited(row, actor=actor, reason="Taken off the meeting's list")
            changed += 1
        elif status and status != row.status:
            row.status = status
            save_audited(row, actor=actor)
            changed += 1
    return changed


@transaction.atomic
def add_attendee(*, actor, meeting, capacity, status, person=None, new_person: dict | None = None) -> Attendance:
    """Add someone to the list: a known person, or a new one who may never sign in (a foster carer)."""
    ensure_draft(meeting)
    _check_taken_place(meeting, [status], field="status")
    if person is None:
        if not new_person or not (new_person.get("name") or "").strip():
            raise ValidationError({"name": "Enter the person’s name, or choose someone already known."})
        person = save_audited(Person(**{k: (v or "").strip() for k, v in new_person.items()}), actor=actor)
    if meeting.attendance.filter(person=person).exists():
        raise ValidationError({"person": f"{person.name} is already on this meeting’s attendance list."})
    return save_audited(Attendance(meeting=meeting, person=person, capacity=capacity, status=status), actor=actor)


@transaction.atomic
def save_note_item(*, actor, meeting, data: dict, item: NoteItem | None = None) -> NoteItem:
    ensure_draft(meeting)
    if item is None:
        item = NoteItem(meeting=meeting)
    elif item.meeting_id != meeting.pk:
        raise ValidationError("This item belongs to another meeting.")
    item.position = data.get("position") or next_item_position(meeting)
    item.heading = data["heading"].strip()
    item.area = data.get("area")
    item.body = (data.get("body") or "").strip()
    # Kept in the app, never printed in a paper; a caller that does not say keeps what the item was.
    item.source_silent = bool(data.get("source_silent", item.source_silent))
    return save_audited(item, actor=actor)


@transaction.atomic
def remove_note_item(*, actor, meeting, item: NoteItem) -> None:
    """Take an item out of draft notes; its history keeps what it said, who removed it and when."""
    ensure_draft(meeting)
    if item.meeting_id != meeting.pk:
        raise ValidationError("This item belongs to another meeting.")
    delete_audited(item, actor=actor)


def next_item_position(meeting) -> int:
    last = meeting.note_items.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def record_meeting_conclusion(*, actor, meeting, **fields):
    """A conclusion reached at this meeting, through the review's own conclusion service."""
    ensure_draft(meeting)
    return conclusion_services.record_conclusion(actor=actor, review=meeting.review, meeting=meeting, **fields)


@transaction.atomic
def raise_meeting_request(*, actor, meeting, **fields):
    """Information the group asked for at this meeting, through the review's request service."""
    ensure_draft(meeting)
    return request_services.raise_request(actor=actor, review=meeting.review, meeting=meeting, **fields)


@transaction.atomic
def agree_notes(*, actor, meeting, agreed_on=None) -> Meeting:
    ensure_open(meeting.review)
    ensure_draft(meeting)
    if meeting.date > timezone.localdate():
        raise ValidationError(
            f"This meeting is on {meeting.date:%-d %B %Y}: its notes can be agreed once it has taken place."
        )
    if not meeting.note_items.exists():
        raise ValidationError("Write at least one item of the notes before agreeing them.")
    _check_attendance_recorded(meeting)
    agreed_on = agreed_on or timezone.localdate()
    if agreed_on < meeting.date:
        raise ValidationError({"agreed_on": "Notes cannot be agreed before the meeting they record."})
    meeting.notes_status = Meeting.NotesStatus.AGREED
    meeting.notes_agreed_on = agreed_on
    meeting.notes_agreed_by = actor
    return save_audited(meeting, actor=actor, reason="Notes agreed")


@transaction.atomic
def reopen_notes(*, actor, meeting, reason: str) -> Meeting:
    ensure_open(meeting.review)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the agreed notes are being reopened."})
    if not meeting.notes_locked:
        raise ValidationError("These notes are still a draft: there is nothing to reopen.")
    meeting.notes_status = Meeting.NotesStatus.DRAFT
    meeting.notes_agreed_on = None
    meeting.notes_agreed_by = None
    return save_audited(meeting, actor=actor, reason=f"Notes reopened: {reason}")
