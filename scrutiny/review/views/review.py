"""The review itself: remit, people, dates and stage, the areas it pursues, its meetings."""

from django.shortcuts import get_object_or_404, render

from actionplan.models import Area
from scrutiny.core.writes import posted
from scrutiny.people.permissions import has_capability, require_capability

from ..forms.records import AreaDecisionForm, ReopenReviewForm, ReviewStageForm
from ..models import ReviewArea, ReviewMembership
from ..paper_links import review_papers
from ..permissions import require_review_runner, review_view, writer_view
from ..services.review import decide_area, reopen_review, update_review_stage
from .form_pages import record_page


@review_view()
def review_detail(request, review):
    memberships = list(review.memberships.select_related("person"))
    by_role = {role: [m.person for m in memberships if m.role == role] for role in ReviewMembership.Role.values}
    decisions = {d.area_id: d for d in ReviewArea.objects.filter(review=review)}
    areas = list(Area.objects.filter(inspection_id=review.inspection_id).select_related("theme").order_by("number"))
    for area in areas:
        area.decision = decisions.get(area.pk)
    meetings = list(review.meetings.select_related("theme").order_by("date", "id"))
    for meeting in meetings:
        meeting.url = meeting.get_absolute_url()
    can_run, can_write = request.user.can_run_meetings_of(review), request.user.can_write_review(review)
    context = {
        "review": review,
        "chair": by_role[ReviewMembership.Role.CHAIR],
        "members": by_role[ReviewMembership.Role.MEMBER],
        "contributors": by_role[ReviewMembership.Role.CONTRIBUTOR],
        "clerks": by_role[ReviewMembership.Role.CLERK],
        "areas": areas,
        "meetings": meetings,
        "can_run": can_run,
        "can_write": can_write,
        # Every paper of the review, downloadable from its own page, for those who may download papers;
        # draft notes for those who may read them (permissions.may_read_draft_notes: writers and runners).
        "papers": review_papers(review, meetings, drafts_readable=can_run or can_write)
        if has_capability(request.user, "can_export")
        else [],
    }
    return render(request, "scrutiny/review/detail.html", context)


@writer_view
def review_stage_update(request, review):
    require_review_runner(request.user, review)
    initial = {name: getattr(review, name) for name in ("state", "interim_report_on", "final_report_on")}
    form = ReviewStageForm(posted(request), initial=initial)

    def success(review):
        return f"The review is now at the stage: {review.get_state_display()}."

    return record_page(request, form, update_review_stage, "scrutiny/review/stage_form.html", success, review=review)


@writer_view
def review_area_update(request, review, area_pk):
    area = get_object_or_404(Area, pk=area_pk, inspection_id=review.inspection_id)
    require_review_runner(request.user, review)
    decision = ReviewArea.objects.filter(review=review, area=area).first()
    initial = {
        "pursued": "yes" if decision is None or decision.pursued else "no",
        "reason": decision.reason if decision else "",
    }
    form = AreaDecisionForm(posted(request), initial=initial)

    def success(decision):
        return f"Saved: the review {'pursues' if decision.pursued else 'does not pursue'} area {area.number}."

    return record_page(
        request,
        form,
        decide_area,
        "scrutiny/review/area_form.html",
        success,
        then=lambda decision: review,
        shows={"decision": decision},
        review=review,
        area=area,
    )


@writer_view
def review_reopen(request, review):
    """Only an administrator reopens a closed review, giving a reason the history keeps."""
    require_capability(request.user, "can_administer")
    form = ReopenReviewForm(posted(request))
    success = "The review is open again. The reason is kept in its history."
    return record_page(request, form, reopen_review, "scrutiny/review/reopen_form.html", success, review=review)
