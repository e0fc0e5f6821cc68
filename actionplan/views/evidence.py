"""Evidence on an action: add it, mark it received, and download its file safely."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from scrutiny.core.formtools import ConfirmForm
from scrutiny.core.writes import WriteRefused, posted, service_save, submit_form

from ..forms.actions import EvidenceChangeForm, EvidenceForm
from ..permissions import (
    get_action_to_edit,
    get_evidence_file_for_user,
    get_evidence_to_edit,
)
from ..services.evidence import add_evidence, change_evidence, remove_evidence, why_evidence_must_stay
from ..uploads import EXTENSION_BY_CONTENT_TYPE


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


def download_name(evidence) -> str:
    """Ours, not the uploader's: nothing in it can reach a path or a header unescaped."""
    extension = EXTENSION_BY_CONTENT_TYPE.get(evidence.content_type, "bin")
    return f"evidence-{evidence.pk}-{slugify(evidence.title)[:60] or 'file'}.{extension}"


@login_required
@require_GET
def evidence_download(request, pk):
    evidence = get_evidence_file_for_user(request, pk)
    try:
        stored = evidence.file.open("rb")
    except FileNotFoundError as missing:
        # The record outlived its file (a restore without the uploads, say): say so, do not fail.
        raise Http404(
            "The file for this evidence is missing from storage. Ask an administrator to restore it."
        ) from missing
    response = FileResponse(
        stored,
        as_attachment=True,
        filename=download_name(evidence),
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
