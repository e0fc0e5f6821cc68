"""A recommendation addressed to the committee itself ("To consider and agree any actions...") expects no
response from anyone: no response clock, never overdue, not awaiting a response; the committee's decision and
sign-off still close it."""

import csv
import io
import re
from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from scrutiny.review.models import Meeting, Recommendation
from scrutiny.review.narrative import Narrative, Part
from scrutiny.review.reminders import send_reminders

from .factories import committee_signs_off, receive_report, recommend, record_the_response, respond

pytestmark = pytest.mark.django_db
REGISTER = "/recommendations/register/"
TODAY = date(2013, 9, 10)
COMMITTEE = Recommendation.AddresseeKind.COMMITTEE


@pytest.fixture
def long_ago(world):
    """The report was received 31 December 2012: an executive response was due by 28 February 2013."""
    receive_report(world, report_to_committee_on=date(2012, 12, 4), report_received_on=date(2012, 12, 31))
    world.to_cabinet = recommend(world, "Publish caseloads.")
    world.to_committee = recommend(
        world,
        "To consider and agree any actions that might be necessary.",
        addressed_to="Children and Young People Overview & Scrutiny Committee",
        addressee_kind=COMMITTEE,
    )
    return world


def texts(response):
    return sorted(item.text for item in response.context["items"])


def test_one_to_the_committee_is_never_overdue_while_the_executive_one_in_the_same_review_is(long_ago):
    assert long_ago.to_cabinet.is_response_overdue(TODAY)
    assert long_ago.to_committee.response_due_on is None
    assert not long_ago.to_committee.is_response_overdue(TODAY)
    rating = long_ago.to_committee.rag(TODAY)
    assert (rating.colour, rating.label) == ("grey", "For the committee")
    assert "No response is expected" in rating.reason


def test_the_register_leaves_it_out_of_overdue_and_awaiting_the_response(client, long_ago):
    respond(long_ago, long_ago.to_cabinet, committee_decision="agreed", committee_decision_on=date(2013, 1, 10))
    respond(long_ago, long_ago.to_committee, committee_decision="agreed", committee_decision_on=date(2013, 1, 10))
    client.force_login(long_ago.maya)
    assert texts(client.get(REGISTER, {"overdue": "on"})) == ["Publish caseloads."]
    assert texts(client.get(REGISTER, {"status": "awaiting_response"})) == ["Publish caseloads."]
    assert texts(client.get(REGISTER, {"status": "decided_by_committee"})) == [long_ago.to_committee.text]
    assert texts(client.get(REGISTER, {"addressee_kind": "committee"})) == [long_ago.to_committee.text]
    page = client.get(REGISTER).content.decode()
    assert "1</strong> with the response overdue" in page
    assert page.count(">Overdue<") == 1


def test_its_register_row_says_no_response_is_expected(client, long_ago):
    client.force_login(long_ago.maya)
    response = client.get(REGISTER)
    row = next(item for item in response.context["items"] if item.pk == long_ago.to_committee.pk)
    assert row.status_label == "Awaiting the committee"
    assert row.due_on is None and not row.overdue
    html = " ".join(response.content.decode().split())
    assert "(the committee itself)</td>" in html
    assert "None expected" in html and "For the committee" in html
    exported = client.get(reverse("recommendation_register_export", args=["csv"]), {"addressee_kind": "committee"})
    (line,) = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert line["Kind of addressee"] == "The committee itself"
    assert line["Response due"] == "" and line["RAG"] == "For the committee"
    assert line["Why"].startswith("No response is expected")


def test_the_home_page_does_not_count_it_as_awaiting_the_executive(client, long_ago):
    client.force_login(long_ago.maya)
    page = " ".join(client.get(reverse("home")).content.decode().split())
    assert re.search(r">1 awaiting the executive(&#x27;|')s response<", page)
    assert "<strong>1 response overdue</strong>" in page


def test_neither_the_dashboard_nor_the_clerks_reminder_flags_it(client, long_ago, settings):
    settings.SITE_URL = "https://scrutiny.example.org"
    long_ago.clara.email = "clara@wcc.example"
    long_ago.clara.save()
    Meeting.objects.create(review=long_ago.review, number=5, title="Monitoring", date=date(2013, 9, 12), purpose="x")
    send_reminders(today=TODAY)
    (message,) = [m for m in mail.outbox if m.to == ["clara@wcc.example"]]
    assert "Publish caseloads." in message.body
    assert "To consider and agree" not in message.body
    client.force_login(long_ago.maya)
    flags = client.get(f"/reviews/{long_ago.review.pk}/dashboard/").context["recommendation_flags"]
    assert [r.pk for r in flags.responses_overdue] == [long_ago.to_cabinet.pk]


