"""An area for improvement: its text and the actions answering it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ..models import Area
from .actions import LIST_RELATED, mark_timing, next_meeting


@login_required
@require_GET
def area_detail(request, pk):
    area = get_object_or_404(Area.objects.select_related("inspection", "theme", "raised_by"), pk=pk)
    actions = list(area.actions.select_related(*LIST_RELATED).with_last_update().order_by("reference", "id"))
    contributing = list(area.contributing_actions.select_related(*LIST_RELATED).with_last_update().order_by("reference", "id"))
    mark_timing(actions + contributing, timezone.localdate(), next_meeting())
    return render(request, "actionplan/area_detail.html", {
        "area": area, "actions": actions, "contributing": contributing,
        "conclusions": list(area.conclusions.select_related("meeting", "review").order_by("reached_on", "id")),
    })
