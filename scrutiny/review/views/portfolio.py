"""The portfolio (home for members, clerks and administrators) and one inspection's page."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, F
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from actionplan.models import Action, Area
from scrutiny.people.permissions import works_for_one_agency

from ..models import ReviewArea
from ..permissions import get_inspection_for_user, inspections_visible_to, reviews_visible_to
from ..reporting.portfolio import build_portfolio, next_meetings_of


@login_required
@require_safe
def home(request):
    """Officers start from the actions their agency leads; everyone else from the portfolio."""
    if works_for_one_agency(request.user):
        return redirect("my_actions")
    portfolio = build_portfolio(
        inspections=inspections_visible_to(request.user),
        reviews=reviews_visible_to(request.user),
        today=timezone.localdate(),
    )
    return render(request, "scrutiny/portfolio/home.html", {"portfolio": portfolio, "statuses": Action.Status})


@login_required
@require_safe
def inspection_detail(request, inspection_pk):
    inspection = get_inspection_for_user(request, inspection_pk)
    user = request.user
    actions = Action.objects.for_inspection(inspection)
    if works_for_one_agency(user):
        actions = actions.for_agency(user.agency_id)
    counts = dict(actions.order_by().values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    reviews = list(
        reviews_visible_to(user)
        .filter(inspection=inspection)
        .order_by(F("commissioned_on").desc(nulls_last=True), "-id")
    )
    meetings = next_meetings_of([r.pk for r in reviews if not r.is_closed], timezone.localdate())
    for review in reviews:
        review.next_meeting = meetings.get(review.pk)
    not_pursued = dict(ReviewArea.objects.filter(review__in=reviews, pursued=False).values_list("area_id", "reason"))
    themes: dict = {}
    for area in Area.objects.filter(inspection=inspection).select_related("theme").order_by("number"):
        area.not_pursued_reason = not_pursued.get(area.pk)
        themes.setdefault(area.theme, []).append(area)
    return render(
        request,
        "scrutiny/portfolio/inspection.html",
        {
            "inspection": inspection,
            "plans": list(inspection.plans.select_related("agency")),
            "reviews": reviews,
            "by_status": [{"status": s, "count": counts.get(s.value, 0)} for s in Action.Status],
            "total_actions": sum(counts.values()),
            "overdue_count": actions.overdue().count(),
            "areas_by_theme": sorted(
                themes.items(), key=lambda item: (item[0] is None, item[0].position if item[0] else 0)
            ),
        },
    )
