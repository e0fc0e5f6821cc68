"""The report's narrative, written by the clerk: the list of its parts and the page that writes one.

Each part starts as a draft built from the records (scrutiny.review.narrative); saving stores the
clerk's text, with its history, and the interim and final reports print it."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from scrutiny.core.formtools import ConfirmForm
from scrutiny.core.writes import posted, submit_form

from ..forms.report_text import ReportTextForm
from ..models import Meeting, Recommendation, ReportText
from ..narrative import Narrative
from ..permissions import require_review_runner, review_view, writer_view
from ..report_data import meetings_for_papers
from ..services.report_text import reset_report_text, save_report_text
from .form_pages import form_page

Part = ReportText.Part
REVIEW_WIDE_PARTS = {"summary": Part.SUMMARY, "acknowledgements": Part.ACKNOWLEDGEMENTS}


def _narrative(review) -> Narrative:
    meetings = meetings_for_papers(Meeting.objects.filter(review=review).order_by("date", "start_time"))
    return Narrative(review, meetings, review.recommendations.order_by("kind", "number"))


def edit_url(review, narrative_part) -> str:
    if narrative_part.meeting is not None:
        return reverse("report_text_meeting", args=[review.pk, narrative_part.meeting.pk])
    if narrative_part.recommendation is not None:
        return reverse("report_text_recommendation", args=[review.pk, narrative_part.recommendation.pk])
    return reverse("report_text_update", args=[review.pk, narrative_part.part])


@review_view()
def report_text_list(request, review):
    # A closed review's text is read in its reports; this page, like the clerk's others, says it is closed.
    require_review_runner(request.user, review)
    parts = _narrative(review).parts()
    for narrative_part in parts:
        narrative_part.url = edit_url(review, narrative_part)
    context = {"review": review, "parts": parts}
    return render(request, "scrutiny/report_text/list.html", context)


def _part_about(review, part, meeting_pk, recommendation_pk):
    """Which part of the report an address names, and the meeting or recommendation it is about."""
    if meeting_pk is not None:
        return Part.MEETING, {"meeting": get_object_or_404(Meeting, pk=meeting_pk, review=review)}
    if recommendation_pk is not None:
        recommendation = get_object_or_404(Recommendation, pk=recommendation_pk, review=review)
        part = Part.RECOMMENDATION if recommendation.is_formal else Part.OBSERVATION
        return part, {"recommendation": recommendation}
    if part in REVIEW_WIDE_PARTS:
        return REVIEW_WIDE_PARTS[part], {}
    raise Http404("No such part of the report")


def _report_part(request, review, part, meeting_pk, recommendation_pk):
    """For the clerk (403): the part of the report the address names (404), what it is about, and the
    clerk's saved text for it, if any."""
    require_review_runner(request.user, review)
    part, about = _part_about(review, part, meeting_pk, recommendation_pk)
    narrative = _narrative(review)
    narrative_part = next(
        p
        for p in narrative.parts()
        if p.part == part and p.meeting == about.get("meeting") and p.recommendation == about.get("recommendation")
    )
    return narrative_part, about, narrative.saved_text(part, **about)


@writer_view
def report_text_update(request, review, part=None, meeting_pk=None, recommendation_pk=None):
    narrative_part, about, saved = _report_part(request, review, part, meeting_pk, recommendation_pk)
    form = ReportTextForm(posted(request), initial={"text": narrative_part.text}, label=narrative_part.label)

    def save(form):
        text = form.cleaned_data["text"]
        save_report_text(actor=request.user, review=review, part=narrative_part.part, text=text, **about)
        return reverse("report_text_list", args=[review.pk])

    context = {
        "review": review,
        "narrative_part": narrative_part,
        "saved": saved,
        "reset_url": edit_url(review, narrative_part) + "draft/" if saved else "",
    }
    return submit_form(
        request,
        form,
        save,
        template="scrutiny/report_text/form.html",
        context=context,
        success=f"Saved the report's text: {narrative_part.label}.",
    )


@writer_view
def report_text_reset(request, review, part=None, meeting_pk=None, recommendation_pk=None):
    """Go back to the draft from the records: the saved text leaves the report and stays in its history."""
    narrative_part, about, saved = _report_part(request, review, part, meeting_pk, recommendation_pk)
    if saved is None:
        raise Http404("This part of the report already prints the draft from the records")
    back_url = edit_url(review, narrative_part)

    def reset(form):
        reset_report_text(actor=request.user, review=review, report_text=saved)
        return back_url

    return form_page(
        request,
        ConfirmForm(posted(request), button="Go back to the draft from the records"),
        reset,
        title=f"Go back to the draft from the records for {narrative_part.label}?",
        caption=f"{review.title}: the report's text",
        intro=(
            "The text you saved is taken out of the report, which prints the draft built from the records "
            "again. What your text said stays in its history."
        ),
        success=f"The report prints the draft from the records again: {narrative_part.label}.",
        back_url=back_url,
    )
