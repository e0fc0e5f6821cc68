"""Helpers for the members' pages tests: changes saved at known moments, and a plan scaled up to
many times the demo's size, every record saved through save() so that each has its history."""

import datetime
import zoneinfo

from actionplan.models import Action, Evidence, ProgressUpdate, TargetDateChange
from scrutiny.review.models import Conclusion, InformationRequest

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(day: str, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour), tzinfo=LONDON)


def save_at(obj, when: datetime.datetime, user=None, **fields):
    """Change fields and save, with the history row dated `when` and signed by `user`."""
    for name, value in fields.items():
        setattr(obj, name, value)
    obj._history_date = when
    obj._history_user = user
    obj.save()
    return obj


def scale_up(world, factor: int, *, when: datetime.datetime | None = None):
    """Add `factor` times a small plan's worth of records to the factories' world: for each unit,
    actions for two agencies with different target dates, a status change, a target-date move, a
    progress update; then evidence received and awaited, a conclusion and an answered request."""
    today = datetime.date.today()
    for n in range(factor):
        for plan, area, offset in ((world.wcc_plan, world.area1, 30), (world.arden_plan, world.area2, 200),
                                   (world.wcc_plan, world.area3, -20)):
            action = Action(plan=plan, area=area, lead_agency=plan.agency, reference=f"B{n}.{area.number}",
                            description=f"Bulk action {n} for area {area.number}",
                            target_date=today + datetime.timedelta(days=offset), status=Action.Status.NOT_STARTED)
            action.save()
            old = action.target_date
            save_at(action, when or _now(), world.olivia, status=Action.Status.IN_PROGRESS, rag=Action.Rag.AMBER,
                    target_date=old + datetime.timedelta(days=14))
            TargetDateChange(action=action, old_date=old, new_date=action.target_date, reason="Bulk slip",
                             changed_by=world.olivia).save()
            ProgressUpdate(action=action, author=world.olivia, status=action.status, rag=action.rag,
                           note=f"Update {n}").save()
        Evidence(inspection=world.inspection, action=action, title=f"Bulk evidence {n}",
                 status=Evidence.Status.RECEIVED, received_on=today).save()
        Evidence(inspection=world.inspection, area=area, title=f"Awaited evidence {n}",
                 status=Evidence.Status.AWAITED).save()
        Conclusion(review=world.review, meeting=world.last_meeting, action=action, judgement="satisfied",
                   reasoning="Bulk conclusion").save()
        request = InformationRequest(review=world.review, meeting=world.last_meeting, area=world.area1,
                                     asked_of_agency=world.wcc, question=f"Bulk question {n}")
        request.save()
        save_at(request, when or _now(), world.clara, status=InformationRequest.Status.ANSWERED, answer="An answer",
                answered_on=today)
        InformationRequest(review=world.review, area=world.area2, asked_of_agency=world.arden,
                           question=f"Open question {n}").save()


def _now():
    from django.utils import timezone

    return timezone.now()
