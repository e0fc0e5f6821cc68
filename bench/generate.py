"""Bench data: the tests' small world, then 20 x scale actions with updates, evidence, conclusions and
100 history rows per action (100x: 2,000 actions, 200,000 action history rows).

Bulk inserts are used here, and only here, to make the data quickly: the app itself never writes
that way. History rows are made as the app would have made them, one per past change.
"""

import datetime
import random

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from actionplan.models import Action, ActionPlan, Evidence, ProgressUpdate
from scrutiny.people.models import Agency
from scrutiny.review.models import Conclusion

ACTIONS_PER_SCALE = 20
HISTORY_PER_ACTION = 100
UPDATES_PER_ACTION = 5


def generate(scale: int) -> dict:
    from tests.factories import make_world

    rng = random.Random(scale)
    started = timezone.now()
    w = make_world()
    now = timezone.now()
    today = timezone.localdate()
    plans = [w.wcc_plan, w.arden_plan]
    areas = [w.area1, w.area2, w.area3]
    statuses = ["not_started", "in_progress", "in_progress", "completed"]
    actions = []
    for n in range(ACTIONS_PER_SCALE * scale - 2):  # the world has two already
        plan = plans[n % 2]
        status = statuses[n % 4]
        actions.append(
            Action(
                plan=plan,
                area=areas[n % 3],
                lead_agency=plan.agency,
                lead_officer=w.olivia_person if n % 2 == 0 else w.arjun_person,
                reference=f"{n % 3 + 1}.{n + 2}",
                description=f"Bench action {n}: improve the timeliness of assessments " * 2,
                success_measure="Audit shows improvement",
                target_date=today + datetime.timedelta(days=rng.randint(-90, 180)),
                status=status,
                rag=rng.choice(["red", "amber", "green", ""]),
                completed_on=today - datetime.timedelta(days=3) if status == "completed" else None,
            )
        )
    bulk_create_with_history(actions, Action, batch_size=1000, default_user=w.ada)
    all_actions = list(Action.objects.all())

    updates = [
        ProgressUpdate(
            action=a,
            author=w.olivia if a.lead_agency_id == w.wcc.pk else w.arjun,
            status=a.status,
            rag=a.rag,
            note=f"Progress note {k}",
            created_at=now - datetime.timedelta(days=rng.randint(0, 300)),
        )
        for a in all_actions
        for k in range(UPDATES_PER_ACTION)
    ]
    bulk_create_with_history(updates, ProgressUpdate, batch_size=2000, default_user=w.olivia)
    evidence = [
        Evidence(
            inspection=w.inspection,
            area=a.area,
            action=a,
            title=f"Evidence for {a.reference}",
            status=rng.choice(["received", "awaited"]),
            provided_by_agency=a.lead_agency,
            added_at=now - datetime.timedelta(days=rng.randint(0, 300)),
        )
        for a in all_actions
        for _ in range(2)
    ]
    bulk_create_with_history(evidence, Evidence, batch_size=2000, default_user=w.olivia)
    conclusions = [
        Conclusion(
            review=w.review,
            meeting=w.last_meeting,
            action=a,
            judgement=rng.choice(["satisfied", "not_satisfied"]),
            reasoning="The group heard evidence.",
            reached_on=w.last_meeting.date,
            recorded_by=w.maya,
        )
        for a in all_actions[::2]
    ]
    bulk_create_with_history(conclusions, Conclusion, batch_size=2000, default_user=w.maya)

    # Past versions of every action, spread over the last year, so "changes since the last meeting"
    # and every history panel have real depth to wade through.
    History = Action.history.model
    field_names = [f.attname for f in Action._meta.concrete_fields]
    rows = []
    for a in all_actions:
        existing = a.history.count() if len(all_actions) < 100 else 1
        for k in range(HISTORY_PER_ACTION - existing):
            values = {name: getattr(a, name) for name in field_names}
            values["rag"] = rng.choice(["red", "amber", "green", ""])
            values["version"] = k + 2
            rows.append(
                History(
                    **values,
                    history_date=now - datetime.timedelta(days=365 - k * 3.6, minutes=rng.randint(0, 600)),
                    history_type="~",
                    history_user=w.olivia if a.lead_agency_id == w.wcc.pk else w.arjun,
                )
            )
        if len(rows) >= 20000:
            History.objects.bulk_create(rows, batch_size=5000)
            rows = []
    History.objects.bulk_create(rows, batch_size=5000)
    _date_creation_as_it_happened(started, year_ago=now - datetime.timedelta(days=400))
    return {
        "actions": Action.objects.count(),
        "action_history": History.objects.count(),
        "history_rows": sum(
            m.objects.count()
            for m in (History, ProgressUpdate.history.model, Evidence.history.model, Conclusion.history.model)
        ),
        "review": w.review.pk,
        "last_meeting": w.last_meeting.pk,
        "next_meeting": w.next_meeting.pk,
        "inspection": w.inspection.pk,
        "action": w.wcc_action.pk,
        "agencies": Agency.objects.count(),
        "plans": ActionPlan.objects.count(),
    }


def _date_creation_as_it_happened(started, *, year_ago):
    """The bulk helper dates every record's first history row "now". The app would have written it when
    the record was made: the plan and its areas over a year ago (so the plan as it stood a month ago has
    them), each progress update and item of evidence when it was added, so the period since the last
    meeting holds the share of them a real plan would, not all of them."""
    from django.apps import apps
    from django.db.models import F

    dated_by = {ProgressUpdate: "created_at", Evidence: "added_at"}
    for model in apps.get_models():
        if not hasattr(model, "history") or not hasattr(model.history, "model"):
            continue
        created = model.history.model.objects.filter(history_type="+", history_date__gte=started)
        field = dated_by.get(model)
        created.update(history_date=F(field) if field else year_ago)
