"""Each area's actions agency by agency, with divergent timescales flagged and slippage counted."""

import datetime
from dataclasses import dataclass, field

from actionplan.models import Action, Area, TargetDateChange
from scrutiny.people.models import Agency

# The rule the page states: two agencies' latest target dates for one area more than this far apart.
DIVERGENCE_DAYS = 91
DIVERGENCE_RULE = (
    "An area is flagged when the latest target dates of two agencies' actions for it are more than "
    f"3 months ({DIVERGENCE_DAYS} days) apart."
)


@dataclass
class AgencyCell:
    agency: Agency
    actions: list = field(default_factory=list)

    @property
    def latest_target(self) -> datetime.date | None:
        dates = [a.target_date for a in self.actions if a.target_date]
        return max(dates) if dates else None


@dataclass
class AreaRow:
    area: Area
    cells: list[AgencyCell]

    @property
    def spread_days(self) -> int | None:
        dates = [c.latest_target for c in self.cells if c.latest_target]
        return (max(dates) - min(dates)).days if len(dates) >= 2 else None

    @property
    def divergent(self) -> bool:
        return (self.spread_days or 0) > DIVERGENCE_DAYS

    @property
    def agencies_involved(self) -> int:
        return sum(1 for c in self.cells if c.actions)


@dataclass
class Slippage:
    agency: Agency
    moves: int = 0
    actions_moved: set = field(default_factory=set)
    days_later: int = 0
    days_earlier: int = 0

    @property
    def net_days(self) -> int:
        return self.days_later - self.days_earlier


@dataclass
class SideBySide:
    agencies: list[Agency]
    rows: list[AreaRow]
    slippage: list[Slippage]

    @property
    def divergent_count(self) -> int:
        return sum(1 for row in self.rows if row.divergent)


def side_by_side(*, inspection, theme_id=None, divergent_only=False) -> SideBySide:
    actions = list(Action.objects.for_inspection(inspection).select_related("lead_agency").order_by("reference", "id"))
    agencies = sorted({a.lead_agency for a in actions}, key=lambda agency: agency.short_name)
    areas = Area.objects.filter(inspection=inspection).select_related("theme").order_by("number")
    if theme_id:
        areas = areas.filter(theme_id=theme_id)
    rows = {area.pk: AreaRow(area=area, cells=[AgencyCell(agency) for agency in agencies]) for area in areas}
    column = {agency.pk: i for i, agency in enumerate(agencies)}
    for action in actions:
        row = rows.get(action.area_id)
        if row:
            row.cells[column[action.lead_agency_id]].actions.append(action)
    kept = [row for row in rows.values() if row.agencies_involved and (row.divergent or not divergent_only)]

    slippage = {agency.pk: Slippage(agency) for agency in agencies}
    moves = TargetDateChange.objects.filter(action__plan__inspection=inspection).values_list(
        "action__lead_agency_id", "action_id", "old_date", "new_date"
    )
    for agency_id, action_id, old, new in moves:
        entry = slippage.get(agency_id)
        if entry is None:
            continue
        entry.moves += 1
        entry.actions_moved.add(action_id)
        if old and new:
            days = (new - old).days
            if days > 0:
                entry.days_later += days
            else:
                entry.days_earlier -= days
    return SideBySide(agencies=agencies, rows=kept, slippage=list(slippage.values()))
