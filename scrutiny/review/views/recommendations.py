"""Recommendations and observations, and their life after the report."""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from scrutiny.core.writes import posted

from ..forms.records import RecommendationDecisionForm
from ..forms.response_clock import RecommendationWithAddresseeForm
from ..models import Recommendation
from ..monitoring import RAG_RULE
from ..permissions import require_review_writer, review_view, writer_view
from ..reporting.register import reference
from ..response_clock import RULE
from ..services.recommendations import add_recommendation, update_recommendation
from .form_pages import record_page


@review_view()
def recommendation_list(request, review):
    today = timezone.localdate()
    items = list(review.recommendations.with_monitoring().order_by("kind", "number"))
    for item in items:
        item.rating = item.rag(today)
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
    return {"response_rule": RULE, "response_periods": settings.RESPONSE_PERIOD_MONTHS, "rag_rule": RAG_RULE}


def _get_recommendation(review, pk):
    return get_object_or_404(Recommendation.objects.select_related("review"), pk=pk, review=review)


@review_view()
def recommendation_detail(request, review, pk):
    """The recommendation's monitoring page: its response, linked actions, updates, sign-off and RAG."""
    recommendation = get_object_or_404(Recommendation.objects.with_monitoring(), pk=pk, review=review)
    today = timezone.localdate()
    updates = list(recommendation.updates.order_by("reported_on", "id"))
    schedule = [
        {"due_on": due, "update": updates[index] if index < len(updates) else None, "overdue": due < today}
        for index, due in enumerate(recommendation.update_due_dates())
    ]
    context = {
        "recommendation": recommendation,
        "reference": reference(recommendation),
        "review": recommendation.review,
        "can_write": request.user.can_write_review(recommendation.review),
        "can_run": request.user.can_run_meetings_of(recommendation.review),
        "overdue": recommendation.is_response_overdue(today),
        "rag": recommendation.rag(today),
        "updates": updates,
        "schedule": schedule,
        "linked_actions": list(recommendation.actions.all()),
        **response_rule_context(),
    }
    return render(request, "scrutiny/recommendations/detail.html", context)


@writer_view
def recommendation_update(request, review, pk):
    recommendation = _get_recommendation(review, pk)
    require_review_writer(request.user, recommendation.review)
    form = RecommendationDecisionForm(posted(request), instance=recommendation)
    success = f"Saved the committee's decision on {recommendation}."
    template = "scrutiny/recommendations/form.html"
    return record_page(request, form, update_recommendation, template, success, recommendation=recommendation)


@writer_view
def recommendation_add(request, review):
    require_review_writer(request.user, review)
    form = RecommendationWithAddresseeForm(posted(request), initial={"addressed_to": review.reporting_committee})
    template = "scrutiny/recommendations/add_form.html"
    return record_page(request, form, add_recommendation, template, lambda added: f"Added {added}.", review=review)
