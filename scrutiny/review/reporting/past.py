"""The plan as it stood at a past moment, rebuilt from the history: one query per model."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from actionplan.models import Action, Area, Theme
from scrutiny.people.models import Agency

from .timeline import state_at


@dataclass
class PastArea:
    row: object  # the area's history row at that moment
    theme_name: str
    actions: list = field(default_factory=list)


@dataclass
class PastPlan:
    moment: datetime.datetime
    day: datetime.date
    areas: list[PastArea]
    action_count: int


def plan_as_at(*, inspection, moment: datetime.datetime, theme_id=None, agency_id=None) -> PastPlan:
    # The filters apply to each record's row at the moment, in the database (state_at).
    area_filter = {"theme_id": theme_id} if theme_id else {}
    areas = state_at(Area.history.filter(inspection_id=inspection.pk), moment, **area_filter)
    action_filter = {"lead_agency_id": agency_id} if agency_id else {}
    if theme_id:
        action_filter["area_id__in"] = [a.id for a in areas]
    actions = state_at(Action.history.filter(plan__inspection_id=inspection.pk), moment, **action_filter)
    # Names of themes and agencies are shown as they are now: they are labels, not the plan.
    themes = dict(Theme.objects.values_list("pk", "name"))
    agencies = dict(Agency.objects.values_list("pk", "short_name"))
    by_area: dict[int, PastArea] = {
        a.id: PastArea(row=a, theme_name=themes.get(a.theme_id, "No theme"))
        for a in sorted(areas, key=lambda a: a.number)
    }
    day = timezone.localdate(moment - datetime.timedelta(microseconds=1))
    count = 0
    for action in sorted(actions, key=lambda a: (a.reference, a.id)):
        if action.area_id in by_area:
            action.lead_agency_name = agencies.get(action.lead_agency_id, "")
            action.status_label = dict(Action.Status.choices).get(action.status, action.status)
            action.rag_label = dict(Action.Rag.choices).get(action.rag, "")
            action.was_overdue = bool(
                action.status in Action.OPEN_STATUSES and action.target_date and action.target_date < day
            )
            by_area[action.area_id].actions.append(action)
            count += 1
    return PastPlan(moment=moment, day=day, areas=list(by_area.values()), action_count=count)
