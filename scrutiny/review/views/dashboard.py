"""The members' dashboard and the lists behind its numbers."""

from django.shortcuts import render
from django.utils import timezone

from actionplan.models import Action, Evidence, Rag

from ..models import InformationRequest
from ..permissions import overview_required
from ..reporting.dashboard import build_dashboard
from ..reporting.filters import InspectionActionFilter
from ..reporting.forms import StaleWeeksForm
from ..reporting.paging import paginate
from ..reporting.register import monitoring_flags
from ..reporting.scope import Scope
from .plan_pages import LIST_RELATED, mark_timing, next_meetings

PER_PAGE = 25


@overview_required
def dashboard(request, review):
    scope = Scope.of(review)
    weeks_form = StaleWeeksForm(request.GET if "weeks" in request.GET else None)
    figures = build_dashboard(inspection=scope.inspection, review=scope.review, stale_weeks=weeks_form.chosen_weeks)
    return render(
        request,
        "scrutiny/dashboard/dashboard.html",
        {
            "review": review,
            "scope": scope,
            "figures": figures,
            "weeks_form": weeks_form,
            "recommendation_flags": monitoring_flags(review, timezone.localdate()),
            "status_labels": Action.Status.labels,
            "rag_labels": Rag.labels,
        },
    )


@overview_required
def dashboard_actions(request, review):
    """The members' one list of actions: the same table (and phone cards, and sorting) as My actions,
    with every filter a dashboard figure links to."""
    scope = Scope.of(review)
    filterset = InspectionActionFilter(request.GET or None, inspection=scope.inspection)
    actions = filterset.qs.select_related(*LIST_RELATED).with_last_update()
    if not (filterset.is_valid() and filterset.form.cleaned_data.get("sort")):
        actions = actions.order_by("area__number", "reference", "id")
    page = paginate(request, actions, PER_PAGE)
    today = timezone.localdate()
    mark_timing(page.object_list, today, next_meetings([scope.inspection.pk], today))
    return render(
        request,
        "scrutiny/dashboard/actions.html",
        {"review": review, "scope": scope, "form": filterset.form, "page": page},
    )


@overview_required
def dashboard_evidence(request, review):
    evidence = Evidence.objects.awaited().filter(inspection_id=review.inspection_id).order_by("requested_on", "id")
    evidence = evidence.select_related("area", "action", "provided_by", "provided_by_agency")
    return _list_page(request, review, "scrutiny/dashboard/evidence.html", evidence)


@overview_required
def dashboard_requests(request, review):
    requests = InformationRequest.objects.open().filter(review=review).order_by("due_by", "raised_on", "id")
    requests = requests.select_related("meeting", "area", "action", "asked_of_agency", "asked_of_person")
    return _list_page(request, review, "scrutiny/dashboard/requests.html", requests)


def _list_page(request, review, template, rows):
    """A list behind one of the dashboard's numbers, a page at a time."""
    page = paginate(request, rows, PER_PAGE)
    return render(request, template, {"review": review, "scope": Scope.of(review), "page": page})
