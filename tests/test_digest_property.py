"""Random creates, updates and deletes at random moments: the changes digest and the plan as it stood
agree with the raw history tables, whatever the order of events.

Each example runs in a savepoint that is rolled back, so examples never see each other's records."""

import datetime
from collections import Counter

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from actionplan.models import Action, Evidence
from scrutiny.review.models import Conclusion
from scrutiny.review.reporting.changes import build_digest
from scrutiny.review.reporting.past import plan_as_at

pytestmark = pytest.mark.django_db

KINDS = ("action", "evidence", "conclusion")
# Few enough that no area's list is cut short (LINES_SHOWN), so every line is listed.
STEPS = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.sampled_from(("create", "update", "delete")),
        st.integers(0, 5),  # which of the kind's live records
        st.integers(0, 6 * 24 * 60),  # minutes after the start of the story
        st.sampled_from(("olivia", "arjun", "clara")),
    ),
    max_size=12,
)
# What each removal reads as, and what each addition reads as, in the digest.
REMOVED = {Action: "Action removed from the plan", Evidence: "Evidence removed", Conclusion: "Conclusion withdrawn"}
ADDED = {
    Action: ("Added to the plan",),
    Evidence: ("Evidence received", "Evidence requested"),
    Conclusion: ("Conclusion recorded",),
}


def act(world, live, kind, operation, pick, user, when):
    records = live[kind]
    if operation != "create" and not records:
        return
    area = (world.area1, world.area2)[pick % 2]
    if operation == "create":
        if kind == "action":
            record = Action(
                plan=world.wcc_plan, area=area, lead_agency=world.wcc, reference=f"9.{pick}", description="Random"
            )
        elif kind == "evidence":
            record = Evidence(inspection=world.inspection, area=area, title=f"Random {pick}")
        else:
            record = Conclusion(
                review=world.review, meeting=world.last_meeting, area=area, judgement="satisfied", reasoning="Random"
            )
        records.append(record)
    else:
        record = records[pick % len(records)]
    record._history_date, record._history_user = when, user
    if operation == "delete":
        records.remove(record)
        record.delete()
        return
    if operation == "update":
        if kind == "action":
            record.status = "not_started" if record.status == "in_progress" else "in_progress"
        elif kind == "evidence":
            received = record.status != Evidence.Status.RECEIVED
            record.status = Evidence.Status.RECEIVED if received else Evidence.Status.AWAITED
            record.received_on = when.date() if received else None
        else:
            record.judgement = "not_satisfied" if record.judgement == "satisfied" else "satisfied"
    record.save()


COUNTED = {*REMOVED.values(), *(what for whats in ADDED.values() for what in whats)}


def lines_by_what(digest) -> Counter:
    """(what, who) of each addition and removal the digest lists."""
    return Counter(
        (line.what, line.who)
        for group in digest.groups
        for name in ("actions", "evidence_received", "conclusions")
        for line in getattr(group, name)
        if line.what in COUNTED
    )


def name_of(user) -> str:
    if user is None:
        return "System"
    person = getattr(user, "person", None)
    return person.name if person else (user.get_full_name() or user.username)


def expected_from_history(since, until) -> Counter:
    expected = Counter()
    for model in (Action, Evidence, Conclusion):
        rows = model.history.filter(history_date__gt=since, history_date__lte=until).select_related("history_user")
        for row in rows:
            who = name_of(row.history_user)
            if row.history_type == "-":
                expected[(REMOVED[model], who)] += 1
            elif row.history_type == "+":
                what = ADDED[model][0]
                if model is Evidence and row.status != Evidence.Status.RECEIVED:
                    what = ADDED[model][1]
                expected[(what, who)] += 1
    return expected


def plan_from_history(moment) -> dict:
    """Each action's status at `moment`, worked out in Python from every history row."""
    latest = {}
    for row in Action.history.order_by("history_date", "history_id"):
        if row.history_date <= moment:
            latest[row.id] = row
    return {pk: row.status for pk, row in latest.items() if row.history_type != "-"}


@settings(
    max_examples=50,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS, cut=st.integers(0, 6 * 24 * 60))
# Always tried: each kind added, changed and removed within the period, by different people.
@example(
    steps=[
        (kind, operation, 0, 2 * 24 * 60 + offset, who)
        for kind in KINDS
        for operation, offset, who in (("create", 0, "olivia"), ("update", 10, "arjun"), ("delete", 20, "clara"))
    ],
    cut=2 * 24 * 60 + 15,
)
def test_the_digest_and_the_plan_as_it_stood_agree_with_the_history(world, steps, cut):
    # The story starts after the world was made, so its areas and plans stood throughout.
    start = timezone.now() + datetime.timedelta(minutes=1)
    since, until = start + datetime.timedelta(days=1), start + datetime.timedelta(days=5)
    users = {"olivia": world.olivia, "arjun": world.arjun, "clara": world.clara}
    with transaction.atomic():
        live = {kind: [] for kind in KINDS}
        # In time order: history never rewinds.
        for kind, operation, pick, minutes, who in sorted(steps, key=lambda step: step[3]):
            when = start + datetime.timedelta(minutes=minutes)
            act(world, live, kind, operation, pick, users[who], when)

        digest = build_digest(inspection=world.inspection, review=world.review, since=since, until=until)
        assert lines_by_what(digest) == expected_from_history(since, until)

        moment = start + datetime.timedelta(minutes=cut)
        stood = plan_as_at(inspection=world.inspection, moment=moment)
        shown = {action.id: action.status for area in stood.areas for action in area.actions}
        assert shown == plan_from_history(moment)
        transaction.set_rollback(True)
