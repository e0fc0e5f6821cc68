"""The digest and the pack tell removals as removals, name areas by number, and bound a same-day meeting."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Area, Evidence, ProgressUpdate
from scrutiny.review.models import Conclusion, Meeting
from scrutiny.review.reporting.prep import build_pack
from scrutiny.review.reporting.scope import end_of_meeting

from .bulkdata import save_at
from .test_changes_since import change_rows, get, section

pytestmark = pytest.mark.django_db


def before_last_meeting(world, days=3):
    return timezone.make_aware(datetime.datetime.combine(world.last_meeting.date, datetime.time(9))) - (
        datetime.timedelta(days=days)
    )


def delete_as(obj, user):
    """Delete now (not at the date save_at left on the instance), as `user`."""
    obj.__dict__.pop("_history_date", None)
    obj._history_user = user
    obj.delete()


def test_the_digest_shows_a_removed_evidence_item_as_removed_with_who_and_when(client, world, maya):
    evidence = save_at(
        Evidence(
            inspection=world.inspection,
            action=world.wcc_action,
            title="Caseload report",
            status=Evidence.Status.RECEIVED,
            received_on=world.last_meeting.date,
        ),
        before_last_meeting(world),
        world.olivia,
    )
    delete_as(evidence, world.olivia)

    rows = change_rows(section(get(client, maya).content.decode(), "Area 1 (Safeguarding)"))
    removals = [row for row in rows if row[0] == "Caseload report"]
    assert len(removals) == 1
    subject, what, before, after, who = removals[0]
    assert (what, before, after) == ("Evidence removed", "Received", "Removed")
    assert who.endswith(", Olivia Okafor") and who.startswith(f"{timezone.localdate():%-d %b %Y}, ")


def test_a_deleted_conclusion_is_withdrawn_and_names_its_area_by_number(client, world, maya):
    area = Area.objects.create(inspection=world.inspection, number=12, theme=world.safeguarding, text="Area twelve")
    assert area.pk != 12
    conclusion = save_at(
        Conclusion(review=world.review, meeting=world.last_meeting, area=area, judgement="satisfied", reasoning="Ok"),
        before_last_meeting(world),
        world.olivia,
    )
    delete_as(conclusion, world.olivia)

    rows = change_rows(section(get(client, maya).content.decode(), "Area 12 (Safeguarding)"))
    assert [row[:4] for row in rows] == [("Area 12", "Conclusion withdrawn", "Satisfied", "Removed")]
    assert rows[0][4].endswith(", Olivia Okafor")


def test_a_conclusion_recorded_and_withdrawn_in_the_period_shows_both(client, world, maya):
    conclusion = Conclusion(
        review=world.review, meeting=world.last_meeting, action=world.wcc_action, judgement="satisfied", reasoning="Ok"
    )
    conclusion.save()
    delete_as(conclusion, world.olivia)

    whats = [row[1] for row in change_rows(section(get(client, maya).content.decode(), "Area 1 (Safeguarding)"))]
    assert [what for what in whats if what.startswith("Conclusion")] == [
        "Conclusion recorded Ok",
        "Conclusion withdrawn",
    ]


def test_a_deleted_action_is_removed_from_the_plan_in_the_pack_too(client, world, maya):
    world.next_meeting.areas.add(world.area2)
    delete_as(world.arden_action, world.olivia)

    client.force_login(maya)
    page = client.get(reverse("prep_pack", args=[world.review.pk, world.next_meeting.pk])).content.decode()
    rows = change_rows(page[page.index("Area 2: Health") :])
    assert rows[-1][:4] == ("Action 2.1", "Action removed from the plan", "In progress", "Removed")
    assert rows[-1][4].endswith(", Olivia Okafor")


def test_a_meeting_without_an_end_time_is_taken_to_end_two_hours_after_it_starts(world):
    day = world.last_meeting.date
    meeting = Meeting(review=world.review, title="Morning", date=day, start_time=datetime.time(10))
    assert end_of_meeting(meeting) == timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    meeting.start_time = datetime.time(23)
    assert end_of_meeting(meeting) == timezone.make_aware(datetime.datetime.combine(day, datetime.time.min)) + (
        datetime.timedelta(days=1)
    )


def test_a_pack_after_a_meeting_held_earlier_the_same_day_starts_at_its_end(world):
    day = world.last_meeting.date - datetime.timedelta(days=2)

    def at(hour):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    morning = Meeting.objects.create(review=world.review, title="Morning", date=day, start_time=datetime.time(9))
    afternoon = Meeting.objects.create(
        review=world.review, title="Afternoon", date=day, start_time=datetime.time(14), end_time=datetime.time(16)
    )
    for hour, status in ((10, "not_started"), (15, "in_progress"), (17, "not_started")):
        save_at(world.wcc_action, at(hour), world.olivia, status=status)

    pack = build_pack(afternoon)
    assert pack.previous == morning
    assert pack.since == at(11)
    lines = [(line.old, line.new) for line in pack.digest.for_area(world.area1.pk).actions]
    assert lines == [("Not started", "In progress")]  # not the change during the morning meeting nor after 16:00


def test_a_deleted_actions_progress_updates_stay_in_its_area(client, world, maya):
    ProgressUpdate(action=world.arden_action, author=world.arjun, status="in_progress", note="Audit half done").save()
    delete_as(world.arden_action, world.olivia)

    rows = change_rows(section(get(client, maya).content.decode(), "Area 2 (Health)"))
    assert [row[:2] for row in rows if "Audit half done" in " ".join(row)] == [
        ("Action", "Progress update Audit half done")
    ]
