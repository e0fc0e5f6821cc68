"""Who may see and write the review's records. Views call these; they never test role strings.

Reading: administrators see every review and inspection; members and clerks the reviews they sit on
and the inspections those reviews scrutinise; officers the inspections in which their agency leads
actions, and the reviews of those inspections (to answer what the group asks of them). Anything else
is a 404, as if it did not exist. Information requests are narrower still: an officer sees only those
asked of their agency (or of the person their sign-in stands for).
Writing: members and clerks of *this* review (and administrators), through `User.can_write_review`,
and never into a closed review.
"""

import operator
from functools import reduce, wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from actionplan.models import Action, Area, Evidence, Inspection
from actionplan.permissions import ACTION_RELATED, evidence_visible_to
from scrutiny.people.permissions import has_capability, require_capability

from .errors import NotesLocked, ensure_open
from .models import InformationRequest, Meeting, Review, ReviewMembership


def _visible(user, queryset, conditions_for):
    """Nothing for those signed out; everything for those who see every review; otherwise the rows that
    meet any of `conditions_for(user)` (none if the user has no person or agency to match)."""
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    if has_capability(user, "sees_every_review"):
        return queryset
    conditions = conditions_for(user)
    if not conditions:
        return queryset.none()
    return queryset.filter(reduce(operator.or_, conditions))


def _review_conditions(user) -> list:
    conditions = []
    if user.person_id:
        conditions.append(Exists(ReviewMembership.objects.filter(review=OuterRef("pk"), person_id=user.person_id)))
    if user.agency_id:
        conditions.append(
            Exists(Action.objects.filter(area__inspection=OuterRef("inspection"), lead_agency_id=user.agency_id))
        )
        conditions.append(
            Exists(InformationRequest.objects.filter(review=OuterRef("pk"), asked_of_agency_id=user.agency_id))
        )
    return conditions


def _inspection_conditions(user) -> list:
    conditions = []
    if user.person_id:
        conditions.append(
            Exists(ReviewMembership.objects.filter(review__inspection=OuterRef("pk"), person_id=user.person_id))
        )
    if user.agency_id:
        conditions.append(Exists(Action.objects.filter(area__inspection=OuterRef("pk"), lead_agency_id=user.agency_id)))
    return conditions


def reviews_visible_to(user):
    return _visible(user, Review.objects.all(), _review_conditions)


def inspections_visible_to(user):
    return _visible(user, Inspection.objects.all(), _inspection_conditions)


def get_review_for_user(request, pk) -> Review:
    return get_object_or_404(reviews_visible_to(request.user).select_related("inspection__inspection_type"), pk=pk)


def get_inspection_for_user(request, pk) -> Inspection:
    return get_object_or_404(inspections_visible_to(request.user).select_related("inspection_type"), pk=pk)


def get_action_for_user(request, pk) -> Action:
    """An action of an inspection the user may see; another inspection's is a 404."""
    actions = Action.objects.select_related(*ACTION_RELATED).filter(
        area__inspection__in=inspections_visible_to(request.user)
    )
    return get_object_or_404(actions, pk=pk)


def get_evidence_file_for_user(request, pk) -> Evidence:
    """A file of evidence the user may read, of an inspection the user may see; any other is a 404."""
    evidence = evidence_visible_to(request.user).filter(inspection__in=inspections_visible_to(request.user))
    return get_object_or_404(evidence.exclude(file=""), pk=pk)


def get_area_for_user(request, pk) -> Area:
    areas = Area.objects.select_related("inspection__inspection_type", "theme", "raised_by")
    return get_object_or_404(areas.filter(inspection__in=inspections_visible_to(request.user)), pk=pk)


def review_view(*, overview: bool = False, methods=("GET", "HEAD")):
    """A page of one review, its id in the address: sign-in, then (for the whole-plan overview pages,
    which officers do not see) the capability (403), then the review itself (404 to outsiders).
    The view is called with the review in place of its id."""

    def decorator(view):
        @require_http_methods(list(methods))
        def with_review(request, review_pk, *args, **kwargs):
            return view(request, get_review_for_user(request, review_pk), *args, **kwargs)

        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if overview:
                require_capability(request.user, "sees_every_agency")
            return with_review(request, *args, **kwargs)

        return wrapper

    return decorator


# Members, clerks and administrators see the whole plan; officers see only their agency's actions
# elsewhere, so these whole-plan pages are refused to them. The pages only read.
overview_required = review_view(overview=True)
writer_view = review_view(methods=("GET", "POST"))


def require_review_writer(user, review) -> None:
    """Members and clerks of this review (and administrators) write its records; others get a 403.
    Nobody writes into a closed review (ReviewClosed, said as a message)."""
    ensure_open(review)
    if not user.can_write_review(review):
        raise PermissionDenied("Only the members and clerk of this review can change its records.")


def require_review_runner(user, review) -> None:
    """The review's clerk (and administrators) run its meetings, change its stage and which areas it pursues."""
    ensure_open(review)
    if not user.can_run_meetings_of(review):
        raise PermissionDenied("Only the clerk of this review can do this.")


def get_meeting_for_user(request, review, pk) -> Meeting:
    """Whoever may see the review reads its meetings' schedule; draft notes are checked apart."""
    return get_object_or_404(
        Meeting.objects.select_related("review__inspection", "theme", "notes_agreed_by__person"), pk=pk, review=review
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
        def wrapper(request, review_pk, pk, *args, **kwargs):
            review = get_review_for_user(request, review_pk)
            meeting = get_meeting_for_user(request, review, pk)
            require_review_runner(request.user, review)
            if while_draft and meeting.notes_locked:
                messages.error(request, str(NotesLocked(meeting)))
                return redirect(meeting)
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


def get_request_for_user(request, review, pk) -> InformationRequest:
    """Officers asking for another agency's request get a 404, as if it did not exist."""
    queryset = InformationRequest.objects.select_related(
        "review__inspection", "meeting", "area", "action", "asked_of_agency", "asked_of_person", "answered_by__person"
    )
    return get_object_or_404(requests_visible_to(request.user, queryset), pk=pk, review=review)


def can_answer_request(user, info_request) -> bool:
    """The asked agency's officers or the asked person answer; the review's members and clerk may
    record an answer that reached them another way (by email, at a meeting)."""
    if not user.is_active or info_request.status == InformationRequest.Status.CLOSED or info_request.review.is_closed:
        return False
    if user.can_write_review(info_request.review):
        return True
    if (
        has_capability(user, "can_update_own_agency_actions")
        and user.agency_id
        and user.agency_id == info_request.asked_of_agency_id
    ):
        return True
    return bool(user.person_id and user.person_id == info_request.asked_of_person_id)


def require_request_answerer(user, info_request) -> None:
    ensure_open(info_request.review)
    if not can_answer_request(user, info_request):
        raise PermissionDenied("You cannot answer this request.")
