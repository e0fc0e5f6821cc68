"""The plan as it stood, and the changes digest, agree with the history at known moments."""

import datetime

import pytest
from django.urls import reverse

from actionplan.models import Action
from scrutiny.people.models import User
from scrutiny.review.demo import load_demo
from scrutiny.review.models import Meeting
from scrutiny.review.reporting.changes import build_digest
from scrutiny.review.reporting.past import plan_as_at
from scrutiny.review.reporting.scope import end_of_day

from .bulkdata import at, save_at
from .factories import first_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return load_demo()


@pytest.fixture
def summer_changes(demo):
    """Action 2.1 (Arden Cluster) changed at known times in summer 2012, some with no update written."""
    officer = User.objects.get(username="arden.officer")
    action = Action.objects.get(reference="2.1")
    save_at(action, at("2012-06-10"), officer, rag=Action.Rag.AMBER)
    save_at(action, at("2012-07-01"), officer, target_date=datetime.date(2013, 1, 31))
    save_at(action, at("2012-08-15"), officer, rag=Action.Rag.RED)
    return demo, action


def state(plan, reference):
    return next(a for area in plan.areas for a in area.actions if a.reference == reference)


def test_the_past_view_gives_the_values_of_each_day(summer_changes):
    demo, action = summer_changes
    on_30_may = plan_as_at(inspection=demo.inspection, moment=end_of_day(datetime.date(2012, 5, 30)))
    assert (state(on_30_may, "2.1").rag, state(on_30_may, "2.1").target_date) == ("", datetime.date(2012, 10, 31))
    assert state(on_30_may, "11.1").status == Action.Status.IN_PROGRESS  # completed only on 6 December
    assert len(on_30_may.areas) == 20 and on_30_may.action_count == 16

    on_1_july = plan_as_at(inspection=demo.inspection, moment=end_of_day(datetime.date(2012, 7, 1)))
    assert (state(on_1_july, "2.1").rag, state(on_1_july, "2.1").target_date) == ("amber", datetime.date(2013, 1, 31))

    before_actions = plan_as_at(inspection=demo.inspection, moment=end_of_day(datetime.date(2012, 5, 10)))
    assert before_actions.action_count == 4  # areas 3, 4, 6 and 8 on 8 May; health's came on 14 May
    assert "11.1" not in [a.reference for area in before_actions.areas for a in area.actions]


def test_the_digest_and_the_past_view_agree_with_the_history(summer_changes):
    demo, action = summer_changes
    since, until = end_of_day(datetime.date(2012, 6, 1)), end_of_day(datetime.date(2012, 8, 31))
    digest = build_digest(inspection=demo.inspection, review=demo.inspection.reviews.get(), since=since, until=until)
    lines = digest.for_area(action.area_id).actions
    assert [(line.what, line.old, line.new) for line in lines] == [
        ("RAG rating", "Not rated", "Amber"),
        ("Target date", "31 October 2012", "31 January 2013"),
        ("RAG rating", "Amber", "Red"),
    ]
    assert "Moved 92 days later" in lines[1].detail
    assert {line.who for line in lines} == {"Jackie Channell"}

    # Each line's "before" is the past view at the start of the period, its "after" the view at the end.
    before = state(plan_as_at(inspection=demo.inspection, moment=since), "2.1")
    after = state(plan_as_at(inspection=demo.inspection, moment=until), "2.1")
    assert lines[0].old == dict(Action.Rag.choices)[before.rag]
    assert lines[-1].new == dict(Action.Rag.choices)[after.rag]
    assert lines[1].new == f"{after.target_date:%-d %B %Y}"
    # and history as django-simple-history itself reads it
    assert Action.history.as_of(until).get(pk=action.pk).rag == after.rag == "red"


def test_a_period_after_a_change_does_not_show_it(summer_changes):
    demo, action = summer_changes
    digest = build_digest(
        inspection=demo.inspection,
        review=demo.inspection.reviews.get(),
        since=end_of_day(datetime.date(2012, 7, 2)),
        until=end_of_day(datetime.date(2012, 8, 31)),
    )
    assert [(line.what, line.old, line.new) for line in digest.for_area(action.area_id).actions] == [
        ("RAG rating", "Amber", "Red"),
    ]


def test_the_page_is_labelled_as_a_past_view(client, summer_changes):
    client.force_login(User.objects.get(username="member"))
    response = client.get(reverse("plan_as_at", args=[first_review().pk]), {"date": "2012-05-30"})
    text = response.content.decode()
    assert "This is the plan as it stood on 30 May 2012." in text
    assert "31 October 2012" in text and "31 January 2013" not in text


def test_a_meeting_gives_the_plan_at_the_end_of_that_meeting(client, demo):
    interim = Meeting.objects.get(date="2012-05-30")
    client.force_login(User.objects.get(username="member"))
    response = client.get(reverse("plan_as_at", args=[first_review().pk]), {"meeting": interim.pk})
    assert response.context["plan"].day == datetime.date(2012, 5, 30)
    # The meeting's title is in the list to choose from anyway: the banner must name it.
    assert (
        "This is the plan as it stood on 30 May 2012, at the end of the meeting “Agreement of interim report”."
        in response.content.decode()
    )


def test_a_date_in_the_future_gets_an_error_next_to_the_field(client, demo):
    client.force_login(User.objects.get(username="member"))
    response = client.get(reverse("plan_as_at", args=[first_review().pk]), {"date": "2199-01-01"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Enter a date that is today or in the past" in text
    assert "govuk-error-summary" in text and response.context["plan"] is None


def test_without_a_date_it_asks_for_one(client, demo):
    client.force_login(User.objects.get(username="member"))
    response = client.get(reverse("plan_as_at", args=[first_review().pk]))
    assert "Choose a meeting or a date" in response.content.decode()
