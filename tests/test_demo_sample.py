"""The demo's live sample (Herefordshire 2014, dated from today) beside the Warwickshire demo: what a
user of a freshly loaded demo would notice."""

import datetime

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.utils import timezone

from actionplan.models import Action, Area, Inspection, Judgement, ProgressUpdate, TargetDateChange
from scrutiny.people.models import User
from scrutiny.review.demo import LONDON
from scrutiny.review.demo_sample import load_sample_portfolio
from scrutiny.review.models import Meeting, Review
from scrutiny.review.reporting.changes import build_digest
from scrutiny.review.reporting.scope import end_of_meeting, previous_meeting

from .demo_helpers import PASSWORD, load_demo_twice, tracked_models

pytestmark = pytest.mark.django_db

SAMPLE_TITLE = "Herefordshire Council children's services inspection 2014 (sample data)"


@pytest.fixture
def sample():
    call_command("load_demo", "--quiet")
    return load_sample_portfolio()  # already loaded: returns what the command loaded


def test_the_sample_is_labelled_as_sample_data(sample):
    assert sample.inspection.title == SAMPLE_TITLE
    assert "(sample data)" in sample.review.title
    assert sample.review.inspection == sample.inspection
    assert sample.review.state == Review.State.GATHERING_EVIDENCE


def test_its_areas_are_the_reports_local_authority_recommendations_17_to_44(sample):
    areas = Area.objects.filter(inspection=sample.inspection)
    assert sorted(areas.values_list("number", flat=True)) == list(range(17, 45))
    assert areas.get(number=42).text == "Ensure that all care leavers receive a copy of their health records."
    # The report prints no theme sub-headings for Herefordshire, so none is invented.
    assert not areas.filter(theme__isnull=False).exists()
    grades = dict(Judgement.objects.filter(inspection=sample.inspection).values_list("aspect", "grade"))
    assert grades["Adoption performance"] == "good"
    assert grades["Overall effectiveness (children’s services)"] == "requires_improvement"
    assert len(grades) == 7


def test_the_real_plan_row_is_an_action_and_the_others_say_the_source_gives_none(sample):
    actions = Action.objects.for_inspection(sample.inspection)
    real = actions.get(reference="1")
    assert real.area.number == 17
    assert real.description == "Caseloads for CiN and LAC teams remain at 16-18 cases on average per social worker"
    assert real.timescale_text == "Ongoing" and real.target_date is None
    assert real.lead_officer_role == "Assistant Director, Safeguarding and Family Support"
    placeholders = actions.exclude(pk=real.pk)
    assert placeholders.count() == 3
    for action in placeholders:
        assert action.description.startswith("Placeholder (sample data): the published sources give no action")


def test_the_member_and_the_clerk_sit_on_both_reviews(sample):
    assert Review.objects.count() == 2
    for username in ("member", "clerk"):
        user = User.objects.get(username=username)
        assert all(user.is_on_review(review) for review in Review.objects.all()), username
        assert user.can_write_review(sample.review)


def test_the_sample_officer_signs_in_and_leads_only_the_sample_actions(sample):
    officer = authenticate(username="hc.officer", password=PASSWORD)
    assert officer is not None and officer.role == "officer"
    assert officer.agency.name == "Herefordshire Council"
    led = Action.objects.for_agency(officer.agency)
    assert set(led) == set(Action.objects.for_inspection(sample.inspection))
    assert all(officer.can_edit_action(action) for action in led)
    assert not any(officer.can_edit_action(action) for action in Action.objects.exclude(lead_agency=officer.agency))


def test_meetings_are_dated_from_today_with_one_past_and_one_to_come(sample):
    today = timezone.localdate()
    meetings = Meeting.objects.filter(review=sample.review)
    last, upcoming = meetings.past().first(), meetings.upcoming().first()
    assert last.date == today - datetime.timedelta(days=21)
    assert upcoming.date == today + datetime.timedelta(days=10)
    assert {a.status for a in upcoming.attendance.all()} == {"invited"}
    assert {a.person.user.username for a in last.attendance.all()} == {"member", "clerk"}


