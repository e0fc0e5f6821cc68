"""What a report is built from, apart from its layout (report.report_document lays it out).

The final report reads the records as they are. The interim report is the report as it stood at its
date: the review, its meetings and their notes, attendance, conclusions, requests and recommendations
are read from the history as they were at the end of that day, so nothing recorded later (a December
conclusion, the final recommendations) can slip into a June paper. Names of people, areas, agencies and
evidence are labels and are shown as they are now, as the plan-as-it-stood page does.

A fixed number of queries whatever the size of the review."""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Prefetch
from django.utils import timezone

from actionplan.models import Action, Area, Evidence
from scrutiny.people.models import Agency, Person, User

from .conclusions_table import build_conclusions_table
from .models import (
    Attendance,
    Conclusion,
    InformationRequest,
    Meeting,
    NoteItem,
    Recommendation,
    Review,
    ReviewArea,
    ReviewMembership,
)
from .reporting.timeline import state_at


def meetings_for_papers(queryset):
    """Everything a paper shows about meetings, in a fixed number of queries."""
    return queryset.select_related("review", "theme", "notes_agreed_by__person").prefetch_related(
        Prefetch("attendance", queryset=Attendance.objects.select_related("person")),
        "areas",
        "evidence_considered__provided_by",
        "note_items__area",
        "conclusions__area",
        "conclusions__action__area",
        "information_requests__asked_of_agency",
        "information_requests__asked_of_person",
    )


@dataclass
class ReportData:
    """The records a report prints. `as_at` is the moment they were read at (None: as they are now)."""

    review: Review
    report_date: datetime.date | None
    meetings: list  # Meeting instances, their notes, attendance, conclusions and requests loaded
    memberships: list  # ReviewMembership, person loaded
    recommendations: list  # Recommendation, by kind and number
    answers: list  # InformationRequest with an answer, evidence loaded
    conclusion_rows: list  # conclusions_table.ConclusionRow, for the conclusions appendix
    as_at: datetime.datetime | None = None

    @property
    def formal(self):
        return [r for r in self.recommendations if r.kind == Recommendation.Kind.RECOMMENDATION]

    @property
    def observations(self):
        return [r for r in self.recommendations if r.kind == Recommendation.Kind.OBSERVATION]

    @property
    def chair(self):
        return next((m for m in self.memberships if m.role == ReviewMembership.Role.CHAIR), None)


def report_date_of(review, kind: str) -> datetime.date | None:
    """Dated by the committee that receives it; without that date the paper is a draft."""
    return review.final_report_on if kind == "final" else review.interim_report_on


def report_data(review, kind: str) -> ReportData:
    """The interim report as it stood at its date (when it has one); any other report as the records are now.

    A review typed in after its interim report (its history starts later) has no history to rebuild that
    report from: it gets the records as they are, with the meetings held by the report's date."""
    report_date = report_date_of(review, kind)
    if kind == "interim" and report_date:
        moment = end_of_day(report_date)
        if review.history.filter(history_date__lte=moment).exists():
            return report_data_as_at(review, moment, report_date=report_date)
    meetings_qs = Meeting.objects.filter(review=review).order_by("date", "start_time")
    if kind == "interim" and report_date:
        meetings_qs = meetings_qs.filter(date__lte=report_date)
    answers = (
        review.information_requests.exclude(answer="")
        .order_by("raised_on", "pk")
        .select_related("asked_of_agency", "asked_of_person")
        .prefetch_related("evidence")
    )
    return ReportData(
        review=review,
        report_date=report_date,
        meetings=list(meetings_for_papers(meetings_qs)),
        memberships=list(review.memberships.select_related("person")),
        recommendations=list(review.recommendations.order_by("kind", "number")),
        answers=list(answers),
        conclusion_rows=build_conclusions_table(review),
    )


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last moment of `day` in the council's time zone: what was recorded that day counts."""
    start = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(start) - datetime.timedelta(microseconds=1)


def _cache(instance, name: str, items) -> None:
    """Fill `instance.<name>.all()` with `items`, as prefetch_related would, so the papers read the
    records as they stood exactly as they read today's."""
    queryset = instance._meta.get_field(name).related_model._default_manager.none()
    queryset._result_cache, queryset._prefetch_done = list(items), True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[name] = queryset


def _instances(history_qs, moment, order, **as_they_stood) -> list:
    """The records as they stood at `moment`, as model instances, each with its history row's id."""
    rows = sorted(state_at(history_qs, moment, **as_they_stood), key=order)
    instances = []
    for row in rows:
        instance = row.instance
        instance._history_id = row.history_id
        instances.append(instance)
    return instances


def _m2m(owner_model, field: str, history_ids) -> dict:
    """{history row id: [related ids]} from simple-history's table of a many-to-many field's past values."""
    through = apps.get_model(owner_model._meta.app_label, f"Historical{owner_model.__name__}_{field}")
    target = owner_model._meta.get_field(field).related_model._meta.model_name
    links: dict = {}
    for history_id, target_id in through.objects.filter(history_id__in=history_ids).values_list(
        "history_id", f"{target}_id"
    ):
        links.setdefault(history_id, []).append(target_id)
    return links


def _by_id(queryset, ids) -> dict:
    return {obj.pk: obj for obj in queryset.filter(pk__in={i for i in ids if i})}


