"""The report's dates, from which the executive's response to each recommendation is due."""

from django.urls import reverse

from scrutiny.core.writes import posted

from ..forms.response_clock import ReportDatesForm
from ..permissions import require_review_runner, writer_view
from ..services.recommendations import REPORT_DATE_FIELDS, record_report_dates
from .form_pages import record_page


@writer_view
def report_dates_update(request, review):
    require_review_runner(request.user, review)
    initial = {name: getattr(review, name) for name in REPORT_DATE_FIELDS}
    form = ReportDatesForm(posted(request), initial=initial)
    to_list = reverse("recommendation_list", args=[review.pk])
    return record_page(
        request,
        form,
        record_report_dates,
        "scrutiny/recommendations/report_dates_form.html",
        "Saved the report's dates.",
        then=lambda review: to_list,
        review=review,
    )
