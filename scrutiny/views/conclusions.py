"""The group's conclusions: the table against each action (appendix F), recording one, reading one."""

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from actionplan.models import Agency, Theme

from ..conclusions_table import RULE, build_conclusions_table
from ..forms_records import ConclusionForm, add_service_errors, subject_initial
from ..models import Conclusion
from ..permissions import (
    current_review_or_404,
    get_review_for_user,
    require_review_writer,
)
from ..querystring import id_param
from ..reporting.paging import paginate
from ..services.conclusions import record_conclusion

FILTERS = ("theme", "agency", "judgement", "disagreement")
# A whole plan can run to thousands of actions: the table shows this many rows a page.
ROWS_PER_PAGE = 100


def _page_rows(page) -> list:
    """The page's rows, headed by their area's row when the page starts part-way through an area."""
    rows = list(page.object_list)
    if rows and not rows[0].is_area:
        earlier = page.paginator.object_list[: page.start_index() - 1]
        area_row = next((r for r in reversed(earlier) if r.is_area and r.area == rows[0].area), None)
        if area_row:  # a filter on judgements can leave actions without their area's row
            rows.insert(0, replace(area_row, continued=True))
    return rows


def _render_table(request, review):
    theme_id, agency_id = id_param(request, "theme"), id_param(request, "agency")
    judgement = request.GET.get("judgement", "")
    if judgement not in Conclusion.Judgement.values and judgement != "none":
        judgement = ""
    disagreements_only = request.GET.get("disagreement") == "yes"
    rows = build_conclusions_table(
        review, theme=theme_id, agency=agency_id, judgement=judgement, disagreements_only=disagreements_only
    )
    page = paginate(request, rows, ROWS_PER_PAGE)
    context = {
        "review": review,
        "rows": rows,
        "page": page,
        "page_rows": _page_rows(page),
        "rule": RULE,
        "themes": Theme.objects.all(),
        "agencies": Agency.objects.filter(actions__area__inspection_id=review.inspection_id).distinct().order_by("name"),
        "judgements": Conclusion.Judgement.choices,
        "chosen": {"theme": theme_id, "agency": agency_id, "judgement": judgement, "disagreement": disagreements_only},
        "filtered": any(request.GET.get(name) for name in FILTERS),
        "disagreement_count": sum(1 for row in rows if row.disagreement),
        "can_write": request.user.can_write_review(review),
    }
    return render(request, "scrutiny/conclusions/table.html", context)


@login_required
def conclusions_table(request):
    return _render_table(request, current_review_or_404())


@login_required
def conclusions_table_for_review(request, pk):
    return _render_table(request, get_review_for_user(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def conclusion_add(request):
    """Reached from an action (?action=) or an area (?area=); the subject can still be changed."""
    review = current_review_or_404()
    require_review_writer(request.user, review)
    form = ConclusionForm(request.POST or None, review=review, initial=subject_initial(request, review))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            conclusion = record_conclusion(
                actor=request.user, review=review, meeting=data["meeting"], action=form.action, area=form.area,
                judgement=data["judgement"], reasoning=data["reasoning"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            subject = conclusion.action or conclusion.area
            messages.success(request, f"Recorded: {conclusion.get_judgement_display().lower()} on {subject}.")
            return redirect(reverse("conclusions_table") + f"#area-{(conclusion.area or conclusion.action.area).number}")
    return render(request, "scrutiny/conclusions/form.html", {"review": review, "form": form})


@login_required
def conclusion_detail(request, pk):
    conclusion = get_object_or_404(
        Conclusion.objects.select_related("review", "meeting", "action__area", "area", "recorded_by__person"), pk=pk
    )
    return render(request, "scrutiny/conclusions/detail.html", {"conclusion": conclusion, "review": conclusion.review})
