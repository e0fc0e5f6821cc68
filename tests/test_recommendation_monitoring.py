"""The executive's response per recommendation, its linked actions, monitoring updates, the committee's sign-off,
and the RAG rating derived from their dates (with a fixed clock)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scrutiny.review.models import MonitoringUpdate, Recommendation
from scrutiny.review.monitoring import RAG_RULE, parse_months
from scrutiny.review.services.monitoring import add_monitoring_update, link_actions, sign_off

from .factories import (
    add_second_inspection,
    committee_signs_off,
    make_action,
    receive_report,
    recommend,
    record_the_response,
)

pytestmark = pytest.mark.django_db
D = date
RECEIVED = D(2013, 1, 10)  # the response is due by 9 March 2013


@pytest.fixture
def received(world):
    receive_report(world, report_received_on=RECEIVED)
    return recommend(world)


def rag_on(recommendation, day):
    fresh = Recommendation.objects.with_monitoring().get(pk=recommendation.pk)
    return fresh.rag(day).colour


def test_the_rag_is_grey_until_the_report_is_received(world):
    assert rag_on(recommend(world), D(2013, 1, 1)) == "grey"


@pytest.mark.parametrize(
    ("today", "colour"),
    [(D(2013, 2, 1), "green"), (D(2013, 2, 7), "amber"), (D(2013, 3, 9), "amber"), (D(2013, 3, 10), "red")],
)
def test_before_the_response_the_rag_follows_the_response_clock(received, today, colour):
    assert rag_on(received, today) == colour


@pytest.mark.parametrize(
    ("today", "colour"),
    [(D(2013, 7, 1), "green"), (D(2013, 8, 2), "amber"), (D(2013, 9, 1), "amber"), (D(2013, 9, 2), "red")],
)
def test_after_an_accepted_response_the_rag_follows_the_updates_due_6_and_12_months_on(world, received, today, colour):
    record_the_response(world, received)
    assert rag_on(received, today) == colour


def test_an_update_on_time_moves_the_next_due_date_and_a_sign_off_makes_it_complete(world, received):
    record_the_response(world, received)
    add_monitoring_update(
        actor=world.clara, recommendation=received, reported_on=D(2013, 8, 20), text="Half done.", today=D(2013, 8, 20)
    )
    fresh = Recommendation.objects.with_monitoring().get(pk=received.pk)
    assert fresh.next_update_due_on == D(2014, 3, 1)
    assert fresh.rag(D(2013, 9, 10)).colour == "green"
    assert fresh.rag(D(2014, 3, 2)).colour == "red"
    committee_signs_off(world, received, D(2014, 3, 4))
    rating = Recommendation.objects.with_monitoring().get(pk=received.pk).rag(D(2014, 6, 1))
    assert (rating.colour, rating.reason) == ("blue", "Signed off as implemented on 4 March 2014")


def test_a_response_not_accepted_needs_its_reasons_and_no_updates_fall_due(world, received):
    with pytest.raises(ValidationError) as refused:
        record_the_response(world, received, response="not_accepted")
    assert "response_reasons" in refused.value.message_dict
    record_the_response(world, received, response="not_accepted", response_reasons="No money this year.")
    assert rag_on(received, D(2014, 6, 1)) == "green"
    with pytest.raises(ValidationError):
        add_monitoring_update(
            actor=world.clara, recommendation=received, reported_on=D(2013, 9, 1), text="x", today=D(2013, 9, 1)
        )


def test_a_response_cannot_come_before_the_report_nor_in_the_future(world, received):
    with pytest.raises(ValidationError) as early:
        record_the_response(world, received, on=D(2013, 1, 9))
    assert "before it was received (10 January 2013)" in early.value.message_dict["executive_response_on"][0]
    with pytest.raises(ValidationError):
        record_the_response(world, received, on=D(2013, 3, 2))  # "today" is 1 March 2013


def test_intervals_are_read_as_the_committee_writes_them():
    assert parse_months("6, 12") == [6, 12]
    assert parse_months("3;6; 12") == [3, 6, 12]
    for bad in ("six", "12, 6", "0", "6, 6"):
        with pytest.raises(ValueError):
            parse_months(bad)


def test_only_an_accepted_recommendation_links_to_actions_of_its_own_inspection_with_history(world, received):
    with pytest.raises(ValidationError):
        link_actions(actor=world.clara, recommendation=received, actions=[world.wcc_action])
    record_the_response(world, received, response="partly_accepted", response_reasons="Not the monthly part.")
    elsewhere = add_second_inspection(world)
    with pytest.raises(ValidationError):
        link_actions(actor=world.clara, recommendation=received, actions=[elsewhere.action])
    link_actions(actor=world.clara, recommendation=received, actions=[world.wcc_action, world.arden_action])
    assert set(received.actions.all()) == {world.wcc_action, world.arden_action}
    latest = received.history.first()
    assert latest.history_user == world.clara
    assert {row.action_id for row in latest.actions.all()} == {world.wcc_action.pk, world.arden_action.pk}


def test_the_monitoring_page_shows_the_response_actions_updates_and_the_rule(client, world, received):
    record_the_response(world, received)
    world.wcc_action.rag = "amber"
    world.wcc_action.target_date = D(2014, 1, 31)
    world.wcc_action.save()
    link_actions(actor=world.clara, recommendation=received, actions=[world.wcc_action])
    client.force_login(world.maya)
    page = client.get(received.get_absolute_url()).content.decode()
    assert "Accepted</strong>, 1 March 2013" in page
    assert world.clara_person.name in page
    assert "31 March 2014" in page  # the implementation date
    assert "Linked actions and their progress" in page and "31 Jan 2014" in page and ">Amber<" in page
    assert "1 September 2013" in page and "1 March 2014" in page  # updates due 6 and 12 months on
    assert RAG_RULE.split(". ")[0] in page
    assert reverse("recommendation_response", args=[world.review.pk, received.pk]) not in page  # the clerk records
    client.force_login(world.clara)
    assert (
        reverse("recommendation_response", args=[world.review.pk, received.pk])
        in client.get(received.get_absolute_url()).content.decode()
    )


def test_the_clerk_records_a_response_on_the_page_and_bad_input_is_answered_next_to_the_field(client, world, received):
    client.force_login(world.clara)
    url = reverse("recommendation_response", args=[world.review.pk, received.pk])
    page = client.post(url, {"response": "partly_accepted", "executive_response_on": "31/02/2013"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Enter the date of the response as a real date" in html
    page = client.post(url, {"response": "partly_accepted", "executive_response_on": "01/03/2013"})
    html = page.content.decode()
    assert "Give the reasons for not accepting it in full" in html
    assert "Enter the response as the executive gave it" in html
    response = client.post(
        url,
        {
            "response": "partly_accepted",
            "executive_response_on": "01/03/2013",
            "executive_response": "Accepted in part.",
            "response_reasons": "Not monthly.",
            "lead": world.clara_person.pk,
            "update_months": "3, 9",
        },
    )
    assert response.status_code == 302
    received.refresh_from_db()
    assert (received.response, received.update_months) == ("partly_accepted", "3, 9")
    assert received.history.first().history_user == world.clara


def test_a_member_cannot_record_the_response_nor_sign_off(client, world, received):
    client.force_login(world.maya)
    for name in ("recommendation_response", "recommendation_sign_off", "recommendation_update_add"):
        assert client.get(reverse(name, args=[world.review.pk, received.pk])).status_code == 403


def test_updates_and_sign_off_keep_their_history(world, received):
    record_the_response(world, received)
    update = add_monitoring_update(
        actor=world.clara, recommendation=received, reported_on=D(2013, 9, 1), text="Done.", today=D(2013, 9, 1)
    )
    assert update.history.first().history_user == world.clara
    with pytest.raises(ValidationError) as refused:
        sign_off(actor=world.clara, recommendation=received, outcome="", signed_off_on=None, signed_off_at="")
    assert set(refused.value.message_dict) == {"outcome", "signed_off_on", "signed_off_at"}
    assert MonitoringUpdate.objects.count() == 1


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_pages_read_as_many_queries_for_many_recommendations_and_reviews_as_for_one(
    client, world, received, django_assert_max_num_queries
):
    client.force_login(world.clara)
    record_the_response(world, received)
    link_actions(actor=world.clara, recommendation=received, actions=[world.wcc_action])
    urls = [
        reverse("recommendation_register"),
        reverse("recommendation_list", args=[world.review.pk]),
        reverse("dashboard", args=[world.review.pk]),
    ]
    for url in urls:
        client.get(url)
    small = {url: _queries(client, url) for url in urls}
    second = add_second_inspection(world)
    for review, action in ((world.review, world.arden_action), (second.review, second.action)):
        for number in range(4):
            extra = recommend(world, f"More {number}", review=review)
            if review == world.review:
                record_the_response(world, extra)
                link_actions(actor=world.clara, recommendation=extra, actions=[action, world.wcc_action])
                add_monitoring_update(
                    actor=world.clara, recommendation=extra, reported_on=D(2013, 3, 1), text="x", today=D(2013, 3, 1)
                )
    make_action(world.wcc_plan, world.area1, reference="1.9", description="Another")
    assert Recommendation.objects.count() == 9
    for url in urls:
        with django_assert_max_num_queries(small[url]):
            assert client.get(url).status_code == 200


def test_a_recommendation_sent_apart_to_a_partner_runs_its_own_clock(world, received):
    partner = recommend(
        world,
        "The NHS cluster shares its audit.",
        addressed_to="Arden Cluster",
        addressee_kind="partner",
        received_on=D(2013, 5, 31),
    )
    assert partner.response_due_on == D(2013, 7, 30)
    assert rag_on(partner, D(2013, 6, 1)) == "green" and rag_on(received, D(2013, 6, 1)) == "red"


def test_a_closed_review_refuses_every_monitoring_write(world, received):
    from scrutiny.review.errors import ReviewClosed
    from scrutiny.review.models import Review

    record_the_response(world, received)
    review = Review.objects.get(pk=world.review.pk)
    review.state = Review.State.CLOSED
    review.save()
    with pytest.raises(ReviewClosed):
        add_monitoring_update(
            actor=world.clara, recommendation=received, reported_on=D(2013, 9, 1), text="x", today=D(2013, 9, 1)
        )
    with pytest.raises(ReviewClosed):
        link_actions(actor=world.clara, recommendation=received, actions=[world.wcc_action])
    assert not received.actions.exists() and not MonitoringUpdate.objects.exists()


def test_a_long_action_reads_as_cut_short_where_it_is_offered_for_linking(client, world):
    # Cut mid-sentence without a sign ("...so that the demo shows an") reads as the whole description.
    from scrutiny.review.forms.monitoring import LinkActionsForm

    long = make_action(
        world.wcc_action.plan, world.wcc_action.area, description="Caseloads are reported weekly to the heads " * 6
    )
    form = LinkActionsForm(queryset=type(long).objects.filter(pk=long.pk).select_related("area", "lead_agency"))
    label = form.fields["actions"].label_from_instance(long)
    assert label.endswith("…") and len(label.split(": ", 1)[1]) <= 120