def test_the_response_page_tells_the_clerk_none_is_expected_and_leads_back(client, long_ago):
    client.force_login(long_ago.clara)
    recommendation = long_ago.to_committee
    url = reverse("recommendation_response", args=[recommendation.review_id, recommendation.pk])
    for response in (client.get(url), client.post(url, {"response": "accepted", "executive_response": "Yes."})):
        assert response.status_code == 200
        page = response.content.decode()
        assert "No response is expected" in page
        assert 'name="response"' not in page and "Save the response" not in page
        assert f'href="{recommendation.get_absolute_url()}"' in page
    recommendation.refresh_from_db()
    assert recommendation.executive_response_on is None and recommendation.response == ""
    detail = client.get(recommendation.get_absolute_url()).content.decode()
    assert "Record the executive&#x27;s response" not in detail and "Record the executive's response" not in detail
    assert "None expected: it is for the committee itself" in detail
    assert "Record the committee&#x27;s sign-off" in detail or "Record the committee's sign-off" in detail


def test_the_service_refuses_a_response_to_the_committee_itself(long_ago):
    with pytest.raises(ValidationError, match="No response is expected"):
        record_the_response(long_ago, long_ago.to_committee)


def test_the_committees_decision_and_sign_off_still_close_it(long_ago):
    respond(long_ago, long_ago.to_committee, committee_decision="agreed", committee_decision_on=date(2013, 1, 10))
    committee_signs_off(long_ago, long_ago.to_committee, on=date(2013, 3, 5))
    long_ago.to_committee.refresh_from_db()
    assert long_ago.to_committee.rag(TODAY).colour == "blue"


def test_the_add_form_offers_the_committee_itself_with_a_hint_and_accepts_it(client, world):
    client.force_login(world.clara)
    url = reverse("recommendation_add", args=[world.review.pk])
    page = client.get(url).content.decode()
    assert re.search(r'value="committee"[^>]*>\s*<label[^>]*>\s*The committee itself', page)
    assert "No response is expected from anyone" in page
    response = client.post(
        url,
        {
            "kind": "recommendation",
            "text": "To consider and agree any actions.",
            "addressed_to": "The committee",
            "addressee_kind": "committee",
        },
    )
    assert response.status_code == 302
    assert Recommendation.objects.get(text="To consider and agree any actions.").addressee_kind == COMMITTEE


def test_the_register_filter_offers_the_committee_itself(client, world):
    client.force_login(world.maya)
    page = client.get(REGISTER).content.decode()
    assert re.search(r'<option value="committee">The committee itself</option>', page)


def test_correcting_the_kind_on_the_decision_page_stops_the_clock_and_keeps_the_change_in_its_history(client, long_ago):
    client.force_login(long_ago.clara)
    recommendation = long_ago.to_cabinet
    url = reverse("recommendation_update", args=[recommendation.review_id, recommendation.pk])
    response = client.post(
        url, {"addressee_kind": "committee", "committee_decision": "pending", "implementation": "not_started"}
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.addressee_kind == COMMITTEE and not recommendation.is_response_overdue(TODAY)
    latest, before = recommendation.history.order_by("-history_id")[:2]
    assert (before.addressee_kind, latest.addressee_kind) == ("executive", "committee")
    assert latest.history_user == long_ago.clara
    assert "addressee_kind" in latest.diff_against(before).changed_fields


def test_the_decision_page_keeps_the_kind_when_the_form_does_not_send_it(client, long_ago):
    client.force_login(long_ago.clara)
    recommendation = long_ago.to_committee
    url = reverse("recommendation_update", args=[recommendation.review_id, recommendation.pk])
    client.post(url, {"committee_decision": "pending", "implementation": "not_started"})
    recommendation.refresh_from_db()
    assert recommendation.addressee_kind == COMMITTEE


def test_the_demos_recommendations_and_observations_to_the_committee_are_for_the_committee_itself(client):
    call_command("load_demo", "--quiet")
    warwickshire = Recommendation.objects.filter(dates_note__contains="no response clock runs")
    assert warwickshire.count() == 5
    assert set(warwickshire.values_list("addressee_kind", flat=True)) == {"committee"}
    client.login(username="clerk", password="scrutiny-demo-2012")
    third = warwickshire.get(kind="recommendation", number=3)
    page = client.get(reverse("recommendation_response", args=[third.review_id, third.pk])).content.decode()
    assert "No response is expected" in page
    call_command("load_demo", "--quiet")
    assert Recommendation.objects.filter(addressee_kind="committee").count() == 5


def test_the_final_reports_draft_says_whom_each_recommendation_is_for(long_ago):
    recommendations = [long_ago.to_cabinet, long_ago.to_committee]
    narrative = Narrative(long_ago.review, [], recommendations)
    assert narrative.text(Part.RECOMMENDATION, recommendation=long_ago.to_committee) == (
        "Our recommendation 2 is for Children and Young People Overview & Scrutiny Committee:"
    )


def test_the_home_page_stops_counting_a_recommendation_once_it_is_closed(client, long_ago):
    """Closed without a response typed (the committee took it as done): nothing is awaited."""
    respond(long_ago, long_ago.to_cabinet, committee_decision="agreed", committee_decision_on=date(2013, 1, 10))
    respond(long_ago, long_ago.to_cabinet, closed_on=date(2013, 9, 1))
    client.force_login(long_ago.maya)
    page = " ".join(client.get(reverse("home")).content.decode().split())
    assert re.search(r">0 awaiting the executive(&#x27;|')s response<", page)
