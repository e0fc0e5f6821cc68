"""Writing a meeting's notes item by item, with the conclusions reached and the information
requested, then agreeing them (which locks them) or reopening them with a reason."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from scrutiny.core.formtools import ConfirmForm
from scrutiny.core.writes import posted, service_save

from ..agreement import agreement_statement
from ..forms.meetings import (
    AgreeNotesForm,
    MeetingConclusionForm,
    MeetingRequestForm,
    NoteItemForm,
    ReopenNotesForm,
)
from ..permissions import get_meeting_for_user, require_review_runner, review_view, runner_view
from ..services import meeting_records as records
from ..services import meetings as services
from .form_pages import meeting_form_page
from .meetings import meeting_records

# The page that takes a record out of the draft notes: what it says before and after (its history keeps
# what the record said).
TAKEN_OUT = "{} is taken out of the notes{}. What it {} stays in the meeting’s history."


def notes_url(meeting) -> str:
    return reverse("meeting_notes", args=[meeting.review_id, meeting.pk])


def notes_page(request, meeting, form, write, title, success, **page):
    """A page of the notes editor, with its title and the message after saving: `write(form)` calls the
    service, and the page leads back to the notes."""
    return meeting_form_page(
        request, meeting, form, write, title=title, success=success, back_url=notes_url(meeting), **page
    )


def remove_page(request, meeting, remove, *, button, **page):
    """Confirm taking one record out of the draft notes; its history keeps what it said."""
    return notes_page(request, meeting, ConfirmForm(posted(request), button=button), remove, **page)


@review_view()
def meeting_notes(request, review, pk):
    """The editor's overview. Agreed notes stay readable here, with the way to reopen them."""
    meeting = get_meeting_for_user(request, review, pk)
    require_review_runner(request.user, review)
    context = {
        "meeting": meeting,
        "review": meeting.review,
        "agreement": agreement_statement(meeting),
        **meeting_records(meeting, request.user),
    }
    return render(request, "scrutiny/meetings/notes.html", context)


@runner_view(while_draft=True)
def meeting_note_add(request, meeting):
    form = NoteItemForm(posted(request), meeting=meeting, initial={"position": services.next_item_position(meeting)})
    return _note_form(request, meeting, form, item=None)


@runner_view(while_draft=True)
def meeting_note_edit(request, meeting, item_pk):
    item = get_object_or_404(meeting.note_items, pk=item_pk)
    form = NoteItemForm(posted(request), meeting=meeting, instance=item)
    return _note_form(request, meeting, form, item=item)


@runner_view(while_draft=True)
def meeting_note_remove(request, meeting, item_pk):
    item = get_object_or_404(meeting.note_items, pk=item_pk)
    remove = service_save(request, services.remove_note_item, meeting=meeting, item=item)
    return remove_page(
        request,
        meeting,
        remove,
        button="Remove this item",
        title=f"Remove item {item.position}, {item.heading}?",
        intro=TAKEN_OUT.format("The item", "", "said"),
        success=f"Item {item.position}, {item.heading}, has been removed from the notes",
    )


def _note_form(request, meeting, form, *, item):
    return notes_page(
        request,
        meeting,
        form,
        lambda form: services.save_note_item(actor=request.user, meeting=meeting, item=item, data=form.cleaned_data),
        title="Add an item to the notes" if item is None else "Change a notes item",
        success="Notes item saved",
    )


@runner_view(while_draft=True)
def meeting_conclusion_add(request, meeting):
    form = MeetingConclusionForm(posted(request), meeting=meeting)
    write = service_save(request, services.record_meeting_conclusion, meeting=meeting)
    return notes_page(
        request, meeting, form, write, "Record a conclusion reached at the meeting", "Conclusion recorded"
    )


@runner_view(while_draft=True)
def meeting_request_add(request, meeting):
    form = MeetingRequestForm(posted(request), meeting=meeting)
    write = service_save(request, services.raise_meeting_request, meeting=meeting)
    return notes_page(
        request, meeting, form, write, "Record information the group asked for", "Information request recorded"
    )


