"""The demo's recommendations: the Warwickshire report's five say what dates the report gives and where it is silent;
the live sample review has one at each point of the cycle."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from scrutiny.review.demo_sample import load_sample_portfolio
from scrutiny.review.models import Recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample():
    call_command("load_demo", "--quiet")
    return load_sample_portfolio()


def test_the_warwickshire_five_say_the_report_gives_6_december_2012_and_is_silent_on_the_rest(sample, client):
    rows = Recommendation.objects.exclude(review=sample.review)
    assert rows.count() == 5
    for recommendation in rows:
        assert "6 December 2012" in recommendation.dates_note
        assert "does not say when the report went to" in recommendation.dates_note
        assert recommendation.response_due_on is None
        assert recommendation.rag().colour == "grey"
    client.login(username="clerk", password="scrutiny-demo-2012")
    page = client.get(rows.get(kind="observation", number=2).get_absolute_url()).content.decode()
    assert "Where the dates come from" in page and "Not a formal recommendation (section 3.0)" in page


def test_the_sample_review_has_one_overdue_one_awaiting_and_one_accepted_and_linked(sample, client):
    today = timezone.localdate()
    items = {r.number: r for r in Recommendation.objects.filter(review=sample.review).with_monitoring()}
    overdue, awaiting, accepted = items[1], items[2], items[3]
    assert overdue.is_response_overdue(today) and overdue.rag(today).colour == "red"
    assert not awaiting.is_response_overdue(today) and awaiting.executive_response_on is None
    assert awaiting.response_due_on > today + datetime.timedelta(days=30)
    assert accepted.response == "accepted" and accepted.rag(today).colour == "green"
    assert {a.reference for a in accepted.actions.all()} == {"1", "Sample 1"}
    assert accepted.updates_received == 1 and accepted.next_update_due_on > today
    assert accepted.history.first().history_user.username == "clerk"

    client.login(username="member", password="scrutiny-demo-2012")
    page = client.get("/recommendations/register/", {"review": sample.review.pk}).content.decode()
    assert page.count(">Overdue<") == 1
    assert "Sample 1" in page  # the linked action's progress shows on the register


def test_the_sample_recommendations_were_agreed_by_the_committee_before_the_executive_answered(sample, client):
    # Not "Awaiting the committee" beside an executive's response: the committee agreed them the day the report
    # went to it, and the register says where each stands.
    for recommendation in Recommendation.objects.filter(review=sample.review):
        assert recommendation.committee_decision == "agreed"
        assert recommendation.committee_decision_on == sample.review.report_to_committee_on
    client.login(username="member", password="scrutiny-demo-2012")
    items = client.get("/recommendations/register/", {"review": sample.review.pk}).context["items"]
    assert sorted(item.status_label for item in items) == [
        "Awaiting the response",
        "Awaiting the response",
        "Responded",
    ]
