"""The report's dates, from which the executive's response to each recommendation is due."""

from django.urls import reverse

from scrutiny.core.writes import submit_form

from ..forms.response_clock import ReportDatesForm
from ..permissions import require_review_runner, writer_view
from ..services.recommendations import REPORT_DATE_FIELDS, record_report_dates


@writer_view
def report_dates_update(request, review):
    require_review_runner(request.user, review)
    initial = {name: getattr(review, name) for name in REPORT_DATE_FIELDS}
    form = ReportDatesForm(request.POST or None, initial=initial)

    def save(form):
        record_report_dates(actor=request.user, review=review, **form.cleaned_data)
        return reverse("recommendation_list", args=[review.pk])

    return submit_form(
        request,
        form,
        save,
        template="scrutiny/recommendations/report_dates_form.html",
        context={"review": review},
        success="Saved the report's dates.",
    )
