"""Who may see and change what, decided on the server. Outsiders get a 404 (another agency's
record) or a 403 (a role that may not do this at all); views never test role strings."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from scrutiny.people.permissions import has_capability

from .models import Action, Evidence

ACTION_RELATED = (
    "plan__inspection",
    "area__inspection__inspection_type",
    "area__theme",
    "lead_agency",
    "lead_officer",
)


def _get_action(pk) -> Action:
    # Who may read an action depends on the reviews (scrutiny.review.permissions.get_action_for_user);
    # who may change one is decided here, by check_may_edit, which 404s another agency's officer.
    return get_object_or_404(Action.objects.select_related(*ACTION_RELATED), pk=pk)


def check_may_edit(user, action) -> None:
    if user.can_edit_action(action):
        return
    if has_capability(user, "can_update_own_agency_actions"):
        # An officer of another agency: this action is not theirs to know about for editing.
        raise Http404("No action found")
    raise PermissionDenied("Your role can read actions but not change them.")


def get_action_to_edit(request, pk) -> Action:
    action = _get_action(pk)
    check_may_edit(request.user, action)
    return action


def evidence_visible_to(user):
    """Officers see evidence on any action and whatever their own agency gave; the group and
    administrators see all of it."""
    if not user.is_active:
        return Evidence.objects.none()
    if has_capability(user, "sees_every_agency"):
        return Evidence.objects.all()
    return Evidence.objects.filter(Q(action__isnull=False) | Q(provided_by_agency_id=user.agency_id))


def may_see_evidence_file(user, evidence) -> bool:
    if not user.is_active or not evidence.file:
        return False
    if has_capability(user, "sees_every_agency"):
        return True
    return evidence.action_id is not None or evidence.provided_by_agency_id == user.agency_id


def get_evidence_to_edit(request, pk) -> Evidence:
    evidence = get_object_or_404(
        Evidence.objects.select_related("action__lead_agency", "action__area"), pk=pk, action__isnull=False
    )
    check_may_edit(request.user, evidence.action)
    return evidence
