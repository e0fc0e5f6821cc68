"""Who may see and write the review's records. Views call these; they never test role strings.

Reading: every signed-in user may read a review and its conclusions and recommendations.
Information requests are narrower: an officer sees only those asked of their agency (or of the
person their sign-in stands for); anyone else's are a 404 to them.
Writing: members and clerks of *this* review (and administrators), through `User.can_write_review`.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_safe

from scrutiny.people.permissions import capability_required, has_capability

from .models import InformationRequest, Meeting, Review
from .services.meetings import NotesLocked


def current_review_or_404() -> Review:
    review = Review.objects.current()
    if review is None:
        from django.http import Http404

        raise Http404("No review has been set up yet.")
    return review


def get_review_for_user(request, pk) -> Review:
    """Every signed-in user may read a review."""
    return get_object_or_404(Review.objects.select_related("inspection__inspection_type"), pk=pk)


def require_review_writer(user, review) -> None:
    """Members and clerks of this review (and administrators) write its records; others get a 403."""
    if not user.can_write_review(review):
        raise PermissionDenied("Only the members and clerk of this review can change its records.")


def require_review_runner(user, review) -> None:
    """The review's clerk (and administrators) run its meetings, change its stage and which areas it pursues."""
    if not user.can_run_meetings_of(review):
        raise PermissionDenied("Only the clerk of this review can do this.")


def overview_required(view):
    """Members, clerks and administrators see the whole plan; officers see only their agency's
    actions elsewhere, so these whole-plan pages are refused to them. The pages only read: other
    methods get 405."""
    return capability_required("sees_every_agency")(require_safe(view))


def get_meeting_for_user(request, pk) -> Meeting:
    """Every signed-in user may read a meeting's schedule; its draft notes are checked apart."""
    return get_object_or_404(
        Meeting.objects.select_related("review__inspection", "theme", "notes_agreed_by__person"), pk=pk
    )


def may_read_draft_notes(user, review) -> bool:
    return user.can_write_review(review) or user.can_run_meetings_of(review)


def runner_view(*, while_draft: bool):
    """Fetch the meeting (404), check the user runs its meetings (403) and, for writes that
    change the record, refuse agreed notes with a message rather than a silent failure."""

    def decorator(view):
        @login_required
        @require_http_methods(["GET", "POST"])
        @wraps(view)
        def wrapper(request, pk, *args, **kwargs):
            meeting = get_meeting_for_user(request, pk)
            require_review_runner(request.user, meeting.review)
            if while_draft and meeting.notes_locked:
                messages.error(request, str(NotesLocked(meeting)))
                return redirect("meeting_detail", pk=meeting.pk)
            return view(request, meeting, *args, **kwargs)

        return wrapper

    return decorator


def requests_visible_to(user, queryset=None):
    queryset = InformationRequest.objects.all() if queryset is None else queryset
    if has_capability(user, "sees_every_agency"):
        return queryset
    condition = Q(asked_of_agency_id=user.agency_id) if user.agency_id else Q(pk__in=[])
    if user.person_id:
        condition |= Q(asked_of_person_id=user.person_id)
    return queryset.filter(condition)


def get_request_for_user(request, pk) -> InformationRequest:
    """Officers asking for another agency's request get a 404, as if it did not exist."""
    queryset = InformationRequest.objects.select_related(
        "review__inspection", "meeting", "area", "action", "asked_of_agency", "asked_of_person", "answered_by__person"
    )
    return get_object_or_404(requests_visible_to(request.user, queryset), pk=pk)


def can_answer_request(user, info_request) -> bool:
    """The asked agency's officers or the asked person answer; the review's members and clerk may
    record an answer that reached them another way (by email, at a meeting)."""
    if not user.is_active or info_request.status == InformationRequest.Status.CLOSED:
        return False
    if user.can_write_review(info_request.review):
        return True
    if has_capability(user, "can_update_own_agency_actions") and user.agency_id and user.agency_id == info_request.asked_of_agency_id:
        return True
    return bool(user.person_id and user.person_id == info_request.asked_of_person_id)


def require_request_answerer(user, info_request) -> None:
    if not can_answer_request(user, info_request):
        raise PermissionDenied("You cannot answer this request.")
