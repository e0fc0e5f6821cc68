"""Downloads: a meeting's agenda and notes, the review's conclusions table, reports and calendar.

Every paper is built once (scrutiny.documents.papers or a TableExport) and rendered by the
shared renderers, so no view writes a file format itself."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from scrutiny.core.documents import Document, document_response
from scrutiny.core.documents.builder import isolate
from scrutiny.core.exports import export_response
from scrutiny.people.permissions import require_capability

from ..exports.conclusions import ConclusionsTableExport
from ..exports.meetings import MeetingsExport
from ..ical import meetings_calendar
from ..models import Meeting, Review
from ..papers import agenda_document, notes_document
from ..permissions import get_review_for_user, may_read_draft_notes
from ..report import REPORT_KINDS, report_document
from ..report_data import meetings_for_papers

DOCUMENT_FORMATS = ("docx", "pdf", "html")


def _check_format(fmt, allowed) -> None:
    if fmt not in allowed:
        raise Http404("Unknown format")


def _paper_meeting(request, review_pk, pk, fmt) -> Meeting:
    _check_format(fmt, DOCUMENT_FORMATS)
    review = _review(request, review_pk)
    return get_object_or_404(meetings_for_papers(Meeting.objects.all()), pk=pk, review=review)


def _review(request, review_pk) -> Review:
    """Papers go to members, clerks and administrators (403 to others), of reviews they may see (404)."""
    require_capability(request.user, "can_export")
    return get_review_for_user(request, review_pk)


@login_required
@require_GET
def meeting_agenda(request, review_pk, pk, fmt):
    meeting = _paper_meeting(request, review_pk, pk, fmt)
    previous = Meeting.objects.filter(review=meeting.review_id, date__lt=meeting.date).order_by("-date").first()
    return document_response(request, agenda_document(meeting, previous), fmt, back_url=meeting.get_absolute_url())


@login_required
@require_GET
def meeting_notes_export(request, review_pk, pk, fmt):
    meeting = _paper_meeting(request, review_pk, pk, fmt)
    if not meeting.notes_locked and not may_read_draft_notes(request.user, meeting.review):
        raise PermissionDenied("These notes are still a draft: only the review's members and clerk can see them.")
    return document_response(request, notes_document(meeting), fmt, back_url=meeting.get_absolute_url())


@login_required
@require_GET
def conclusions_export(request, review_pk, fmt):
    _check_format(fmt, ("xlsx", "csv", *DOCUMENT_FORMATS))
    review = _review(request, review_pk)
    export = ConclusionsTableExport(review)
    if fmt in DOCUMENT_FORMATS:
        document = Document(
            title=f"{isolate(review.title)}: conclusions against each action",
            # A paper that is not a report is dated by the day it was drawn from the records.
            subtitle=f"As they stood on {timezone.localdate():%-d %B %Y}",
            filename_stem=export.filename_stem(),
            orientation="landscape",
        )
        back_url = reverse("meeting_list", args=[review.pk])
        return document_response(request, document.table_from_export(export), fmt, back_url=back_url)
    return export_response(export, fmt)


@login_required
@require_GET
def meetings_export(request, review_pk, fmt):
    _check_format(fmt, ("xlsx", "csv"))
    return export_response(MeetingsExport(_review(request, review_pk)), fmt)


@login_required
@require_GET
def review_report(request, review_pk, kind, fmt):
    _check_format(fmt, DOCUMENT_FORMATS)
    if kind not in REPORT_KINDS:
        raise Http404("Unknown report")
    review = _review(request, review_pk)
    include_drafts = may_read_draft_notes(request.user, review)
    return document_response(request, report_document(review, kind, include_draft_notes=include_drafts), fmt)


@login_required
@require_GET
def meetings_ics(request, review_pk):
    # The schedule is open to everyone who may see the review, as its meetings list is.
    review = get_review_for_user(request, review_pk)
    meetings = Meeting.objects.filter(review=review).select_related("review").prefetch_related("areas").order_by("date")
    response = HttpResponse(meetings_calendar(review, meetings), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meetings-{slugify(review.title)}.ics"'
    return response
