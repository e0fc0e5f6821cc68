"""No dead ends: an action's and an area's pages lead the review's writers to record a conclusion or
ask for information about them, with the form already filled in."""

import re
from html import unescape
from urllib.parse import quote

import pytest
from django.urls import reverse

from scrutiny.review.models import Review

pytestmark = pytest.mark.django_db


def page_of(client, user, name, pk):
    client.force_login(user)
    response = client.get(reverse(name, args=[pk]))
    assert response.status_code == 200
    return response.content.decode()


def link(page, words):
    found = re.findall(rf'<a class="govuk-button[^"]*" href="([^"]+)">{words}<', page)
    return [unescape(href) for href in found]


def test_a_member_records_a_conclusion_from_the_action_page_with_the_action_chosen(client, world):
    action = world.arden_action
    page = page_of(client, world.maya, "action_detail", action.pk)
    (conclusion_url,) = link(page, "Record a conclusion")
    assert (
        conclusion_url
        == reverse("conclusion_add", args=[world.review.pk])
        + f"?action={action.pk}&next={quote(action.get_absolute_url(), safe='')}"
    )
    form = client.get(conclusion_url).context["form"]
    assert form.initial["subject"] == f"action-{action.pk}"


def test_a_member_asks_for_information_from_the_action_page_with_the_action_chosen(client, world):
    action = world.arden_action
    page = page_of(client, world.maya, "action_detail", action.pk)
    (request_url,) = link(page, "Ask for information")
    assert request_url == reverse("request_add", args=[world.review.pk]) + f"?action={action.pk}"
    response = client.get(request_url)
    assert response.status_code == 200
    assert response.context["form"].initial["subject"] == f"action-{action.pk}"


def test_the_area_page_offers_both_for_the_whole_area(client, world):
    page = page_of(client, world.clara, "area_detail", world.area2.pk)
    (conclusion_url,) = link(page, "Record a conclusion")
    (request_url,) = link(page, "Ask for information")
    assert f"?area={world.area2.pk}&next=" in conclusion_url and request_url.endswith(f"?area={world.area2.pk}")
    form = client.get(conclusion_url).context["form"]
    assert form.initial["subject"] == f"area-{world.area2.pk}"
    assert "on this area as a whole" in page  # the link says what it is about to a screen reader


@pytest.mark.parametrize("name", ["action_detail", "area_detail"])
def test_officers_are_offered_neither(client, world, name):
    pk = world.wcc_action.pk if name == "action_detail" else world.area1.pk
    page = page_of(client, world.olivia, name, pk)
    assert not link(page, "Record a conclusion") and not link(page, "Ask for information")


def test_a_member_of_another_review_gets_links_into_their_own_review_only(client, world):
    page = page_of(client, world.mark, "action_detail", world.wcc_action.pk)
    (conclusion_url,) = link(page, "Record a conclusion")
    assert conclusion_url.startswith(reverse("conclusion_add", args=[world.other_review.pk]))
    assert client.get(conclusion_url).status_code == 200


def test_with_two_reviews_to_write_into_each_link_names_its_review(client, world):
    page = page_of(client, world.ada, "action_detail", world.wcc_action.pk)
    assert f'Record a conclusion<span class="govuk-visually-hidden"> on {world.wcc_action}</span> for ' in page
    assert page.count("govuk-button-group record-links") == 2
    assert world.review.title.replace("&", "&amp;") in page and world.other_review.title in page


def test_a_closed_review_offers_no_links(client, world):
    world.review.state = Review.State.CLOSED
    world.review.save()
    page = page_of(client, world.maya, "action_detail", world.wcc_action.pk)
    assert not link(page, "Record a conclusion")
