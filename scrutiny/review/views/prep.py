"""The printable preparation pack for a meeting."""

from django.shortcuts import get_object_or_404, render

from ..models import Meeting
from ..permissions import overview_required
from ..reporting.prep import build_pack, is_coming


@overview_required
def prep_pack(request, review, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("review__inspection", "theme"), pk=pk, review=review)
    return render(
        request,
        "scrutiny/dashboard/prep_pack.html",
        {
            "review": review,
            "pack": build_pack(meeting),
            "meeting": meeting,
            "coming": is_coming(meeting),
        },
    )
