"""Each link in the error summary moves the focus to a box the person can type in or choose with (GOV.UK):
a date's day box, or the box that is wrong; a radio group's first radio; never a <div> or an id not on the page."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from .form_helpers import action_update_form, date_parts
from .page_helpers import meeting_url

pytestmark = pytest.mark.django_db

FOCUSABLE = {"input", "select", "textarea"}


class _Page(HTMLParser):
    """The tag of each element by its id, and the error summary's links (href, text) in order."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.links = {}, []
        self._summary_depth, self._link = 0, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.tags[attrs["id"]] = tag if attrs.get("type") != "hidden" else "hidden input"
        if "govuk-error-summary__list" in (attrs.get("class") or ""):
            self._summary_depth = 1
        elif self._summary_depth and tag == "ul":
            self._summary_depth += 1
        if self._summary_depth and tag == "a":
            self._link = [attrs.get("href", ""), ""]

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        elif tag == "ul" and self._summary_depth:
            self._summary_depth -= 1


def summary_links(response) -> list[tuple[str, str]]:
    """The summary's links as (id linked to, message), each checked to land on an input, select or text area."""
    assert response.status_code == 200
    page = _Page(response.content.decode())
    assert page.links, "the page has an error summary with links"
    for href, message in page.links:
        assert href.startswith("#"), href
        target = href[1:]
        assert page.tags.get(target) in FOCUSABLE, f"{message!r} links to #{target}: {page.tags.get(target)}"
    return [(href[1:], message) for href, message in page.links]


def post_update(client, action, **overrides):
    return client.post(reverse("action_update", args=[action.pk]), action_update_form(action, **overrides))


def test_a_date_that_is_not_real_and_a_missing_status_link_to_the_day_box_and_the_first_radio(client, world):
    client.force_login(world.olivia)
    data = action_update_form(world.wcc_action, status="", target_date_reason="Agreed at the board")
    data.update({"new_target_date_0": "31", "new_target_date_1": "2", "new_target_date_2": "2030"})
    links = summary_links(client.post(reverse("action_update", args=[world.wcc_action.pk]), data))
    assert links == [
        ("id_status_1", "Choose the action's status"),
        ("id_new_target_date_0", "The new target date must be a real date, for example 27 3 2026"),
    ]


def test_a_date_missing_its_year_links_to_the_year_box(client, world):
    client.force_login(world.olivia)
    links = summary_links(
        post_update(
            client,
            world.wcc_action,
            target_date_reason="Agreed at the board",
            new_target_date_0="3",
            new_target_date_1="4",
            new_target_date_2="",
        )
    )
    assert [target for target, _ in links] == ["id_new_target_date_2"]


def test_nothing_to_save_links_to_the_first_status_radio(client, world):
    client.force_login(world.olivia)
    links = summary_links(post_update(client, world.wcc_action))
    assert links[0][0] == "id_status_1" and links[0][1].startswith("Nothing to save")


def test_a_past_target_date_is_an_error_on_the_date_listed_before_the_reason_below_it(client, world):
    client.force_login(world.olivia)
    past = timezone.localdate() - datetime.timedelta(days=365)
    response = post_update(client, world.wcc_action, **date_parts("new_target_date", past))
    links = summary_links(response)
    assert [target for target, _ in links] == ["id_new_target_date_0", "id_target_date_reason"]
    assert "is in the past" in links[0][1]
    assert "is in the past" in response.context["form"].errors["new_target_date"][0]
    page = response.content.decode()
    date_group = page.split('id="div_id_new_target_date"')[1].split(">")[0]
    assert "govuk-form-group--error" in date_group, "the date boxes are outlined in red"


def test_a_conclusion_without_a_judgement_links_to_the_first_judgement_radio(client, world):
    client.force_login(world.maya)
    data = {"subject": f"action-{world.arden_action.pk}", "meeting": world.last_meeting.pk, "reasoning": "Seen."}
    links = summary_links(client.post(reverse("conclusion_add", args=[world.review.pk]), data))
    assert [target for target, _ in links] == ["id_judgement_1"]


def test_a_meeting_request_with_a_date_that_is_not_real_links_to_the_date_without_saying_optional(client, world):
    client.force_login(world.clara)
    data = {"question": "Send the audit.", "asked_of_agency": world.arden.pk, "due_by": "31/02/2030"}
    links = summary_links(client.post(meeting_url("meeting_request_add", world.last_meeting), data))
    assert links == [("id_due_by", "Enter the answer needed by as a real date, for example, 14/5/2012")]
    assert "optional" not in links[0][1].lower()
