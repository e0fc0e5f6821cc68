"""Meetings of the review: the list, one meeting, scheduling it and recording attendance.

Everyone signed in reads the schedule; only people who write the review read draft notes; the
review's clerk and administrators run meetings. Once the notes are agreed the record is locked."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from ..agreement import agreement_statement
from ..forms_meetings import AddAttendeeForm, AttendanceForm, MeetingForm
from ..models import Attendance, Meeting, Review
from ..permissions import (
    current_review_or_404,
    get_review_for_user,
    requests_visible_to,
)
from ..querystring import id_param
from ..services import meetings as services

FORM_TEMPLATE = "scrutiny/meetings/form.html"


def get_meeting(pk) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("review__inspection", "theme", "notes_agreed_by__person"), pk=pk
    )


def may_read_draft_notes(user, review) -> bool:
    return user.can_write_review(review) or user.can_run_meetings_of(review)


def require_runner(user, review) -> None:
    if not user.can_run_meetings_of(review):
        raise PermissionDenied("Only the clerk of this review can run its meetings.")


def runner_view(*, while_draft: bool):
    """Fetch the meeting (404), check the user runs its meetings (403) and, for writes that
    change the record, refuse agreed notes with a message rather than a silent failure."""

    def decorator(view):
        @login_required
        @require_http_methods(["GET", "POST"])
        @wraps(view)
        def wrapper(request, pk, *args, **kwargs):
            meeting = get_meeting(pk)
            require_runner(request.user, meeting.review)
            if while_draft and meeting.notes_locked:
                messages.error(request, str(services.NotesLocked(meeting)))
                return redirect("meeting_detail", pk=meeting.pk)
            return view(request, meeting, *args, **kwargs)

        return wrapper

    return decorator


def add_service_errors(form, error: ValidationError) -> None:
    """Errors a service raises after the form validated: next to the field where there is one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_page(request, form, save, *, title, success, back_url, caption="", intro="", extra_link=None):
    """GET shows the form; a valid POST calls save(form), says what happened and redirects to
    the URL save returns; a service error is shown next to its field, nothing half-saved."""
    if request.method == "POST" and form.is_valid():
        try:
            next_url = save(form)
        except services.NotesLocked as locked:
            messages.error(request, str(locked))
            return redirect(back_url)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(next_url)
    context = {
        "form": form, "title": title, "caption": caption, "intro": intro, "back_url": back_url, "extra_link": extra_link,
    }
    return render(request, FORM_TEMPLATE, context)


def posted(request):
    """The submitted data, even when empty, so that an empty POST shows errors rather than a blank form."""
    return request.POST if request.method == "POST" else None


def review_from_query(request) -> Review:
    review_id = id_param(request, "review")
    if review_id is not None:
        return get_review_for_user(request, review_id)
    return current_review_or_404()


@login_required
@require_GET
def meeting_list(request):
    review = review_from_query(request)
    meetings = list(
        Meeting.objects.filter(review=review).select_related("theme").prefetch_related("areas").order_by("date", "start_time")
    )
    user = request.user
    context = {
        "review": review,
        "meetings": meetings,
        "can_run": user.can_run_meetings_of(review),
        "can_export": user.role_obj.can_export,
    }
    return render(request, "scrutiny/meetings/list.html", context)


@login_required
@require_GET
def meeting_detail(request, pk):
    meeting = get_meeting(pk)
    review = meeting.review
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
        "can_export": user.role_obj.can_export,
    }
    if shows_notes:
        context.update(meeting_records(meeting, user))
    return render(request, "scrutiny/meetings/detail.html", context)


def attendance_groups(attendance) -> list[tuple[str, list]]:
    order = [Attendance.Status.PRESENT, Attendance.Status.APOLOGIES, Attendance.Status.ABSENT, Attendance.Status.INVITED]
    labels = {
        Attendance.Status.PRESENT: "Present",
        Attendance.Status.APOLOGIES: "Apologies",
        Attendance.Status.ABSENT: "Absent",
        Attendance.Status.INVITED: "Invited, attendance not yet recorded",
    }
    return [(labels[s], [row for row in attendance if row.status == s]) for s in order if any(r.status == s for r in attendance)]


def meeting_records(meeting, user) -> dict:
    """The notes and what the meeting decided, each in one query."""
    requests = requests_visible_to(user, meeting.information_requests.all())
    return {
        "note_items": list(meeting.note_items.select_related("area")),
        "conclusions": list(meeting.conclusions.select_related("area", "action__area", "action__lead_agency")),
        "requests": list(requests.select_related("asked_of_agency", "asked_of_person", "area")),
    }


@login_required
@require_http_methods(["GET", "POST"])
def meeting_add(request, review_pk):
    review = get_object_or_404(Review.objects.select_related("inspection"), pk=review_pk)
    require_runner(request.user, review)
    form = MeetingForm(posted(request), review=review, scheduling=True)

    def save(form):
        meeting = services.schedule_meeting(
            actor=request.user, review=review, data=form.cleaned_data, areas=form.cleaned_data["areas"],
            evidence=form.cleaned_data["evidence_considered"], witnesses=form.cleaned_data.get("witnesses", ()),
        )
        return meeting.get_absolute_url()

    return form_page(
        request, form, save, title="Schedule a meeting", caption=review.title, success="Meeting scheduled",
        back_url=f"{reverse('meeting_list')}?review={review.pk}",
    )


@runner_view(while_draft=True)
def meeting_edit(request, meeting):
    form = MeetingForm(posted(request), instance=meeting, review=meeting.review)

    def save(form):
        services.update_meeting(
            actor=request.user, meeting=meeting, data=form.cleaned_data, areas=form.cleaned_data["areas"],
            evidence=form.cleaned_data["evidence_considered"],
        )
        return meeting.get_absolute_url()

    return form_page(
        request, form, save, title="Change the meeting's details", caption=str(meeting), success="Meeting details saved",
        back_url=meeting.get_absolute_url(),
    )


@runner_view(while_draft=True)
def meeting_attendance(request, meeting):
    rows = meeting.attendance.select_related("person")
    form = AttendanceForm(posted(request), rows=rows)

    def save(form):
        services.record_attendance(actor=request.user, meeting=meeting, statuses=form.statuses())
        return meeting.get_absolute_url()

    intro = "Choose who was present and who sent apologies." if form.rows else "No one is on the list yet."
    return form_page(
        request, form, save, title="Record attendance", caption=str(meeting), success="Attendance saved",
        back_url=meeting.get_absolute_url(), intro=intro,
        extra_link=(reverse("meeting_attendee_add", args=[meeting.pk]), "Add someone to the list"),
    )


@runner_view(while_draft=True)
def meeting_attendee_add(request, meeting):
    form = AddAttendeeForm(posted(request), meeting=meeting)

    def save(form):
        data = form.cleaned_data
        services.add_attendee(
            actor=request.user, meeting=meeting, capacity=data["capacity"], status=data["status"],
            person=data.get("person"), new_person=form.new_person(),
        )
        return reverse("meeting_attendance", args=[meeting.pk])

    return form_page(
        request, form, save, title="Add someone to the attendance list", caption=str(meeting),
        success="Added to the attendance list", back_url=reverse("meeting_attendance", args=[meeting.pk]),
        intro="Witnesses and contributors need no sign-in: add them by name.",
    )
