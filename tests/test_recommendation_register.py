"""One register of recommendations and observations across every review a person may see."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from scrutiny.review.models import Recommendation

from .factories import add_second_inspection, receive_report, recommend, respond
from .query_helpers import queries_of

pytestmark = pytest.mark.django_db
REGISTER = "/recommendations/register/"


@pytest.fixture
def second(world):
    return add_second_inspection(world)


@pytest.fixture
def register(world, second):
    """A report of December 2012 received 31 December: responses due 28 February 2013, long past."""
    receive_report(
        world,
        report_to_committee_on=date(2012, 12, 4),
        report_received_on=date(2012, 12, 31),
    )
    late = recommend(world, "Publish caseloads.")
    answered = recommend(world, "Train the staff.", addressee_kind="partner")
    respond(
        world,
        answered,
        committee_decision="agreed",
        committee_decision_on=date(2013, 1, 10),
        executive_response="Accepted.",
        executive_response_on=date(2013, 2, 1),
    )
    observation = recommend(world, "A joined-up approach.", kind="observation")
    elsewhere = recommend(world, "Audit every plan.", review=second.review)
    hidden = recommend(world, "Mark's review only.", review=world.other_review)
    return {"late": late, "answered": answered, "observation": observation, "elsewhere": elsewhere, "hidden": hidden}


def texts(response):
    return [item.text for item in response.context["items"]]


def test_a_member_sees_every_recommendation_of_both_her_reviews_and_none_of_others(client, world, register):
    client.force_login(world.maya)
    response = client.get(REGISTER)
    assert sorted(texts(response)) == sorted(
        ["Publish caseloads.", "Train the staff.", "A joined-up approach.", "Audit every plan."]
    )
    html = response.content.decode()
    assert "2012/13-R1" in html and "2012/13-R2" in html and "2012/13-O1" in html
    assert "28 Feb 2013" in html
    assert html.count(">Overdue<") == 2  # the unanswered recommendation and observation


def test_a_member_of_another_review_sees_only_its_recommendations(client, world, register):
    client.force_login(world.mark)
    assert texts(client.get(REGISTER)) == ["Mark's review only."]


def test_it_filters_by_review_addressee_status_and_overdue(client, world, second, register):
    client.force_login(world.maya)
    assert texts(client.get(REGISTER, {"review": second.review.pk})) == ["Audit every plan."]
    assert texts(client.get(REGISTER, {"addressee_kind": "partner"})) == ["Train the staff."]
    assert texts(client.get(REGISTER, {"status": "responded"})) == ["Train the staff."]
    assert sorted(texts(client.get(REGISTER, {"status": "awaiting_committee"}))) == [
        "A joined-up approach.",
        "Audit every plan.",
        "Publish caseloads.",
    ]
    assert sorted(texts(client.get(REGISTER, {"overdue": "on"}))) == ["A joined-up approach.", "Publish caseloads."]


def test_a_review_she_cannot_see_is_refused_next_to_the_field(client, world, register):
    client.force_login(world.maya)
    response = client.get(REGISTER, {"review": world.other_review.pk, "status": "nonsense"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a review from the list" in html
    assert "Choose from the list" in html
    assert "Mark's review only." not in html


def test_it_exports_what_is_filtered_to_csv_and_excel(client, world, register):
    client.force_login(world.maya)
    csv = client.get(reverse("recommendation_register_export", args=["csv"]), {"overdue": "on"})
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode("utf-8-sig")
    assert "2012/13-R1" in body and "Publish caseloads." in body and "28/02/2013" in body
    assert "Train the staff." not in body
    xlsx = client.get(reverse("recommendation_register_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "Reference"
    assert {row[3] for row in rows[1:]} == {
        "Publish caseloads.",
        "Train the staff.",
        "A joined-up approach.",
        "Audit every plan.",
    }


def test_an_unknown_export_format_is_not_found(client, world):
    client.force_login(world.maya)
    assert client.get(reverse("recommendation_register_export", args=["pdf"])).status_code == 404


def test_the_menu_and_the_home_page_lead_to_it_for_members_not_officers(client, world, register):
    client.force_login(world.maya)
    assert f'href="{REGISTER}"' in client.get(reverse("home")).content.decode()
    client.force_login(world.olivia)
    assert f'href="{REGISTER}"' not in client.get(reverse("my_actions")).content.decode()


def test_the_number_of_queries_does_not_grow_with_recommendations_or_reviews(client, world, second):
    client.force_login(world.ada)
    recommend(world)
    small = len(queries_of(client, REGISTER))
    third = add_second_inspection(world, title="Another inspection", review_title="A third review")
    for review in (world.review, second.review, third.review, world.other_review):
        for number in range(3):
            recommend(world, f"Recommendation {number}", review=review)
    assert Recommendation.objects.count() == 13
    assert len(queries_of(client, REGISTER)) == small


def test_the_portfolio_card_shows_overdue_responses_and_links_to_them_in_the_register(client, world, register):
    client.force_login(world.maya)
    page = client.get(reverse("home")).content.decode()
    assert "2 responses overdue" in page
    assert f"{REGISTER}?review={world.review.pk}&amp;overdue=on" in page


def test_the_portfolio_counts_overdue_responses_in_as_many_queries_for_many_reviews_as_for_one(client, world, ada):
    client.force_login(ada)

    def late_review(review):
        receive_report(world, review, report_received_on=date(2012, 12, 31))
        recommend(world, review=review)

    late_review(world.review)
    client.get(reverse("home"))  # the session's first request reads more than the page does
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("home"))
    for n in range(4):
        late_review(add_second_inspection(world, title=f"Inspection {n}", review_title=f"Review {n}").review)
    with CaptureQueriesContext(connection) as five:
        page = client.get(reverse("home")).content.decode()
    assert page.count("1 response overdue") == 5
    assert len(five) == len(one)
