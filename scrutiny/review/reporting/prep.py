"""The preparation pack for a meeting: its areas and their actions, what changed since the previous
meeting, new evidence, outstanding requests and overdue items, in the order members read them.

The pack reads only what it prints: its areas' actions, overdue actions and new evidence are each
capped per area in SQL (ROW_NUMBER over the area) at LINES_PER_AREA, with the count of all of them
from one grouped query, so a plan of thousands of actions gives a pack of a few pages that says how
many more there are and links to the full lists. A real meeting's areas hold far fewer (the demo's
at most a handful), so nothing is left out of them."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from actionplan.models import Action, Area, Evidence

from ..models import InformationRequest, Meeting
from .changes import AreaChanges, Digest, build_digest
from .dashboard import overdue_q
from .links import ReviewLinks
from .scope import end_of_meeting

LINES_PER_AREA = 50


@dataclass
class PackArea:
    area: Area
    actions: list = field(default_factory=list)  # the first LINES_PER_AREA by reference
    changes: AreaChanges | None = None
    new_evidence: list = field(default_factory=list)  # the first LINES_PER_AREA received
    requests: list = field(default_factory=list)
    overdue: list = field(default_factory=list)  # the first LINES_PER_AREA overdue, by reference
    action_count: int = 0
    overdue_count: int = 0
    evidence_count: int = 0
    actions_url: str = ""
    overdue_url: str = ""

    @property
    def more_actions(self) -> int:
        return self.action_count - len(self.actions)

    @property
    def more_overdue(self) -> int:
        return self.overdue_count - len(self.overdue)

    @property
    def more_evidence(self) -> int:
        return self.evidence_count - len(self.new_evidence)


@dataclass
class Pack:
    meeting: Meeting
    previous: Meeting | None
    since: datetime.datetime | None
    digest: Digest | None
    areas: list[PackArea]
    general_requests: list  # open requests not about any one of the pack's areas
    general_evidence: list  # evidence received since the previous meeting about the plan as a whole
    general_evidence_count: int = 0

    @property
    def overdue(self) -> list:
        return [a for pack_area in self.areas for a in pack_area.overdue]

    @property
    def overdue_count(self) -> int:
        return sum(pack_area.overdue_count for pack_area in self.areas)

    @property
    def new_evidence_count(self) -> int:
        return sum(pack_area.evidence_count for pack_area in self.areas) + self.general_evidence_count

    @property
    def open_requests(self) -> list:
        return [r for pack_area in self.areas for r in pack_area.requests] + self.general_requests

    @property
    def new_evidence(self) -> list:
        return [e for pack_area in self.areas for e in pack_area.new_evidence] + self.general_evidence


def meeting_areas(meeting: Meeting) -> list[Area]:
    """The areas the meeting considers; else its theme's; else (a scoping meeting) all of them."""
    areas = list(meeting.areas.select_related("theme").order_by("number"))
    if areas:
        return areas
    all_areas = Area.objects.filter(inspection=meeting.review.inspection).select_related("theme").order_by("number")
    if meeting.theme_id:
        return list(all_areas.filter(theme_id=meeting.theme_id))
    return list(all_areas)


def build_pack(meeting: Meeting) -> Pack:
    review, inspection = meeting.review, meeting.review.inspection
    previous = earlier_meeting(meeting)
    since = end_of_meeting(previous) if previous else None
    # A pack for a meeting that has taken place stops at its end: what came after belongs to later meetings.
    # (The end, not the start: what was reported at the meeting itself is usually dated that day.)
    until = None if is_coming(meeting) else end_of_meeting(meeting)
    areas = meeting_areas(meeting)
    area_ids = [a.pk for a in areas]
    digest = (
        build_digest(inspection=inspection, review=review, since=since, until=until, area_ids=area_ids)
        if since
        else None
    )

    links = ReviewLinks(review)
    by_area = {
        a.pk: PackArea(
            area=a,
            changes=digest.for_area(a.pk) if digest else None,
            actions_url=links.actions(area=a.pk),
            overdue_url=links.actions(area=a.pk, progress="overdue"),
        )
        for a in areas
    }
    in_areas = Action.objects.filter(area_id__in=area_ids)
    today = timezone.localdate()
    for row in in_areas.order_by().values("area_id").annotate(n=Count("id"), late=Count("id", filter=overdue_q(today))):
        by_area[row["area_id"]].action_count, by_area[row["area_id"]].overdue_count = row["n"], row["late"]
    shown = first_per_area(in_areas.select_related("lead_agency", "lead_officer").with_last_update(), "area_id")
    for action in shown.order_by("reference", "id"):
        by_area[action.area_id].actions.append(action)
    overdue = first_per_area(in_areas.overdue(today).select_related("lead_agency"), "area_id")
    for action in overdue.order_by("reference", "id"):
        by_area[action.area_id].overdue.append(action)

    general_evidence, general_evidence_count = [], 0
    if since:
        received = (
            Evidence.objects.received()
            .filter(inspection=inspection, added_at__gt=since, added_at__lte=until or timezone.now())
            .annotate(about_area=Coalesce("area_id", "action__area_id"))
            .filter(Q(about_area__in=area_ids) | Q(about_area__isnull=True))
        )
        for row in received.order_by().values("about_area").annotate(n=Count("id")):
            if row["about_area"] is None:
                general_evidence_count = row["n"]
            else:
                by_area[row["about_area"]].evidence_count = row["n"]
        first = first_per_area(received.select_related("action", "provided_by_agency"), "about_area", "added_at")
        for evidence in first.order_by("added_at", "id"):
            if evidence.about_area is None:
                general_evidence.append(evidence)
            else:
                by_area[evidence.about_area].new_evidence.append(evidence)

    general = []
    requests = (
        InformationRequest.objects.open()
        .filter(review=review)
        .select_related("action", "asked_of_agency", "asked_of_person", "meeting")
        .order_by("raised_on", "id")
    )
    for request in requests:
        area_id = request.area_id or (request.action.area_id if request.action else None)
        (by_area[area_id].requests if area_id in by_area else general).append(request)
    return Pack(
        meeting=meeting,
        previous=previous,
        since=since,
        digest=digest,
        areas=list(by_area.values()),
        general_requests=general,
        general_evidence=general_evidence,
        general_evidence_count=general_evidence_count,
    )


def first_per_area(queryset, area: str, *order: str):
    """The queryset's first LINES_PER_AREA rows within each area (by `order`, else reference), in SQL."""
    ordering = [F(name).asc() for name in order or ("reference",)] + [F("id").asc()]
    return queryset.annotate(line=Window(RowNumber(), partition_by=[F(area)], order_by=ordering)).filter(
        line__lte=LINES_PER_AREA
    )


def earlier_meeting(meeting: Meeting) -> Meeting | None:
    """The review's meeting before this one: on an earlier day, or earlier the same day (by start time)."""
    same_day_before = Q(date=meeting.date, start_time__lt=meeting.start_time) if meeting.start_time else Q(pk__in=[])
    return (
        Meeting.objects.filter(review_id=meeting.review_id)
        .filter(Q(date__lt=meeting.date) | same_day_before)
        .exclude(pk=meeting.pk)
        .order_by("-date", "-start_time", "-id")
        .first()
    )


def is_coming(meeting: Meeting) -> bool:
    """Not yet over: a meeting held earlier today is over once it has ended (see end_of_meeting)."""
    return end_of_meeting(meeting) > timezone.now()
