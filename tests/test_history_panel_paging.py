"""The history panel shows the latest changes, says how many there are in all, and shows the whole
history on the same page when asked (?history=all), behind that page's own permission checks."""

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action

from .factories import add_second_inspection, ask, record_update
from .query_helpers import assert_queries_flat

pytestmark = pytest.mark.django_db

FIRST_DAY = timezone.localdate() + datetime.timedelta(days=60)


def day(n) -> datetime.date:
    return FIRST_DAY + datetime.timedelta(days=n)


def move_target_date(world, times, *, start=0):
    """Olivia moves the action's target date `times` times, to day start+1, start+2...: one saved change each."""
    for n in range(start + 1, start + times + 1):
        record_update(world.olivia, world.wcc_action, new_target_date=day(n), target_date_reason=f"Move {n}.")


def panel_of(client, url, data=None):
    response = client.get(url, data)
    assert response.status_code == 200
    return response.content.decode().split('class="history-panel"')[1].split("</section>")[0]


def entries_in(panel) -> list[str]:
    return panel.split('<li class="history-panel__entry">')[1:]


def action_url(world):
    return reverse("action_detail", args=[world.wcc_action.pk])


def test_an_action_with_15_changes_shows_the_latest_10_of_its_16_entries(client, world):
    move_target_date(world, 15)
    client.force_login(world.maya)
    panel = panel_of(client, action_url(world))
    assert "Showing the latest 10 of 16 changes." in panel
    assert len(entries_in(panel)) == 10
    assert "Show all 16 changes" in panel
    assert "Created</strong>" not in panel


def test_the_oldest_entry_shown_still_says_what_the_target_date_was_before(client, world):
    move_target_date(world, 15)
    client.force_login(world.maya)
    oldest_shown = entries_in(panel_of(client, action_url(world)))[-1]
    # The 10th newest of 15 moves is the 6th: from day 5 to day 6.
    assert "Target date" in oldest_shown
    assert f"{day(5):%-d %B %Y}</td>" in oldest_shown and f"{day(6):%-d %B %Y}</td>" in oldest_shown
    assert oldest_shown.index(f"{day(5):%-d %B %Y}") < oldest_shown.index(f"{day(6):%-d %B %Y}")


def test_asking_for_the_whole_history_shows_every_entry_and_a_link_back_to_the_latest(client, world):
    move_target_date(world, 15)
    client.force_login(world.olivia)
    panel = panel_of(client, action_url(world), {"history": "all"})
    assert len(entries_in(panel)) == 16
    assert "Showing all 16 changes." in panel and "Created</strong> by" in panel
    assert f'href="{action_url(world)}#history-heading">Show only the latest 10</a>' in panel
    assert "Show all" not in panel


def test_the_link_to_the_whole_history_keeps_the_pages_other_query_parameters(client, world):
    move_target_date(world, 11)
    client.force_login(world.maya)
    url = action_url(world)
    panel = panel_of(client, url, {"from": "my-actions"})
    assert f'href="{url}?from=my-actions&amp;history=all#history-heading">Show all 12 changes</a>' in panel
    back = panel_of(client, url, {"from": "my-actions", "history": "all"})
    assert f'href="{url}?from=my-actions#history-heading">Show only the latest 10</a>' in back


def test_a_short_history_is_shown_whole_with_no_count_and_no_link(client, world):
    move_target_date(world, 3)
    client.force_login(world.maya)
    panel = panel_of(client, action_url(world))
    assert len(entries_in(panel)) == 4
    assert "Showing" not in panel and "Show all" not in panel and "?history=" not in panel


def test_an_officer_of_an_agency_outside_the_inspection_gets_a_404_with_the_whole_history_asked_for(client, world):
    elsewhere = add_second_inspection(world).action
    for n in range(1, 13):
        record_update(world.olivia, elsewhere, new_target_date=day(n), target_date_reason=f"Move {n}.")
    url = reverse("action_detail", args=[elsewhere.pk])
    client.force_login(world.arjun)
    response = client.get(url, {"history": "all"})
    assert response.status_code == 404
    assert "Move 3." not in response.content.decode()
    client.force_login(world.olivia)
    assert len(entries_in(panel_of(client, url, {"history": "all"}))) == 13


def test_an_officer_of_another_agency_gets_a_404_for_a_request_with_the_whole_history_asked_for(client, world):
    info_request = ask(world.review, world.arden, "Send the audit of child protection plans")
    url = reverse("request_detail", args=[world.review.pk, info_request.pk])
    client.force_login(world.olivia)
    assert client.get(url, {"history": "all"}).status_code == 404
    client.force_login(world.arjun)
    assert "History of changes" in panel_of(client, url, {"history": "all"})


@pytest.mark.parametrize("data", [None, {"history": "all"}], ids=["latest", "whole history"])
def test_the_action_page_makes_as_many_queries_with_60_changes_as_with_15(client, world, data):
    client.force_login(world.olivia)
    made = {"moves": 0}

    def grow(count):
        move_target_date(world, count, start=made["moves"])
        made["moves"] += count

    assert_queries_flat(client, action_url(world), grow, first=15, then=45, data=data)


def test_a_page_rendered_without_a_request_shows_the_latest_10_and_the_count_but_no_link(world):
    move_target_date(world, 12)
    action = Action.objects.get(pk=world.wcc_action.pk)
    html = Template("{% load history_tags %}{% history_panel action %}").render(Context({"action": action}))
    assert "Showing the latest 10 of 13 changes." in html
    assert len(entries_in(html)) == 10 and "Show all" not in html


def test_beside_the_report_text_form_the_whole_history_opens_in_a_new_tab_so_typing_is_not_lost(client, world):
    client.force_login(world.clara)
    url = reverse("report_text_update", args=[world.review.pk, "summary"])
    for n in range(11):
        client.post(url, {"text": f"Version {n} of the summary."})
    panel = panel_of(client, url)
    assert "Showing the latest 10 of 11 changes." in panel
    assert 'target="_blank" rel="noopener">Show all 11 changes (opens in new tab)</a>' in panel


def test_on_a_record_page_with_no_form_the_whole_history_opens_in_the_same_tab(client, world):
    move_target_date(world, 12)
    client.force_login(world.olivia)
    panel = panel_of(client, action_url(world))
    assert "Show all 13 changes</a>" in panel and "_blank" not in panel
