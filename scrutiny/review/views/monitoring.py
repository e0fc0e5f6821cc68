"""A recommendation after the report: the clerk records the executive's response, links the actions that
implement it, adds the monitoring updates and the committee's sign-off."""

from django.shortcuts import get_object_or_404

from scrutiny.core.writes import posted

from ..forms.monitoring import LinkActionsForm, MonitoringUpdateForm, ResponseForm, SignOffForm
from ..models import Recommendation
from ..monitoring import DEFAULT_UPDATE_MONTHS
from ..permissions import require_review_runner, writer_view
from ..services.monitoring import (
    RESPONSE_FIELDS,
    add_monitoring_update,
    link_actions,
    linkable_actions,
    record_response,
)
from ..services.monitoring import sign_off as sign_off_service
from .form_pages import record_page


def _for_runner(request, review, pk) -> Recommendation:
    require_review_runner(request.user, review)
    return get_object_or_404(Recommendation.objects.select_related("review"), pk=pk, review=review)


def _monitoring_page(request, recommendation, form, service, heading, success, **shows):
    """Each step after the report has one page layout: its service writes about the recommendation, and the
    page leads back to it."""
    shows = {"review": recommendation.review, "heading": heading, "intro": "", **shows}
    template = "scrutiny/recommendations/monitoring_form.html"
    return record_page(
        request,
        form,
        service,
        template,
        success,
        then=lambda _: recommendation,
        shows=shows,
        recommendation=recommendation,
    )


@writer_view
def recommendation_response(request, review, pk):
    recommendation = _for_runner(request, review, pk)
    initial = {name: getattr(recommendation, name) for name in RESPONSE_FIELDS}
    initial["update_months"] = recommendation.update_months or DEFAULT_UPDATE_MONTHS
    form = ResponseForm(posted(request), recommendation=recommendation, initial=initial)
    success = f"Saved the executive's response to {recommendation}."
    return _monitoring_page(request, recommendation, form, record_response, "Record the executive's response", success)


@writer_view
def recommendation_actions(request, review, pk):
    recommendation = _for_runner(request, review, pk)
    initial = {"actions": list(recommendation.actions.all())}
    form = LinkActionsForm(posted(request), queryset=linkable_actions(recommendation), initial=initial)
    success = f"Saved the actions linked to {recommendation}."
    heading = "Link it to actions in the plan"
    return _monitoring_page(request, recommendation, form, link_actions, heading, success, new_action=True)


@writer_view
def recommendation_update_add(request, review, pk):
    recommendation = _for_runner(request, review, pk)
    form = MonitoringUpdateForm(posted(request))
    success = f"Added the update on {recommendation}."
    return _monitoring_page(request, recommendation, form, add_monitoring_update, "Add a monitoring update", success)


@writer_view
def recommendation_sign_off(request, review, pk):
    recommendation = _for_runner(request, review, pk)
    form = SignOffForm(posted(request))
    success = f"Signed off {recommendation}."
    return _monitoring_page(request, recommendation, form, sign_off_service, "Record the committee's sign-off", success)
