"""A recommendation after the report: the clerk records the executive's response, links the actions that
implement it, adds the monitoring updates and the committee's sign-off."""

from django.shortcuts import get_object_or_404, render

from scrutiny.core.writes import posted

from ..forms.monitoring import LinkActionsForm, MonitoringUpdateForm, ResponseForm, SignOffForm
from ..models import Recommendation
from ..monitoring import DEFAULT_UPDATE_MONTHS
from ..permissions import require_review_runner, writer_view
from ..services.monitoring import (
    RESPONSE_FIELDS,
    add_monitoring_update,
    expects_a_response,
    link_actions,
    linkable_actions,
    record_response,
)
from ..services.monitoring import sign_off as sign_off_service
from .form_pages import record_page


def _monitoring_page(request, review, pk, form_class, service, heading, success, form_options=None, **shows):
    """Each step after the report has one page: for the review's clerk (403), the recommendation (404),
    the step's form (with `form_options(recommendation)`), its service writing about the recommendation,
    and the way back to it. `success` names the recommendation where it says {}."""
    require_review_runner(request.user, review)
    recommendation = get_object_or_404(Recommendation.objects.select_related("review"), pk=pk, review=review)
    form = form_class(posted(request), **(form_options(recommendation) if form_options else {}))
    return record_page(
        request,
        form,
        service,
        "scrutiny/recommendations/monitoring_form.html",
        success.format(recommendation),
        then=lambda result: recommendation,
        shows={"review": recommendation.review, "heading": heading, "intro": "", **shows},
        recommendation=recommendation,
    )


def _response_options(recommendation) -> dict:
    initial = {name: getattr(recommendation, name) for name in RESPONSE_FIELDS}
    initial["update_months"] = recommendation.update_months or DEFAULT_UPDATE_MONTHS
    return {"recommendation": recommendation, "initial": initial}


def _linking_options(recommendation) -> dict:
    return {"queryset": linkable_actions(recommendation), "initial": {"actions": list(recommendation.actions.all())}}


@writer_view
def recommendation_response(request, review, pk):
    require_review_runner(request.user, review)
    recommendation = get_object_or_404(Recommendation.objects.select_related("review"), pk=pk, review=review)
    if not expects_a_response(recommendation):
        context = {"review": recommendation.review, "recommendation": recommendation}
        return render(request, "scrutiny/recommendations/no_response_expected.html", context)
    heading = "Record the executive's response"
    success = "Saved the executive's response to {}."
    return _monitoring_page(request, review, pk, ResponseForm, record_response, heading, success, _response_options)


@writer_view
def recommendation_actions(request, review, pk):
    heading = "Link it to actions in the plan"
    success = "Saved the actions linked to {}."
    return _monitoring_page(
        request, review, pk, LinkActionsForm, link_actions, heading, success, _linking_options, new_action=True
    )


@writer_view
def recommendation_update_add(request, review, pk):
    heading = "Add a monitoring update"
    return _monitoring_page(
        request, review, pk, MonitoringUpdateForm, add_monitoring_update, heading, "Added the update on {}."
    )


@writer_view
def recommendation_sign_off(request, review, pk):
    heading = "Record the committee's sign-off"
    return _monitoring_page(request, review, pk, SignOffForm, sign_off_service, heading, "Signed off {}.")
