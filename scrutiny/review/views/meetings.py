"""Meetings of the review: the list, one meeting, scheduling it and recording attendance.

Everyone signed in reads the schedule; only people who write the review read draft notes; the
review's clerk and administrators run meetings. Once the notes are agreed the record is locked."""

from django.shortcuts import render
from django.urls import reverse

from scrutiny.core.writes import posted, service_save
from scrutiny.people.permissions import has_capability

from ..agreement import agreement_statement
from ..forms.meetings import AddAttendeeForm, AttendanceForm, MeetingForm
from ..models import Attendance, Meeting
from ..permissions import (
    get_meeting_for_user,
    may_read_draft_notes,
    requests_visible_to,
    require_review_runner,
    review_view,
    runner_view,
    writer_view,
)
from ..services import meetings as services
from .form_pages import form_page, meeting_form_page


@review_view()
def meeting_list(request, review):
    meetings = list(
        Meeting.objects.filter(review=review)
        .select_related("theme")
        .prefetch_related("areas")
        .order_by("date", "start_time")
    )
    user = request.user
    context = {
        "review": review,
        "meetings": meetings,
        "can_run": user.can_run_meetings_of(review),
        "can_export": has_capability(user, "can_export"),
    }
    return render(request, "scrutiny/meetings/list.html", context)


@review_view()
def meeting_detail(request, review, pk):
    meeting = get_meeting_for_user(request, review, pk)
    user = request.user
    shows_notes = meeting.notes_locked or may_read_draft_notes(user, review)
    attendance = list(meeting.attendance.select_related("person"))
    context = {
        "meeting": meeting,
        "review": review,
        "areas": list(meeting.areas.order_by("number")),
        "evidence": list(meeting.evidence_considered.select_related("provided_by", "provided_by_agency")),
        "attendance_groups": attendance_groups(attendance),
        "shows_notes": shows_notes,
        "agreement": agreement_statement(meeting),
        "can_run": user.can_run_meetings_of(review),
        "can_export": has_capability(user, "can_export"),
    }
    if shows_notes:
        context.update(meeting_records(meeting, user))
    return render(request, "scrutiny/meetings/detail.html", context)


def attendance_groups(attendance) -> list[tuple[str, list]]:
    order = [
        Attendance.Status.PRESENT,
        Attendance.Status.APOLOGIES,
        Attendance.Status.ABSENT,
        Attendance.Status.INVITED,
    ]
    labels = {
        Attendance.Status.PRESENT: "Present",
        Attendance.Status.APOLOGIES: "Apologies",
        Attendance.Status.ABSENT: "Absent",
        Attendance.Status.INVITED: "Invited, attendance not yet recorded",
    }
    return [
        (labels[s], [row for row in attendance if row.status == s])
        for s in order
        if any(r.status == s for r in attendance)
    ]


def meeting_records(meeting, user) -> dict:
    """The notes and what the meeting decided, each in one query."""
    requests = requests_visible_to(user, meeting.information_requests.all())
    return {
        "note_items": list(meeting.note_items.select_related("area")),
        "conclusions": list(meeting.conclusions.select_related("area", "action__area", "action__lead_agency")),
        "requests": list(requests.select_related("asked_of_agency", "asked_of_person", "area")),
    }


@writer_view
def meeting_add(request, review):
    require_review_runner(request.user, review)
    form = MeetingForm(posted(request), review=review, scheduling=True)

    def save(form):
        meeting = services.schedule_meeting(
            actor=request.user,
            review=review,
            data=form.cleaned_data,
            areas=form.cleaned_data["areas"],
            evidence=form.cleaned_data["evidence_considered"],
            witnesses=form.cleaned_data.get("witnesses", ()),
        )
        return meeting.get_absolute_url()

    return form_page(
        request,
        form,
        save,
        title="Schedule a meeting",
        caption=review.title,
        success="Meeting scheduled",
        back_url=reverse("meeting_list", args=[review.pk]),
    )


@runner_view(while_draft=True)
def meeting_edit(request, meeting):
    form = MeetingForm(posted(request), instance=meeting, review=meeting.review)

    def write(form):
        services.update_meeting(
            actor=request.user,
            meeting=meeting,
            data=form.cleaned_data,
            areas=form.cleaned_data["areas"],
            evidence=form.cleaned_data["evidence_considered"],
        )

    return meeting_form_page(
        request, meeting, form, write, title="Change the meeting's details", success="Meeting details saved"
    )


@runner_view(while_draft=True)
def meeting_attendance(request, meeting):
    form = AttendanceForm(posted(request), meeting=meeting, rows=meeting.attendance.select_related("person"))
    if not form.rows:
        intro = "No one is on the list yet."
    elif services.has_taken_place(meeting):
        intro = "Choose who was present and who sent apologies."
    else:
        intro = f"{services.not_yet_held(meeting)}. For now, record apologies, or take someone off the list."
    return meeting_form_page(
        request,
        meeting,
        form,
        service_save(request, services.record_attendance, meeting=meeting),
        title="Record attendance",
        success="Attendance saved",
        intro=intro,
        extra_link=(reverse("meeting_attendee_add", args=[meeting.review_id, meeting.pk]), "Add someone to the list"),
    )


@runner_view(while_draft=True)
def meeting_attendee_add(request, meeting):
    return meeting_form_page(
        request,
        meeting,
        AddAttendeeForm(posted(request), meeting=meeting),
        service_save(request, services.add_attendee, meeting=meeting),
        title="Add someone to the attendance list",
        success="Added to the attendance list",
        back_url=reverse("meeting_attendance", args=[meeting.review_id, meeting.pk]),
        intro="Witnesses and contributors need no sign-in: add them by name.",
    )
