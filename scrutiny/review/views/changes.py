"""What changed since the last meeting (or since any date), from the audit history."""

from django.shortcuts import render

from actionplan.models import Area, Theme
from scrutiny.core.querystring import id_param

from ..permissions import overview_required
from ..reporting.changes import build_digest
from ..reporting.forms import MomentForm
from ..reporting.paging import paginate
from ..reporting.scope import Scope, end_of_meeting, previous_meeting, start_of_day

AREAS_PER_PAGE = 10


@overview_required
def changes_since(request, review):
    scope = Scope.of(review)
    default_meeting = previous_meeting(scope.review)
    params = request.GET if ("meeting" in request.GET or "since" in request.GET) else None
    form = MomentForm(
        params,
        review=scope.review,
        date_name="since",
        date_label="Or since a date",
        initial={"meeting": default_meeting.pk if default_meeting else ""},
    )
    meeting, day = form.chosen()
    if day:
        since, meeting, described = start_of_day(day), None, f"since the start of {day:%-d %B %Y}"
    else:
        meeting = meeting or default_meeting
        since = end_of_meeting(meeting) if meeting else None
        described = f"since the end of the meeting on {meeting.date:%-d %B %Y} ({meeting.title})" if meeting else ""
    theme_id = _theme(request)
    area_ids = None
    if theme_id:  # the theme's areas are chosen in the digest's own queries
        area_ids = list(
            Area.objects.filter(inspection=scope.inspection, theme_id=theme_id).values_list("pk", flat=True)
        )
    digest = (
        build_digest(inspection=scope.inspection, review=scope.review, since=since, area_ids=area_ids)
        if since
        else None
    )
    groups = digest.groups if digest else []
    return render(
        request,
        "scrutiny/dashboard/changes.html",
        {
            "review": review,
            "scope": scope,
            "form": form,
            "meeting": meeting,
            "described": described,
            "digest": digest,
            "page": paginate(request, groups, AREAS_PER_PAGE),
            "themes": Theme.objects.all(),
            "theme_id": theme_id,
        },
    )


def _theme(request) -> int | None:
    return id_param(request, "theme")
