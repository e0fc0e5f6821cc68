"""Recommendations and observations: numbered, addressed, then the committee's and executive's response."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from scrutiny.review.models import Recommendation
from scrutiny.review.services.recommendations import update_recommendation

from .factories import first_review, recommend

pytestmark = pytest.mark.django_db
D = Recommendation.Decision


@pytest.fixture
def recommendation(world):
    return recommend(
        world,
        "To endorse the overall conclusion of the Task & Finish Group.",
        addressed_to="Children and Young People Overview & Scrutiny Committee",
    )


def response_data(**overrides):
    data = {"committee_decision": D.PENDING, "implementation": "not_started"}
    data.update(overrides)
    return data


def post_response(client, recommendation, **fields):
    url = reverse("recommendation_update", args=[recommendation.review_id, recommendation.pk])
    return client.post(url, response_data(**fields))


def test_the_list_shows_recommendations_and_observations_with_their_state(client, world, recommendation):
    recommend(world, "A more joined-up approach.", kind="observation", addressed_to="The committee")
    client.force_login(world.olivia)
    response = client.get(reverse("recommendation_list", args=[first_review().pk]))
    html = response.content.decode()
    assert [str(r) for r in response.context["recommendations"]] == ["Recommendation 1"]
    assert [str(r) for r in response.context["observations"]] == ["Observation 1"]
    assert html.count("Awaiting the committee") == 2
    assert "Add a recommendation" not in html  # officers read only


def test_numbers_follow_on_within_the_review_and_kind(client, world, recommendation):
    client.force_login(world.maya)
    client.post(
        reverse("recommendation_add", args=[first_review().pk]),
        {"kind": "recommendation", "text": "Share information.", "addressed_to": "X"},
    )
    client.post(
        reverse("recommendation_add", args=[first_review().pk]),
        {"kind": "observation", "text": "Link with the WSCB.", "addressed_to": "X"},
    )
    assert sorted(Recommendation.objects.values_list("kind", "number")) == [
        ("observation", 1),
        ("recommendation", 1),
        ("recommendation", 2),
    ]


def test_the_committees_response_is_recorded_with_its_history(client, world, recommendation):
    client.force_login(world.clara)
    response = post_response(
        client,
        recommendation,
        committee_decision=D.AGREED,
        committee_decision_on="2012-12-12",
        committee_notes="Endorsed unanimously.",
        executive_response="Typed where it has no field.",
        executive_response_on="2013-01-15",
        implementation="in_progress",
        implementation_notes="Meeting with Coventry arranged.",
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.committee_decision == D.AGREED and str(recommendation.committee_decision_on) == "2012-12-12"
    latest = recommendation.history.first()
    assert latest.history_user == world.clara and latest.history_type == "~"
    page = client.get(response["Location"]).content.decode()
    assert "Agreed" in page and "12 December 2012" in page
    # The executive's response is recorded on its own page (the clerk's), never through this one.
    assert recommendation.executive_response == "" and recommendation.executive_response_on is None
    assert "Typed where it has no field." not in page
    assert "Implementation: in progress" in page
    assert "Committee&#x27;s decision" in page and "Awaiting the committee" in page  # the change, in the history panel


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"committee_decision": D.AGREED}, "committee_decision_on", "Give the date of the committee's decision."),
        ({"committee_decision_on": "2012-12-12"}, "committee_decision", "Choose the committee's decision"),
        ({"closed_on": "2013-01-01"}, "closed_on", "cannot be closed while it awaits"),
        ({"committee_decision": D.AGREED, "committee_decision_on": "2012-13-45"}, "committee_decision_on", "real date"),
    ],
)
def test_inconsistent_responses_get_an_error_next_to_the_field(client, world, recommendation, data, field, message):
    client.force_login(world.maya)
    response = post_response(client, recommendation, **data)
    assert response.status_code == 200
    assert any(message in e for e in response.context["form"].errors[field])
    assert "<title>Error:" in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.committee_decision == D.PENDING and recommendation.history.count() == 1


def test_a_recommendation_is_closed_once_implemented(client, world, recommendation):
    client.force_login(world.maya)
    post_response(
        client,
        recommendation,
        committee_decision=D.AGREED,
        committee_decision_on="2012-12-12",
        implementation="implemented",
        closed_on="2013-06-01",
    )
    recommendation.refresh_from_db()
    assert recommendation.is_closed
    assert "Closed 1 Jun 2013" in client.get(reverse("recommendation_list", args=[first_review().pk])).content.decode()


def test_the_demo_has_three_recommendations_and_two_observations_awaiting_the_committee(client, db):
    from scrutiny.review.demo import load_demo

    load_demo()
    from scrutiny.people.models import User

    client.force_login(User.objects.get(username="member"))
    response = client.get(reverse("recommendation_list", args=[first_review().pk]))
    assert [r.number for r in response.context["recommendations"]] == [1, 2, 3]
    assert [r.number for r in response.context["observations"]] == [1, 2]
    assert "common approach to sharing child protection information" in response.content.decode()


def test_a_decision_after_the_executives_response_gets_an_error_on_the_page(client, world, recommendation):
    update_recommendation(
        actor=world.clara,
        recommendation=recommendation,
        committee_decision=D.AGREED,
        committee_decision_on=datetime.date(2012, 12, 12),
        executive_response="Yes.",
        executive_response_on=datetime.date(2013, 1, 15),
    )
    client.force_login(world.maya)
    response = post_response(client, recommendation, committee_decision=D.AGREED, committee_decision_on="2013-02-01")
    assert response.status_code == 200
    assert "cannot come before the committee" in " ".join(response.context["form"].non_field_errors())
    recommendation.refresh_from_db()
    assert recommendation.committee_decision_on == datetime.date(2012, 12, 12)


@pytest.mark.parametrize(
    "values,field,message",
    [
        ({"executive_response": "Yes."}, "executive_response_on", "Give the date of the executive's response."),
        (
            {"executive_response": "Yes.", "executive_response_on": datetime.date(2012, 11, 1)},
            "executive_response_on",
            "cannot come before the committee",
        ),
    ],
)
def test_the_service_refuses_an_inconsistent_response_from_any_door(world, recommendation, values, field, message):
    with pytest.raises(ValidationError) as refused:
        update_recommendation(
            actor=world.clara,
            recommendation=recommendation,
            committee_decision=D.AGREED,
            committee_decision_on=datetime.date(2012, 12, 12),
            **values,
        )
    assert any(message in m for m in refused.value.message_dict[field])
