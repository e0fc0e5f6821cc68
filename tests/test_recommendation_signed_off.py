"""Once the committee signs a recommendation off, every page says so: its tag, the register's status and filter,
and no response is chased any more, whether or not the committee's decision was recorded first. Its pages give its
register reference and lead back to the review's recommendations."""

from datetime import date

import pytest
from django.urls import reverse

from scrutiny.review.models import Recommendation

from .factories import committee_signs_off, receive_report, recommend, record_the_response

pytestmark = pytest.mark.django_db
REGISTER = reverse("recommendation_register")


@pytest.fixture
def signed_off(world):
    receive_report(world, report_received_on=date(2013, 1, 10))
    recommendation = recommend(world, "Share the audit.", addressed_to="Board")
    record_the_response(
        world,
        recommendation,
        "partly_accepted",
        executive_response="The summary, not the audit.",
        response_reasons="The audit names children.",
        update_months="1, 6",
    )
    return committee_signs_off(
        world, recommendation, date(2013, 9, 1), "partly_implemented", "Children and Young People OSC, 1 September 2013"
    )


def test_its_page_says_signed_off_not_awaiting_the_committee(client, world, signed_off):
    assert signed_off.committee_decision == "pending"  # the decision was never recorded
    client.force_login(world.clara)
    page = client.get(signed_off.get_absolute_url()).content.decode()
    assert "Signed off: partly implemented" in page
    assert "Awaiting the committee</strong>" not in page
    listing = client.get(reverse("recommendation_list", args=[world.review.pk])).content.decode()
    assert "Signed off: partly implemented" in listing


def test_the_register_lists_it_as_signed_off_and_filters_it_so(client, world, signed_off):
    pending = recommend(world, "Meet monthly.")
    client.force_login(world.clara)
    signed = client.get(REGISTER, {"status": "signed_off"}).context["items"]
    assert [item.pk for item in signed] == [signed_off.pk]
    assert signed[0].status_label == "Signed off"
    assert [item.pk for item in client.get(REGISTER, {"status": "responded"}).context["items"]] == []
    assert [item.pk for item in client.get(REGISTER, {"status": "awaiting_committee"}).context["items"]] == [pending.pk]


def test_a_signed_off_recommendation_without_a_response_is_not_chased(world):
    receive_report(world, report_received_on=date(2013, 1, 10))
    superseded = recommend(world, "Old idea.")
    assert superseded.is_response_overdue(date(2013, 6, 1))
    superseded = committee_signs_off(world, superseded, date(2013, 5, 1), "superseded", "OSC, 1 May 2013")
    assert not Recommendation.objects.get(pk=superseded.pk).is_response_overdue(date(2013, 6, 1))


def test_the_page_gives_the_register_reference_and_reads_the_intervals_as_words(client, world, signed_off):
    receive_report(world, report_received_on=date(2013, 1, 10), report_to_committee_on=date(2013, 1, 8))
    other = recommend(world, "Publish caseloads.")
    record_the_response(world, other, executive_response="Agreed.", update_months="6, 12, 18")
    client.force_login(world.clara)
    page = client.get(other.get_absolute_url()).content.decode()
    assert "2012/13-R2" in page
    assert "The committee asked for updates 6, 12 and 18 months after the response." in page


def test_every_recommendation_page_leads_back_to_the_reviews_recommendations(client, world, signed_off):
    client.force_login(world.clara)
    listing = reverse("recommendation_list", args=[world.review.pk])
    for name in (
        "recommendation_detail",
        "recommendation_update",
        "recommendation_response",
        "recommendation_sign_off",
    ):
        page = client.get(reverse(name, args=[world.review.pk, signed_off.pk])).content.decode()
        crumbs = page.split('class="govuk-breadcrumbs', 1)[1].split("</nav>", 1)[0]
        assert f'href="{listing}"' in crumbs, name


def test_the_written_rule_names_each_addressees_period_in_words(client, world, settings):
    settings.RESPONSE_PERIOD_MONTHS = {"executive": 2, "council": 2, "partner": 1}
    client.force_login(world.clara)
    page = " ".join(client.get(REGISTER).content.decode().split())
    assert (
        "The period is 2 months for the executive or a cabinet member and 2 months for the council "
        "(Local Government Act 2000, s.9FE), and 1 month for a partner body." in page
    )


def test_a_date_typed_wrong_is_named_in_a_sentence(client, world):
    from scrutiny.review.forms.response_clock import ReportDatesForm

    form = ReportDatesForm({"report_to_committee_on": "31/02/2013", "committee_notice_on": "tomorrow"})
    assert form.errors["report_to_committee_on"] == [
        "Enter the date the report went to the committee as a real date, for example 14/05/2012"
    ]
    assert form.errors["committee_notice_on"] == [
        "Enter the date of the committee's notice as a real date, for example 14/05/2012"
    ]