@runner_view(while_draft=True)
def meeting_conclusion_edit(request, meeting, conclusion_pk):
    """While the notes are a draft, a conclusion is corrected like a notes item; its history keeps what it said."""
    conclusion = get_object_or_404(meeting.conclusions, pk=conclusion_pk)
    subject = f"action-{conclusion.action_id}" if conclusion.action_id else f"area-{conclusion.area_id}"
    initial = {"subject": subject, "judgement": conclusion.judgement, "reasoning": conclusion.reasoning}
    form = MeetingConclusionForm(posted(request), meeting=meeting, initial=initial)
    write = service_save(request, records.correct_meeting_conclusion, meeting=meeting, conclusion=conclusion)
    return notes_page(
        request, meeting, form, write, "Correct a conclusion reached at the meeting", "Conclusion corrected"
    )


@runner_view(while_draft=True)
def meeting_conclusion_remove(request, meeting, conclusion_pk):
    conclusion = get_object_or_404(meeting.conclusions.select_related("action", "area"), pk=conclusion_pk)
    remove = service_save(request, records.remove_meeting_conclusion, meeting=meeting, conclusion=conclusion)
    return remove_page(
        request,
        meeting,
        remove,
        button="Remove this conclusion",
        title=f"Remove the conclusion “{conclusion}”?",
        intro=TAKEN_OUT.format("The conclusion", " and the table of conclusions", "said"),
        success="The conclusion has been removed from the notes",
    )


@runner_view(while_draft=True)
def meeting_request_edit(request, meeting, request_pk):
    """While the notes are a draft, an open request is corrected like a notes item."""
    info_request = get_object_or_404(meeting.information_requests, pk=request_pk)
    fields = ("question", "asked_of_agency_id", "asked_of_person_id", "area_id", "due_by")
    initial = {name.removesuffix("_id"): getattr(info_request, name) for name in fields}
    form = MeetingRequestForm(posted(request), meeting=meeting, initial=initial)
    write = service_save(request, records.correct_meeting_request, meeting=meeting, info_request=info_request)
    return notes_page(
        request, meeting, form, write, "Correct information the group asked for", "Information request corrected"
    )


@runner_view(while_draft=True)
def meeting_request_remove(request, meeting, request_pk):
    info_request = get_object_or_404(meeting.information_requests, pk=request_pk)
    remove = service_save(request, records.remove_meeting_request, meeting=meeting, info_request=info_request)
    return remove_page(
        request,
        meeting,
        remove,
        button="Remove this request",
        title=f"Remove the request to {info_request.asked_of}?",
        intro=TAKEN_OUT.format("The request", " and the list of requests", "asked"),
        success="The information request has been removed from the notes",
    )


@runner_view(while_draft=True)
def meeting_agree_notes(request, meeting):
    form = AgreeNotesForm(posted(request), initial={"agreed_on": timezone.localdate()})
    intro = (
        "Once agreed, the notes, attendance and conclusions of this meeting are locked. "
        "Changing them afterwards means reopening the notes and giving a reason."
    )
    page = {}
    if unrecorded := services.unrecorded_attendance(meeting):
        # The service refuses until then: the way to put it right is on the page and in the error.
        attendance_url = reverse("meeting_attendance", args=[meeting.review_id, meeting.pk])
        form.non_field_errors_href = attendance_url
        people = "1 person" if len(unrecorded) == 1 else f"{len(unrecorded)} people"
        intro = f"Attendance is not recorded yet for {people} on the list. {intro}"
        page["extra_link"] = (attendance_url, "Record attendance")
    return notes_page(
        request,
        meeting,
        form,
        service_save(request, services.agree_notes, meeting=meeting),
        then=meeting.get_absolute_url(),
        title="Agree the notes",
        success="Notes agreed and locked",
        intro=intro,
        **page,
    )


@runner_view(while_draft=False)
def meeting_reopen_notes(request, meeting):
    if not meeting.notes_locked:
        messages.error(request, "These notes are still a draft: there is nothing to reopen.")
        return redirect(notes_url(meeting))
    return meeting_form_page(
        request,
        meeting,
        ReopenNotesForm(posted(request)),
        service_save(request, services.reopen_notes, meeting=meeting),
        then=notes_url(meeting),
        title="Reopen the agreed notes",
        success="Notes reopened as a draft",
    )
