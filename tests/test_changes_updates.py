"""The progress updates of the changes digest are counted per area in the database and only the newest
read: what the digest lists and counts agrees with the raw history, however many there are."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from actionplan.models import Action, ProgressUpdate
from scrutiny.review.reporting.changes import LINES_SHOWN, build_digest
from tests.factories import make_action, record_update

pytestmark = pytest.mark.django_db


def last_area(action_id):
    return Action.history.filter(id=action_id).order_by("-history_date", "-history_id").first().area_id


def test_the_updates_listed_and_counted_agree_with_the_history(world):
    since = timezone.now() - datetime.timedelta(minutes=1)
    moved = make_action(world.wcc_plan, world.area1, reference="1.9")
    removed = make_action(world.wcc_plan, world.area2, reference="2.9")
    for n in range(LINES_SHOWN + 4):
        record_update(world.olivia, world.wcc_action, note=f"Area 1 update {n}")
    for n in range(3):
        record_update(world.olivia, moved, note=f"Moved action update {n}")
        record_update(world.arjun, world.arden_action, note=f"Area 2 update {n}")
        record_update(world.olivia, removed, note=f"Removed action update {n}")
    moved = Action.objects.get(pk=moved.pk)
    moved.area = world.area2  # its updates now count under area 2, where the action is
    moved.save()
    Action.objects.get(pk=removed.pk).delete()  # what its updates said was still said

    digest = build_digest(inspection=world.inspection, review=world.review, since=since)

    rows = ProgressUpdate.history.filter(history_type="+", history_date__gt=since).order_by(
        "history_date", "history_id"
    )
    expected = Counter(last_area(row.action_id) for row in rows)
    assert expected == {world.area1.pk: LINES_SHOWN + 4, world.area2.pk: 9}
    for area_id, total in expected.items():
        group = digest.for_area(area_id)
        newest = [row.note for row in rows if last_area(row.action_id) == area_id][-LINES_SHOWN:]
        assert [line.detail for line in group.updates] == newest  # oldest first, the earliest left out
        assert group.hidden.get("updates", 0) == total - len(newest)