def report_data_as_at(review, moment: datetime.datetime, *, report_date=None) -> ReportData:
    """The report's records as they stood at `moment`, from the history tables (one query per table)."""
    review_then = next(iter(_instances(review.history.all(), moment, lambda r: 0)), None) or review
    review_then.inspection = review.inspection

    every_meeting = {
        m.pk: m for m in _instances(Meeting.history.filter(review_id=review.pk), moment, lambda r: (r.date, r.id))
    }
    last_day = report_date or timezone.localdate(moment)
    meetings = [m for m in every_meeting.values() if m.date <= last_day]
    meeting_ids = [m.pk for m in meetings]
    inspection_id = review.inspection_id

    attendance = _instances(Attendance.history.filter(meeting_id__in=meeting_ids), moment, lambda r: r.id)
    notes = _instances(NoteItem.history.filter(meeting_id__in=meeting_ids), moment, lambda r: (r.position, r.id))
    conclusions = _instances(Conclusion.history.filter(review_id=review.pk), moment, lambda r: (r.reached_on, r.id))
    requests = _instances(InformationRequest.history.filter(review_id=review.pk), moment, lambda r: (r.raised_on, r.id))
    recommendations = _instances(
        Recommendation.history.filter(review_id=review.pk), moment, lambda r: (r.kind, r.number)
    )
    memberships = _instances(ReviewMembership.history.filter(review_id=review.pk), moment, lambda r: r.position)
    decisions = _instances(ReviewArea.history.filter(review_id=review.pk), moment, lambda r: r.id)
    actions = _instances(
        Action.history.filter(plan__inspection_id=inspection_id), moment, lambda r: (r.reference, r.id)
    )

    meeting_areas = _m2m(Meeting, "areas", [m._history_id for m in meetings])
    meeting_evidence = _m2m(Meeting, "evidence_considered", [m._history_id for m in meetings])
    request_evidence = _m2m(InformationRequest, "evidence", [r._history_id for r in requests])

    # Labels, as they are now.
    areas = {a.pk: a for a in Area.objects.filter(inspection_id=inspection_id)}
    evidence = _by_id(
        Evidence.objects.select_related("provided_by"),
        [i for ids in (*meeting_evidence.values(), *request_evidence.values()) for i in ids],
    )
    people = _by_id(
        Person.objects.all(),
        [a.person_id for a in attendance]
        + [m.person_id for m in memberships]
        + [r.asked_of_person_id for r in requests],
    )
    agencies = _by_id(
        Agency.objects.all(), [a.lead_agency_id for a in actions] + [r.asked_of_agency_id for r in requests]
    )
    users = _by_id(User.objects.select_related("person"), [m.notes_agreed_by_id for m in meetings])

    for action in actions:
        action.lead_agency = agencies.get(action.lead_agency_id)
        action.area = areas.get(action.area_id)
    actions_by_id = {a.pk: a for a in actions}
    for membership in memberships:
        membership.person = people[membership.person_id]
    for row in attendance:
        row.person = people[row.person_id]
    attendance.sort(key=lambda row: (_CAPACITY_ORDER.get(row.capacity, 9), row.person.name))
    for item in notes:
        item.area = areas.get(item.area_id)
    for conclusion in conclusions:
        conclusion.meeting = every_meeting.get(conclusion.meeting_id)
        conclusion.area = areas.get(conclusion.area_id)
        conclusion.action = actions_by_id.get(conclusion.action_id) or _current_action(conclusion.action_id)
    for info_request in requests:
        info_request.asked_of_agency = agencies.get(info_request.asked_of_agency_id)
        info_request.asked_of_person = people.get(info_request.asked_of_person_id)
        ids = request_evidence.get(info_request._history_id, [])
        _cache(info_request, "evidence", [evidence[i] for i in ids if i in evidence])

    for meeting in meetings:
        meeting.review = review_then
        meeting.notes_agreed_by = users.get(meeting.notes_agreed_by_id)
        _cache(meeting, "attendance", [a for a in attendance if a.meeting_id == meeting.pk])
        _cache(meeting, "note_items", [n for n in notes if n.meeting_id == meeting.pk])
        _cache(meeting, "conclusions", [c for c in conclusions if c.meeting_id == meeting.pk])
        _cache(meeting, "information_requests", [r for r in requests if r.meeting_id == meeting.pk])
        _cache(meeting, "areas", [areas[i] for i in meeting_areas.get(meeting._history_id, []) if i in areas])
        ids = meeting_evidence.get(meeting._history_id, [])
        _cache(meeting, "evidence_considered", [evidence[i] for i in ids if i in evidence])

    return ReportData(
        review=review_then,
        report_date=report_date,
        meetings=meetings,
        memberships=memberships,
        recommendations=recommendations,
        answers=[r for r in requests if r.answer],
        conclusion_rows=build_conclusions_table(
            review,
            on=timezone.localdate(moment),
            records=(decisions, [a for a in actions if a.area_id in areas], conclusions),
        ),
        as_at=moment,
    )


_CAPACITY_ORDER = {capacity: index for index, capacity in enumerate(["member", "contributor", "witness", "officer"])}


def _current_action(pk):
    """An action removed since (its history row is a deletion): its last name is still the best label."""
    if pk is None:
        return None
    row = Action.history.filter(id=pk).exclude(history_type="-").order_by("-history_date", "-history_id").first()
    return row.instance if row else None
