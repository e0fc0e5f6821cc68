"""The members' dashboard and the lists behind its numbers."""

from django.shortcuts import render

from actionplan.models import Action, Evidence, Rag

from ..models import InformationRequest
from ..reporting.dashboard import build_dashboard
from ..reporting.forms import ActionFilterForm, StaleWeeksForm
from ..reporting.paging import paginate
from ..reporting.scope import current_scope, overview_required

PER_PAGE = 25


def nothing_yet(request, title):
    return render(request, "scrutiny/dashboard/nothing_yet.html", {"title": title})


@overview_required
def dashboard(request):
    scope = current_scope()
    if scope.inspection is None:
        return nothing_yet(request, "Dashboard")
    weeks_form = StaleWeeksForm(request.GET if "weeks" in request.GET else None)
    figures = build_dashboard(inspection=scope.inspection, review=scope.review, stale_weeks=weeks_form.chosen_weeks)
    return render(request, "scrutiny/dashboard/dashboard.html", {
        "scope": scope, "figures": figures, "weeks_form": weeks_form,
        "status_labels": Action.Status.labels, "rag_labels": Rag.labels,
    })


@overview_required
def dashboard_actions(request):
    scope = current_scope()
    if scope.inspection is None:
        return nothing_yet(request, "Actions")
    form = ActionFilterForm(request.GET or None, inspection=scope.inspection)
    actions = Action.objects.for_inspection(scope.inspection).select_related("area", "lead_agency", "lead_officer")
    if form.is_bound:
        actions = form.filter(actions)
    page = paginate(request, actions.with_last_update().order_by("area__number", "reference", "id"), PER_PAGE)
    return render(request, "scrutiny/dashboard/actions.html", {"scope": scope, "form": form, "page": page})


@overview_required
def dashboard_evidence(request):
    scope = current_scope()
    if scope.inspection is None:
        return nothing_yet(request, "Evidence still awaited")
    evidence = (
        Evidence.objects.awaited().filter(inspection=scope.inspection)
        .select_related("area", "action", "provided_by", "provided_by_agency").order_by("requested_on", "id")
    )
    return render(request, "scrutiny/dashboard/evidence.html", {"scope": scope, "page": paginate(request, evidence, PER_PAGE)})


@overview_required
def dashboard_requests(request):
    scope = current_scope()
    if scope.review is None:
        return nothing_yet(request, "Open information requests")
    requests = (
        InformationRequest.objects.open().filter(review=scope.review)
        .select_related("meeting", "area", "action", "asked_of_agency", "asked_of_person").order_by("due_by", "raised_on", "id")
    )
    return render(request, "scrutiny/dashboard/requests.html", {"scope": scope, "page": paginate(request, requests, PER_PAGE)})
