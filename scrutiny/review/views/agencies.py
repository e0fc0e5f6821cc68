"""Agencies side by side: each area's actions and target dates, agency by agency."""

from django.shortcuts import render

from actionplan.models import Theme
from scrutiny.core.querystring import id_param

from ..permissions import overview_required
from ..reporting.agencies import DIVERGENCE_RULE, side_by_side
from ..reporting.paging import paginate
from ..reporting.scope import Scope

AREAS_PER_PAGE = 10


@overview_required
def agencies_side_by_side(request, review):
    scope = Scope.of(review)
    theme_id = id_param(request, "theme")
    divergent_only = request.GET.get("divergent") == "1"
    comparison = side_by_side(inspection=scope.inspection, theme_id=theme_id, divergent_only=divergent_only)
    return render(
        request,
        "scrutiny/dashboard/agencies.html",
        {
            "review": review,
            "scope": scope,
            "comparison": comparison,
            "rule": DIVERGENCE_RULE,
            "page": paginate(request, comparison.rows, AREAS_PER_PAGE),
            "themes": Theme.objects.all(),
            "theme_id": theme_id,
            "divergent_only": divergent_only,
        },
    )
