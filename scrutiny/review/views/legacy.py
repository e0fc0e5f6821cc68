"""Old addresses, from before every review's pages said which review in their address, still work:
they redirect to the right review's page (or, when it is not clear which, to the portfolio)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from scrutiny.core.querystring import id_param

from ..models import Conclusion, InformationRequest, Meeting, Recommendation, Review
from ..permissions import reviews_visible_to

# Old address (without the review) -> the name of the page now under /reviews/<id>/.
REVIEW_PAGES = {
    "dashboard/": "dashboard",
    "dashboard/actions/": "dashboard_actions",
    "dashboard/evidence-awaited/": "dashboard_evidence",
    "dashboard/open-requests/": "dashboard_requests",
    "changes/": "changes_since",
    "plan/as-at/": "plan_as_at",
    "agencies/compare/": "agencies_side_by_side",
    "review/": "review_detail",
    "conclusions/": "conclusions_table",
    "conclusions/add/": "conclusion_add",
    "requests/": "request_list",
    "requests/add/": "request_add",
    "recommendations/": "recommendation_list",
    "recommendations/add/": "recommendation_add",
    "meetings/": "meeting_list",
}
RECORDS = {
    "meetings": Meeting,
    "requests": InformationRequest,
    "conclusions": Conclusion,
    "recommendations": Recommendation,
}


def _with_query(request, url: str, drop=("review",)) -> str:
    query = request.GET.copy()
    for name in drop:
        query.pop(name, None)
    return f"{url}?{query.urlencode()}" if query else url


@login_required
def to_review_page(request, name):
    visible = reviews_visible_to(request.user)
    chosen = id_param(request, "review")
    if chosen is not None:
        review = visible.filter(pk=chosen).first()
        if review is None:
            raise Http404("No such review")
    else:
        live = list(visible.exclude(state=Review.State.CLOSED).order_by("-id")[:2])
        if len(live) != 1:
            messages.info(request, "Choose a review: each review's pages now have their own address.")
            return redirect("home")
        review = live[0]
    return redirect(_with_query(request, reverse(name, args=[review.pk])))


@login_required
def to_record_page(request, kind, pk, rest=""):
    records = RECORDS[kind].objects.filter(review__in=reviews_visible_to(request.user))
    review_id = records.filter(pk=pk).values_list("review_id", flat=True).first()
    if review_id is None:
        raise Http404("No such record")
    return redirect(_with_query(request, f"{reverse('review_detail', args=[review_id])}{kind}/{pk}/{rest}", drop=()))
