"""The plan as it stood on a past date or at a meeting, rebuilt from the history."""

from django.shortcuts import render
from django.utils import timezone

from actionplan.models import Theme
from scrutiny.core.querystring import id_param
from scrutiny.people.models import Agency

from ..permissions import overview_required
from ..reporting.forms import MomentForm
from ..reporting.paging import paginate
from ..reporting.past import plan_as_at
from ..reporting.scope import Scope, end_of_day, end_of_meeting

ACTIONS_PER_PAGE = 100  # a screen pages the plan; its papers print it whole


@overview_required
def plan_as_at_view(request, review):
    scope = Scope.of(review)
    params = request.GET if ("meeting" in request.GET or "date" in request.GET) else None
    form = MomentForm(params, review=scope.review, date_label="Or a date")
    meeting, day = form.chosen()
    if day:
        moment, meeting, described = end_of_day(day), None, f"{day:%-d %B %Y}"
    elif meeting:
        moment, described = (
            end_of_meeting(meeting),
            f"{meeting.date:%-d %B %Y}, at the end of the meeting “{meeting.title}”",
        )
    else:
        moment, described = None, ""
    plan = None
    theme_id, agency_id = _number(request, "theme"), _number(request, "agency")
    themes, agencies = list(Theme.objects.all()), list(Agency.objects.all())  # to filter by, and the plan's labels
    if moment is not None:
        plan = plan_as_at(
            inspection=scope.inspection,
            moment=moment,
            theme_id=theme_id,
            agency_id=agency_id,
            themes=themes,
            agencies=agencies,
        )
    return render(
        request,
        "scrutiny/dashboard/plan_as_at.html",
        {
            "review": review,
            "scope": scope,
            "form": form,
            "plan": plan,
            "described": described,
            "today": timezone.localdate(),
            "page": paginate(request, [] if plan is None else plan, ACTIONS_PER_PAGE),
            "themes": themes,
            "agencies": agencies,
            "theme_id": theme_id,
            "agency_id": agency_id,
        },
    )


def _number(request, name) -> int | None:
    return id_param(request, name)
