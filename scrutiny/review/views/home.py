from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from actionplan.models import Action, Area, Inspection

from scrutiny.people.permissions import works_for_one_agency

from ..models import Meeting, Review


@login_required
def home(request):
    review = Review.objects.current()
    inspection = review.inspection if review else Inspection.objects.order_by("-id").first()
    context = {"review": review, "inspection": inspection}
    if inspection is None:
        return render(request, "home.html", context)

    actions = Action.objects.for_inspection(inspection)
    if works_for_one_agency(request.user):
        actions = actions.for_agency(request.user.agency_id)
    counts = dict(actions.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    by_status = [{"status": s, "label": s.label, "count": counts.get(s.value, 0)} for s in Action.Status]

    areas = list(Area.objects.filter(inspection=inspection).select_related("theme"))
    not_pursued = {}
    if review:
        not_pursued = {d.area_id: d.reason for d in review.area_decisions.filter(pursued=False)}
    themes: dict = {}
    for area in areas:
        area.not_pursued_reason = not_pursued.get(area.pk)
        themes.setdefault(area.theme, []).append(area)
    areas_by_theme = sorted(themes.items(), key=lambda item: (item[0] is None, item[0].position if item[0] else 0))

    meetings = Meeting.objects.filter(review=review) if review else Meeting.objects.none()
    context.update(
        {
            "by_status": by_status,
            "total_actions": sum(counts.values()),
            "overdue_count": actions.overdue().count(),
            "areas_by_theme": areas_by_theme,
            "area_count": len(areas),
            "next_meeting": meetings.upcoming().first(),
            "last_meeting": meetings.past().first(),
            "members": review.memberships.select_related("person") if review else [],
        }
    )
    return render(request, "home.html", context)
