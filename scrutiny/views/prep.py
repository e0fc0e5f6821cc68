"""The printable preparation pack for a meeting."""

from django.shortcuts import get_object_or_404, render

from ..models import Meeting
from ..reporting.prep import build_pack, is_coming
from ..reporting.scope import overview_required


@overview_required
def prep_pack(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("review__inspection", "theme"), pk=pk)
    return render(request, "scrutiny/dashboard/prep_pack.html", {
        "pack": build_pack(meeting), "meeting": meeting, "coming": is_coming(meeting),
    })
