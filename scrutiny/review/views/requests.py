"""Information requests: the group asks, the agency or person answers with evidence, the group closes."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Evidence
from scrutiny.core.writes import posted
from scrutiny.people.permissions import has_capability

from ..forms.meeting_defaults import coming_meeting
from ..forms.records import (
    AnswerForm,
    CloseRequestForm,
    InformationRequestForm,
    subject_initial,
)
from ..models import InformationRequest
from ..permissions import (
    can_answer_request,
    get_request_for_user,
    requests_visible_to,
    require_request_answerer,
    require_review_writer,
    review_view,
    writer_view,
)
from ..reporting.filters import InformationRequestFilter
from ..services.requests import answer_request, close_request, raise_request
from .form_pages import record_page


@review_view()
def request_list(request, review):
    queryset = requests_visible_to(request.user, review.information_requests.all()).select_related(
        "meeting", "asked_of_agency", "asked_of_person", "area", "action"
    )
    filterset = InformationRequestFilter(request.GET, queryset=queryset)
    status = filterset.chosen_status
    info_requests = list((filterset.qs if status else queryset).order_by("status", "due_by", "id"))
    today = timezone.localdate()
    for info_request in info_requests:
        info_request.overdue_now = info_request.is_overdue(today)
    # Overdue first: they are what the group needs to chase.
    info_requests.sort(key=lambda r: not r.overdue_now)
    context = {
        "review": review,
        "info_requests": info_requests,
        "status": status,
        "status_filters": InformationRequestFilter.STATUSES,
        "overdue_count": sum(1 for r in info_requests if r.overdue_now),
        "can_write": request.user.can_write_review(review),
    }
    return render(request, "scrutiny/requests/list.html", context)


@review_view()
def request_detail(request, review, pk):
    info_request = get_request_for_user(request, review, pk)
    evidence = list(info_request.evidence.all())
    for item in evidence:
        item.url = reverse("evidence_download", args=[item.pk]) if item.file else None
    context = {
        "info_request": info_request,
        "review": info_request.review,
        "evidence": evidence,
        "overdue": info_request.is_overdue(),
        "can_answer": can_answer_request(request.user, info_request),
        "can_close": request.user.can_write_review(info_request.review)
        and info_request.status != InformationRequest.Status.CLOSED,
        # An open request raised at a meeting whose notes are a draft is corrected there, like a notes item.
        "correctable": bool(
            info_request.meeting
            and not info_request.meeting.notes_locked
            and info_request.status == InformationRequest.Status.OPEN
            and request.user.can_run_meetings_of(review)
        ),
    }
    return render(request, "scrutiny/requests/detail.html", context)


@writer_view
def request_add(request, review):
    require_review_writer(request.user, review)
    initial = subject_initial(request, review, default_meeting=coming_meeting)
    form = InformationRequestForm(posted(request), review=review, initial=initial)
    template = "scrutiny/requests/form.html"
    return record_page(
        request, form, raise_request, template, lambda raised: f"Request raised with {raised.asked_of}.", review=review
    )


def _evidence_choices(user, info_request):
    evidence = Evidence.objects.filter(inspection_id=info_request.review.inspection_id).exclude(
        information_requests=info_request
    )
    if not has_capability(user, "sees_every_agency"):
        evidence = evidence.for_agency(user.agency_id)
    return evidence.order_by("-added_at", "-id")


@writer_view
def request_answer(request, review, pk):
    info_request = get_request_for_user(request, review, pk)
    require_request_answerer(request.user, info_request)
    form = AnswerForm(
        posted(request),
        request.FILES or None,
        evidence_queryset=_evidence_choices(request.user, info_request),
        initial={"answer": info_request.answer},
    )
    success = "Your answer has been sent to the group."
    return record_page(
        request, form, answer_request, "scrutiny/requests/answer_form.html", success, info_request=info_request
    )


@writer_view
def request_close(request, review, pk):
    info_request = get_request_for_user(request, review, pk)
    require_review_writer(request.user, info_request.review)
    if info_request.status == InformationRequest.Status.CLOSED:
        messages.info(request, "This request is already closed.")
        return redirect(info_request)
    form = CloseRequestForm(posted(request))
    success = "The request is closed."
    return record_page(
        request, form, close_request, "scrutiny/requests/close_form.html", success, info_request=info_request
    )
