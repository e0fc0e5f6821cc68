"""The register of recommendations and observations across every review the person may see."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from scrutiny.core.exports import export_response

from ..reporting.register import RecommendationRegisterFilter, RegisterExport
from .recommendations import response_rule_context

EXPORT_FORMATS = ("xlsx", "csv")


@login_required
@require_GET
def recommendation_register(request, fmt=None):
    if fmt is not None and fmt not in EXPORT_FORMATS:
        raise Http404("Unknown export format")
    filterset = RecommendationRegisterFilter(request.GET or None, user=request.user)
    items = filterset.rows()
    if fmt:
        return export_response(RegisterExport(items), fmt)
    context = {
        "form": filterset.form,
        "items": items,
        "overdue_count": sum(1 for item in items if item.overdue),
        "query": request.GET.urlencode(),
        **response_rule_context(),
    }
    return render(request, "scrutiny/recommendations/register.html", context)
