"""Helpers for the members' pages tests: changes saved at known moments, and a plan scaled up to
many times the demo's size, each record with its history rows."""

import datetime
import zoneinfo

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

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


def completed_now(action, user, **fields):
    """The action marked completed today by `user`, its history row dated now."""
    return save_at(
        action, timezone.now(), user, status=Action.Status.COMPLETED, completed_on=timezone.localdate(), **fields
    )


def scale_up(world, factor: int, *, when: datetime.datetime | None = None):
    """Add `factor` times a small plan's worth of records to the factories' world: for each unit,
    actions for two agencies with different target dates, a status change, a target-date move, a
    progress update; then evidence received and awaited, a conclusion and an answered request.

    Built with simple-history's bulk helpers, which write each record's history rows as save()
    would (a created row, then a changed row for each later save): a hundred times the demo in
    seconds rather than a minute. The app itself never writes this way."""
    today = datetime.date.today()
    when = when or _now()
    actions, moves, updates, evidence, conclusions, requests = [], [], [], [], [], []
    for n in range(factor):
        for plan, area, offset in (
            (world.wcc_plan, world.area1, 30),
            (world.arden_plan, world.area2, 200),
            (world.wcc_plan, world.area3, -20),
        ):
            actions.append(
                Action(
                    plan=plan,
                    area=area,
                    lead_agency=plan.agency,
                    reference=f"B{n}.{area.number}",
                    description=f"Bulk action {n} for area {area.number}",
                    target_date=today + datetime.timedelta(days=offset),
                    status=Action.Status.NOT_STARTED,
                )
            )
    actions = bulk_create_with_history(actions, Action, batch_size=500, default_user=world.olivia)
    for action in actions:
        old = action.target_date
        action.status, action.rag, action.target_date = (
            Action.Status.IN_PROGRESS,
            Action.Rag.AMBER,
            old + datetime.timedelta(days=14),
        )
        action.version = (action.version or 0) + 1
        moves.append(
            TargetDateChange(
                action=action, old_date=old, new_date=action.target_date, reason="Bulk slip", changed_by=world.olivia
            )
        )
        updates.append(
            ProgressUpdate(
                action=action,
                author=world.olivia,
                status=action.status,
                rag=action.rag,
                note=f"Update {action.reference}",
            )
        )
    bulk_update_with_history(
        actions,
        Action,
        ["status", "rag", "target_date", "version"],
        batch_size=500,
        default_user=world.olivia,
        default_date=when,
    )
    for n, action in enumerate(actions[2::3]):  # each unit's last action, as save() per record did
        evidence += [
            Evidence(
                inspection=world.inspection,
                action=action,
                title=f"Bulk evidence {n}",
                status=Evidence.Status.RECEIVED,
                received_on=today,
            ),
            Evidence(
                inspection=world.inspection,
                area=action.area,
                title=f"Awaited evidence {n}",
                status=Evidence.Status.AWAITED,
            ),
        ]
        conclusions.append(
            Conclusion(
                review=world.review,
                meeting=world.last_meeting,
                action=action,
                judgement="satisfied",
                reasoning="Bulk conclusion",
            )
        )
        requests += [
            InformationRequest(
                review=world.review,
                meeting=world.last_meeting,
                area=world.area1,
                asked_of_agency=world.wcc,
                question=f"Bulk question {n}",
            ),
            InformationRequest(
                review=world.review, area=world.area2, asked_of_agency=world.arden, question=f"Open question {n}"
            ),
        ]
    for model, records in (
        (TargetDateChange, moves),
        (ProgressUpdate, updates),
        (Evidence, evidence),
        (Conclusion, conclusions),
    ):
        bulk_create_with_history(records, model, batch_size=500, default_user=world.olivia)
    requests = bulk_create_with_history(requests, InformationRequest, batch_size=500, default_user=world.olivia)
    answered = requests[0::2]
    for request in answered:
        request.status, request.answer, request.answered_on = InformationRequest.Status.ANSWERED, "An answer", today
    bulk_update_with_history(
        answered,
        InformationRequest,
        ["status", "answer", "answered_on"],
        batch_size=500,
        default_user=world.clara,
        default_date=when,
    )


def _now():
    from django.utils import timezone

    return timezone.now()
