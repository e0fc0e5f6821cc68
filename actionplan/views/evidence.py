"""Evidence on an action: add it, change it, remove it (its download is in scrutiny.review.views)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.views.decorators.http import require_http_methods

from scrutiny.core.formtools import ConfirmForm
from scrutiny.core.writes import WriteRefused, posted, service_save, submit_form

from ..forms.actions import EvidenceChangeForm, EvidenceForm
from ..permissions import (
    get_action_to_edit,
    get_evidence_to_edit,
)
from ..services.evidence import add_evidence, change_evidence, remove_evidence, why_evidence_must_stay


@login_required
@require_http_methods(["GET", "POST"])
def evidence_add(request, pk):
    action = get_action_to_edit(request, pk)
    initial = {"provided_by_agency": request.user.agency_id or action.lead_agency_id}
    form = EvidenceForm(request.POST or None, request.FILES or None, action=action, initial=initial)

    return submit_form(
        request,
        form,
        service_save(request, add_evidence, action=action),
        template="actionplan/evidence_form.html",
        context={"action": action, "adding": True},
        success=lambda evidence: f"Evidence “{evidence.title}” has been added to {action}.",
        then=lambda evidence: evidence_on_action(action),
    )


def evidence_on_action(action) -> str:
    return f"{action.get_absolute_url()}#evidence"


@login_required
@require_http_methods(["GET", "POST"])
def evidence_edit(request, pk):
    evidence = get_evidence_to_edit(request, pk)
    action = evidence.action
    form = EvidenceChangeForm(request.POST or None, request.FILES or None, evidence=evidence)

    def save(form):
        change_evidence(actor=request.user, evidence=evidence, **form.service_arguments())
        return evidence_on_action(action)

    return submit_form(
        request,
        form,
        save,
        template="actionplan/evidence_form.html",
        context={"action": action, "evidence": evidence, "adding": False},
        success=f"Evidence “{evidence.title}” has been updated.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def evidence_remove(request, pk):
    evidence = get_evidence_to_edit(request, pk)
    action = evidence.action
    form = ConfirmForm(posted(request), button="Remove this evidence")

    def save(form):
        try:
            remove_evidence(actor=request.user, evidence=evidence)
        except ValidationError as refused:
            # The group relied on it: nothing to correct on this page, so say why on the action's.
            raise WriteRefused(" ".join(refused.messages)) from refused
        return evidence_on_action(action)

    return submit_form(
        request,
        form,
        save,
        template="actionplan/evidence_remove.html",
        context={"action": action, "evidence": evidence, "must_stay": why_evidence_must_stay(evidence)},
        success=f"Evidence “{evidence.title}” has been removed from {action}.",
        back_url=evidence_on_action(action),
    )
