"""Each recommendation's response is due from the report's dates, by its addressee's period; late ones are flagged."""

from datetime import date

import pytest
from django.urls import reverse

from scrutiny.review.models import Recommendation, Review

from .factories import receive_report, recommend, respond

pytestmark = pytest.mark.django_db
K = Recommendation.AddresseeKind


def test_nothing_is_due_until_the_report_is_received(world):
    recommendation = recommend(world)
    assert recommendation.response_due_on is None
    assert not recommendation.is_response_overdue(date(2030, 1, 1))


def test_the_response_is_due_two_months_beginning_with_the_day_the_executive_received_the_report(world):
    receive_report(
        world,
        report_to_committee_on=date(2012, 12, 4),
        report_received_on=date(2012, 12, 31),
    )
    recommendation = recommend(world)
    assert recommendation.response_due_on == date(2013, 2, 28)
    assert not recommendation.is_response_overdue(date(2013, 2, 28))
    assert recommendation.is_response_overdue(date(2013, 3, 1))


def test_a_later_notice_from_the_committee_starts_the_clock(world):
    receive_report(
        world,
        report_received_on=date(2013, 3, 5),
        committee_notice_on=date(2013, 3, 20),
    )
    assert recommend(world).response_due_on == date(2013, 5, 19)


def test_a_partner_body_gets_the_period_the_settings_give_it(world, settings):
    settings.RESPONSE_PERIOD_MONTHS = {"executive": 2, "council": 2, "partner": 3}
    receive_report(world, report_received_on=date(2013, 3, 5))
    assert recommend(world, addressee_kind=K.PARTNER).response_due_on == date(2013, 6, 4)
    assert recommend(world, addressee_kind=K.COUNCIL).response_due_on == date(2013, 5, 4)


@pytest.mark.parametrize(
    "outcome",
    [
        {"committee_decision": "agreed", "executive_response": "Accepted.", "executive_response_on": date(2013, 6, 1)},
        {"committee_decision": "not_agreed", "closed_on": date(2013, 3, 2)},
    ],
    ids=["a response stops it", "a closed one never is"],
)
def test_an_answered_or_closed_recommendation_is_not_overdue(world, outcome):
    receive_report(world, report_received_on=date(2013, 3, 5))
    recommendation = recommend(world)
    assert recommendation.is_response_overdue(date(2013, 7, 1))  # unanswered, it would be
    respond(world, recommendation, committee_decision_on=date(2013, 3, 1), **outcome)
    assert not recommendation.is_response_overdue(date(2013, 7, 1))


def test_the_clerk_records_the_reports_dates_and_the_page_shows_the_due_date_and_the_rule(client, world):
    recommendation = recommend(world)
    client.force_login(world.clara)
    url = reverse("report_dates_update", args=[world.review.pk])
    response = client.post(url, {"report_to_committee_on": "04/03/2013", "report_received_on": "05/03/2013"})
    assert response.status_code == 302
    review = Review.objects.get(pk=world.review.pk)
    assert review.report_received_on == date(2013, 3, 5)
    assert review.history.first().history_user == world.clara
    html = client.get(recommendation.get_absolute_url()).content.decode()
    assert "By 4 May 2013" in html
    assert "Response overdue" in html  # 2013 is long past and no response is recorded
    assert "received 5 March, due by 4 May" in html


def test_it_refuses_a_receipt_before_the_report_went_to_the_committee_next_to_the_field(client, world):
    client.force_login(world.clara)
    url = reverse("report_dates_update", args=[world.review.pk])
    response = client.post(url, {"report_to_committee_on": "05/03/2013", "report_received_on": "04/03/2013"})
    assert response.status_code == 200
    assert "cannot receive the report before it went to the committee" in response.content.decode()
    assert Review.objects.get(pk=world.review.pk).report_received_on is None


def test_the_addressee_kind_is_chosen_when_adding_a_recommendation(client, world):
    client.force_login(world.maya)
    page = client.get(reverse("recommendation_add", args=[world.review.pk])).content.decode()
    assert 'name="addressee_kind"' in page and "A partner body" in page
    client.post(
        reverse("recommendation_add", args=[world.review.pk]),
        {
            "kind": "recommendation",
            "text": "Ask the NHS cluster.",
            "addressed_to": "NHS Arden",
            "addressee_kind": "partner",
        },
    )
    assert Recommendation.objects.get().addressee_kind == K.PARTNER
