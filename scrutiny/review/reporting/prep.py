"""The preparation pack for a meeting: its areas and their actions, what changed since the previous
meeting, new evidence, outstanding requests and overdue items, in the order members read them."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from actionplan.models import Action, Area, Evidence

from ..models import InformationRequest, Meeting
from .changes import AreaChanges, Digest, build_digest
from .scope import end_of_meeting


@dataclass
class PackArea:
    area: Area
    actions: list = field(default_factory=list)
    changes: AreaChanges | None = None
    new_evidence: list = field(default_factory=list)
    requests: list = field(default_factory=list)

    @property
    def overdue(self) -> list:
        return [a for a in self.actions if a.overdue]


@dataclass
class Pack:
    meeting: Meeting
    previous: Meeting | None
    since: datetime.datetime | None
    digest: Digest | None
    areas: list[PackArea]
    general_requests: list  # open requests not about any one of the pack's areas
    general_evidence: list  # evidence received since the previous meeting about the plan as a whole

    @property
    def overdue(self) -> list:
        return [a for pack_area in self.areas for a in pack_area.overdue]

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

    by_area = {a.pk: PackArea(area=a, changes=digest.for_area(a.pk) if digest else None) for a in areas}
    actions = (
        Action.objects.filter(area_id__in=area_ids)
        .select_related("lead_agency", "lead_officer")
        .with_last_update()
        .order_by("reference", "id")
    )
    for action in actions:
        by_area[action.area_id].actions.append(action)

    general_evidence = []
    if since:
        received = (
            Evidence.objects.received()
            .filter(inspection=inspection, added_at__gt=since, added_at__lte=until or timezone.now())
            .filter(
                Q(area_id__in=area_ids) | Q(action__area_id__in=area_ids) | Q(area__isnull=True, action__isnull=True)
            )
            .select_related("action", "provided_by_agency")
            .order_by("added_at", "id")
        )
        for evidence in received:
            area_id = evidence.area_id or (evidence.action.area_id if evidence.action else None)
            if area_id in by_area:
                by_area[area_id].new_evidence.append(evidence)
            elif area_id is None:
                general_evidence.append(evidence)

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
