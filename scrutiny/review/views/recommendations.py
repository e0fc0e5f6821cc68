"""Recommendations and observations, and their life after the report."""

from django.conf import settings
from django.shortcuts import get_object_or_404, render

from scrutiny.core.writes import submit_form

from ..forms.records import RecommendationResponseForm
from ..forms.response_clock import RecommendationWithAddresseeForm
from ..models import Recommendation
from ..permissions import require_review_writer, review_view, writer_view
from ..response_clock import RULE
from ..services.recommendations import add_recommendation, update_recommendation


@review_view()
def recommendation_list(request, review):
    items = list(review.recommendations.order_by("kind", "number"))
    context = {
        "review": review,
        "recommendations": [r for r in items if r.kind == Recommendation.Kind.RECOMMENDATION],
        "observations": [r for r in items if r.kind == Recommendation.Kind.OBSERVATION],
        "can_write": request.user.can_write_review(review),
        "can_record_dates": not review.is_closed and request.user.can_run_meetings_of(review),
        **response_rule_context(),
    }
    return render(request, "scrutiny/recommendations/list.html", context)


def response_rule_context() -> dict:
    return {"response_rule": RULE, "response_periods": settings.RESPONSE_PERIOD_MONTHS}


def _get_recommendation(review, pk):
    return get_object_or_404(Recommendation.objects.select_related("review"), pk=pk, review=review)


@review_view()
def recommendation_detail(request, review, pk):
    recommendation = _get_recommendation(review, pk)
    context = {
        "recommendation": recommendation,
        "review": recommendation.review,
        "can_write": request.user.can_write_review(recommendation.review),
        "overdue": recommendation.is_response_overdue(),
        **response_rule_context(),
    }
    return render(request, "scrutiny/recommendations/detail.html", context)


@writer_view
def recommendation_update(request, review, pk):
    recommendation = _get_recommendation(review, pk)
    require_review_writer(request.user, recommendation.review)
    form = RecommendationResponseForm(request.POST or None, instance=recommendation)

    def save(form):
        update_recommendation(actor=request.user, recommendation=recommendation, **form.cleaned_data)
        return recommendation

    return submit_form(
        request,
        form,
        save,
        template="scrutiny/recommendations/form.html",
        context={"recommendation": recommendation},
        success=f"Saved the response to {recommendation}.",
    )


@writer_view
def recommendation_add(request, review):
    require_review_writer(request.user, review)
    form = RecommendationWithAddresseeForm(request.POST or None, initial={"addressed_to": review.reporting_committee})

    def save(form):
        return add_recommendation(actor=request.user, review=review, **form.cleaned_data)

    return submit_form(
        request,
        form,
        save,
        template="scrutiny/recommendations/add_form.html",
        context={"review": review},
        success=lambda recommendation: f"Added {recommendation}.",
    )
