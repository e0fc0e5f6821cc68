"""The group's conclusions: the table against each action (appendix F), recording one, reading one."""

from dataclasses import replace

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from scrutiny.core.querystring import same_site_path
from scrutiny.core.writes import posted

from ..conclusions_table import RULE, ConclusionPages
from ..forms.records import ConclusionForm, parse_subject, subject_initial
from ..models import Conclusion
from ..permissions import require_review_writer, review_view, writer_view
from ..reporting.filters import ConclusionTableFilter
from ..reporting.paging import paginate
from ..services.conclusions import record_conclusion
from .form_pages import record_page

# A whole plan can run to thousands of actions: the table shows this many rows a page.
ROWS_PER_PAGE = 100


def _page_rows(page) -> list:
    """The page's rows, headed by their area's row when the page starts part-way through an area."""
    rows, table = list(page.object_list), page.paginator.object_list
    if rows and not rows[0].is_area:
        if isinstance(table, ConclusionPages):
            area_row = table.heading
        else:
            earlier = table[: page.start_index() - 1]
            area_row = next((r for r in reversed(earlier) if r.is_area and r.area == rows[0].area), None)
        if area_row:  # a filter on judgements can leave actions without their area's row
            rows.insert(0, replace(area_row, continued=True))
    return rows


def _render_table(request, review):
    filterset = ConclusionTableFilter(request.GET, review=review)
    page = paginate(request, filterset.rows, ROWS_PER_PAGE)
    context = {
        "review": review,
        "rows": page.object_list,  # the rows of this page
        "row_count": page.paginator.count,
        "page": page,
        "page_rows": _page_rows(page),
        "rule": RULE,
        "filter": filterset,
        "filtered": any(filterset.chosen.values()),
        "disagreement_count": filterset.disagreement_count,
        "can_write": request.user.can_write_review(review),
    }
    return render(request, "scrutiny/conclusions/table.html", context)


@review_view()
def conclusions_table(request, review):
    return _render_table(request, review)


@writer_view
def conclusion_add(request, review):
    """Reached from an action (?action=) or an area (?area=), perhaps from its page (?next=); the subject
    can still be changed."""
    require_review_writer(request.user, review)
    initial = subject_initial(request, review)
    form = ConclusionForm(posted(request), review=review, initial=initial)
    action, area = parse_subject(initial.get("subject"), review)
    subject_page = (action or area).get_absolute_url() if (action or area) else None
    table = reverse("conclusions_table", args=[review.pk])
    back_url = same_site_path(request) or table

    def success(conclusion):
        return f"Recorded: {conclusion.get_judgement_display().lower()} on {conclusion.action or conclusion.area}."

    def then(conclusion):
        # Back to the action's (or area's) page it was opened from, where the new conclusion shows.
        if back_url == (conclusion.action or conclusion.area).get_absolute_url():
            return back_url
        area = conclusion.area or conclusion.action.area
        return f"{table}#area-{area.number}"

    labels = {table: "the table of conclusions", subject_page: "the action" if action else "the area"}
    back = {"back_url": back_url, "back_label": labels.get(back_url, "the page you came from")}
    template = "scrutiny/conclusions/form.html"
    return record_page(request, form, record_conclusion, template, success, then=then, shows=back, review=review)


@review_view()
def conclusion_detail(request, review, pk):
    conclusion = get_object_or_404(
        Conclusion.objects.select_related("review", "meeting", "action__area", "area", "recorded_by__person"),
        pk=pk,
        review=review,
    )
    meeting = conclusion.meeting
    # While its meeting's notes are a draft, the clerk corrects or removes it there, like a notes item.
    correctable = bool(meeting and not meeting.notes_locked and request.user.can_run_meetings_of(review))
    context = {"conclusion": conclusion, "review": conclusion.review, "correctable": correctable}
    return render(request, "scrutiny/conclusions/detail.html", context)
