"""The review itself: remit, people, dates and stage, the areas it pursues, its meetings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_http_methods

from actionplan.models import Area

from ..forms.records import AreaDecisionForm, ReviewStageForm, add_service_errors
from ..models import ReviewArea, ReviewMembership
from ..permissions import current_review_or_404, get_review_for_user, require_review_runner
from ..services.review import decide_area, update_review_stage


def url_or_none(name, *args):
    """The URL of a page another part of the app may not have built yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


@login_required
def review_detail_current(request):
    return redirect("review_detail", pk=current_review_or_404().pk)


@login_required
def review_detail(request, pk):
    review = get_review_for_user(request, pk)
    memberships = list(review.memberships.select_related("person"))
    by_role = {role: [m.person for m in memberships if m.role == role] for role in ReviewMembership.Role.values}
    decisions = {d.area_id: d for d in ReviewArea.objects.filter(review=review)}
    areas = list(Area.objects.filter(inspection_id=review.inspection_id).select_related("theme").order_by("number"))
    for area in areas:
        area.decision = decisions.get(area.pk)
    meetings = list(review.meetings.select_related("theme").order_by("date", "id"))
    for meeting in meetings:
        meeting.url = url_or_none("meeting_detail", meeting.pk)
    context = {
        "review": review,
        "chair": by_role[ReviewMembership.Role.CHAIR],
        "members": by_role[ReviewMembership.Role.MEMBER],
        "contributors": by_role[ReviewMembership.Role.CONTRIBUTOR],
        "clerks": by_role[ReviewMembership.Role.CLERK],
        "areas": areas,
        "meetings": meetings,
        "can_run": request.user.can_run_meetings_of(review),
        "can_write": request.user.can_write_review(review),
    }
    return render(request, "scrutiny/review/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def review_stage_update(request, pk):
    review = get_review_for_user(request, pk)
    require_review_runner(request.user, review)
    initial = {"state": review.state, "interim_report_on": review.interim_report_on, "final_report_on": review.final_report_on}
    form = ReviewStageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update_review_stage(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"The review is now at the stage: {review.get_state_display()}.")
            return redirect(review)
    return render(request, "scrutiny/review/stage_form.html", {"review": review, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def review_area_update(request, pk, area_pk):
    review = get_review_for_user(request, pk)
    area = get_object_or_404(Area, pk=area_pk, inspection_id=review.inspection_id)
    require_review_runner(request.user, review)
    decision = ReviewArea.objects.filter(review=review, area=area).first()
    initial = {"pursued": "yes" if decision is None or decision.pursued else "no", "reason": decision.reason if decision else ""}
    form = AreaDecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            decision = decide_area(actor=request.user, review=review, area=area, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            verdict = "pursues" if decision.pursued else "does not pursue"
            messages.success(request, f"Saved: the review {verdict} area {area.number}.")
            return redirect(review)
    context = {"review": review, "area": area, "decision": decision, "form": form}
    return render(request, "scrutiny/review/area_form.html", context)
