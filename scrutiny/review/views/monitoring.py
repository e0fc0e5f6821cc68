"""A recommendation after the report: the clerk records the executive's response, links the actions that
implement it, adds the monitoring updates and the committee's sign-off."""

from django.shortcuts import get_object_or_404

from scrutiny.core.writes import submit_form

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

TEMPLATE = "scrutiny/recommendations/monitoring_form.html"


def _for_runner(request, review, pk) -> Recommendation:
    require_review_runner(request.user, review)
    return get_object_or_404(Recommendation.objects.select_related("review"), pk=pk, review=review)


def _monitoring_page(request, recommendation, form, write, *, heading, success, **extra):
    """Each step after the report has one page layout: `write(form)` calls its service, and the page
    leads back to the recommendation."""
    context = {"recommendation": recommendation, "review": recommendation.review, "heading": heading, "intro": ""}

    def save(form):
        write(form)
        return recommendation

    return submit_form(request, form, save, template=TEMPLATE, context={**context, **extra}, success=success)


@writer_view
def recommendation_response(request, review, pk):
    recommendation = _for_runner(request, review, pk)
    initial = {name: getattr(recommendation, name) for name in RESPONSE_FIELDS}
    initial["update_months"] = recommendation.update_months or DEFAULT_UPDATE_MONTHS
    form = ResponseForm(request.POST or None, recommendation=recommendation, initial=initial)

    def write(form):
        values = {name: form.cleaned_data.get(name) for name in RESPONSE_FIELDS}
        values["executive_response"] = values["executive_response"] or ""
        values["response_reasons"] = values["response_reasons"] or ""
        record_response(actor=request.user, recommendation=recommendation, **values)

    return _monitoring_page(
        request,
        recommendation,
        form,
        write,
        heading="Record the executive's response",
        success=f"Saved the executive's response to {recommendation}.",
    )


@writer_view
def recommendation_actions(request, review, pk):
    recommendation = _for_runner(request, review, pk)
    initial = {"actions": list(recommendation.actions.all())}
    return _monitoring_page(
        request,
        recommendation,
        LinkActionsForm(request.POST or None, queryset=linkable_actions(recommendation), initial=initial),
        lambda form: link_actions(
            actor=request.user, recommendation=recommendation, actions=form.cleaned_data["actions"]
        ),
        heading="Link it to actions in the plan",
        success=f"Saved the actions linked to {recommendation}.",
        new_action=True,
    )


@writer_view
def recommendation_update_add(request, review, pk):
    recommendation = _for_runner(request, review, pk)
    return _monitoring_page(
        request,
        recommendation,
        MonitoringUpdateForm(request.POST or None),
        lambda form: add_monitoring_update(actor=request.user, recommendation=recommendation, **form.cleaned_data),
        heading="Add a monitoring update",
        success=f"Added the update on {recommendation}.",
    )


@writer_view
def recommendation_sign_off(request, review, pk):
    recommendation = _for_runner(request, review, pk)
    return _monitoring_page(
        request,
        recommendation,
        SignOffForm(request.POST or None),
        lambda form: sign_off_service(actor=request.user, recommendation=recommendation, **form.cleaned_data),
        heading="Record the committee's sign-off",
        success=f"Signed off {recommendation}.",
    )