def test_the_sample_review_has_overdue_due_soon_and_changed_actions(sample):
    today = timezone.localdate()
    actions = Action.objects.for_inspection(sample.inspection)
    next_meeting = Meeting.objects.filter(review=sample.review).upcoming().first()
    assert actions.overdue().exists()
    assert actions.due_before(next_meeting.date).filter(target_date__gte=today).exists()
    last = previous_meeting(sample.review)
    digest = build_digest(inspection=sample.inspection, review=sample.review, since=end_of_meeting(last))
    lines = [line for group in digest.groups for line in group.actions + group.updates]
    assert {line.what for line in lines} >= {"RAG rating", "Target date"}
    assert {line.who for line in lines} == {"Herefordshire sample officer"}


def test_updates_since_the_last_meeting_went_through_the_service_with_their_history(sample):
    officer = User.objects.get(username="hc.officer")
    last = previous_meeting(sample.review)
    updates = ProgressUpdate.objects.filter(action__plan__inspection=sample.inspection)
    assert updates.count() == 2
    for update in updates:
        assert update.author == officer and update.created_at > end_of_meeting(last)
        assert update.history.get().history_user == officer
    (move,) = TargetDateChange.objects.filter(action__plan__inspection=sample.inspection)
    assert move.changed_by == officer and move.reason.startswith("Sample data: the sources give no reason")
    assert move.new_date - move.old_date == datetime.timedelta(days=42)
    action = move.action
    assert action.history.latest().history_user == officer and action.history.earliest().history_user is None


def test_every_sample_record_has_history_and_the_warwickshire_history_stays_in_2012(sample):
    for model in tracked_models():
        created = set(model.history.filter(history_type="+").values_list(model._meta.pk.attname, flat=True))
        assert created == set(model._default_manager.values_list("pk", flat=True)), model._meta.label
    warwickshire = Inspection.objects.exclude(pk=sample.inspection.pk).get()
    assert not warwickshire.history.filter(history_date__gte=datetime.datetime(2013, 1, 1, tzinfo=LONDON)).exists()
    assert not Area.history.filter(inspection_id=warwickshire.pk, history_date__year__gte=2013).exists()
    assert not Action.history.filter(area__inspection=warwickshire).filter(history_date__year__gte=2013).exists()


def test_loading_the_demo_twice_duplicates_nothing_and_lists_the_sample_login():
    first, second = load_demo_twice()
    assert "Loaded the sample" in first
    assert "sample is already loaded" in second
    assert Inspection.objects.filter(title=SAMPLE_TITLE).count() == 1
    for output in (first, second):
        assert "hc.officer" in output and "member" in output


def test_it_refuses_clearly_when_the_sample_sign_in_or_council_already_exists():
    call_command("load_demo", "--quiet")
    inspection = Inspection.objects.get(title=SAMPLE_TITLE)
    inspection.title = "Renamed by an administrator"
    inspection.save()
    with pytest.raises(CommandError, match="usernames already exist.*hc.officer"):
        call_command("load_demo", "--quiet")
    officer = User.objects.get(username="hc.officer")
    officer.username = "hc.officer.old"
    officer.save()
    with pytest.raises(CommandError, match="Herefordshire Council"):
        call_command("load_demo", "--quiet")
    assert Inspection.objects.filter(title=SAMPLE_TITLE).count() == 0


def test_the_demo_member_sees_both_inspections_and_both_reviews_on_the_home_page(sample, client):
    from html import escape

    from django.urls import reverse

    client.force_login(User.objects.get(username="member"))
    page = client.get(reverse("home")).content.decode()
    for review in Review.objects.all():
        assert escape(review.title) in page
        assert reverse("review_detail", args=[review.pk]) in page
    for inspection in Inspection.objects.all():
        assert reverse("inspection_detail", args=[inspection.pk]) in page
