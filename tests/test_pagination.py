"""The one pagination component of every long list: a few page numbers around the current one with
ellipses for the rest, the current page marked for screen readers, and links that keep the filters."""

import datetime
import re

import pytest
from django.urls import reverse

from actionplan.models import Action
from scrutiny.review.reporting import search as search_module
from scrutiny.review.views import dashboard, plan_pages

from .factories import make_action

pytestmark = pytest.mark.django_db
MY_ACTIONS = reverse("my_actions")
NAV = re.compile(r'<nav class="govuk-pagination" aria-label="([^"]*)">(.*?)</nav>', re.S)
ITEM = re.compile(r'<li class="govuk-pagination__item([^"]*)">(.*?)</li>', re.S)
LINK = re.compile(r'<a class="govuk-link govuk-pagination__link" href="([^"]*)"([^>]*)>', re.S)


def pagination(response) -> tuple[str, str]:
    """The nav's label and its markup; the page must have exactly one."""
    assert response.status_code == 200
    navs = NAV.findall(response.content.decode())
    assert len(navs) == 1, navs
    return navs[0]


def numbers_and_ellipses(nav: str) -> list:
    """The list as a reader sees it: page numbers, and "…" for each ellipsis."""
    shown = []
    for classes, inside in ITEM.findall(nav):
        shown.append("…" if "--ellipses" in classes else int(re.sub(r"<[^>]+>", "", inside)))
    return shown


def hrefs(nav: str) -> list[str]:
    return [href.replace("&amp;", "&") for href, _ in LINK.findall(nav)]


def rel_link(nav: str, rel: str) -> str | None:
    found = re.search(rf'href="([^"]*)" rel="{rel}"', nav)
    return found.group(1).replace("&amp;", "&") if found else None


@pytest.fixture
def twelve_pages_of_actions(world, monkeypatch):
    """24 actions WCC leads, two to a page: twelve pages of My actions for Olivia."""
    monkeypatch.setattr(plan_pages, "PAGE_SIZE", 2)
    for index in range(23):
        make_action(world.wcc_plan, world.area3, reference=f"9.{index}")
    return world


def test_page_six_of_twelve_links_to_the_ends_and_its_neighbours_not_to_every_page(client, twelve_pages_of_actions):
    client.force_login(twelve_pages_of_actions.olivia)
    label, nav = pagination(client.get(MY_ACTIONS, {"page": 6}))

    assert label == "Pages of actions"
    assert numbers_and_ellipses(nav) == [1, "…", 5, 6, 7, "…", 12]
    assert rel_link(nav, "prev") == "?page=5" and rel_link(nav, "next") == "?page=7"
    assert 'aria-label="Page 12"' in nav and 'aria-label="Page 2"' not in nav
    assert nav.count("govuk-pagination__icon--prev") == 1 and nav.count("govuk-pagination__icon--next") == 1


def test_the_current_page_is_marked_and_announced_as_the_current_page(client, twelve_pages_of_actions):
    client.force_login(twelve_pages_of_actions.olivia)
    _, nav = pagination(client.get(MY_ACTIONS, {"page": 6}))

    current = [inside for classes, inside in ITEM.findall(nav) if "--current" in classes]
    assert len(current) == 1 and 'aria-label="Page 6" aria-current="page"' in current[0]
    assert nav.count('aria-current="page"') == 1


def test_the_first_page_has_no_previous_link_and_the_last_no_next(client, twelve_pages_of_actions):
    client.force_login(twelve_pages_of_actions.olivia)
    _, first = pagination(client.get(MY_ACTIONS))
    assert rel_link(first, "prev") is None and rel_link(first, "next") == "?page=2"
    assert numbers_and_ellipses(first) == [1, 2, "…", 12]

    _, last = pagination(client.get(MY_ACTIONS, {"page": 12}))
    assert rel_link(last, "next") is None and rel_link(last, "prev") == "?page=11"
    assert numbers_and_ellipses(last) == [1, "…", 11, 12]


def test_a_filtered_and_sorted_list_keeps_its_filter_and_sort_in_every_page_link(client, twelve_pages_of_actions):
    world = twelve_pages_of_actions
    make_action(world.wcc_plan, world.area3, status=Action.Status.COMPLETED, completed_on=datetime.date.today())
    client.force_login(world.olivia)
    response = client.get(MY_ACTIONS, {"status": "in_progress", "sort": "-target", "page": 3})
    in_progress = Action.objects.filter(plan=world.wcc_plan, status=Action.Status.IN_PROGRESS).count()
    assert response.context["page"].paginator.count == in_progress < Action.objects.filter(plan=world.wcc_plan).count()
    _, nav = pagination(response)

    links = hrefs(nav)
    assert links and all(
        "status=in_progress" in link and "sort=-target" in link and link.count("page=") == 1 for link in links
    )
    assert rel_link(nav, "next") == "?status=in_progress&sort=-target&page=4"


def test_a_short_list_shows_every_page_number_and_a_single_page_no_pagination(client, world, monkeypatch):
    monkeypatch.setattr(plan_pages, "PAGE_SIZE", 2)
    client.force_login(world.olivia)
    assert "govuk-pagination" not in client.get(MY_ACTIONS).content.decode()

    for index in range(5):
        make_action(world.wcc_plan, world.area3, reference=f"9.{index}")
    _, nav = pagination(client.get(MY_ACTIONS, {"page": 2}))
    assert numbers_and_ellipses(nav) == [1, 2, 3]


def test_the_dashboards_list_of_actions_elides_its_pages_and_keeps_its_filter(client, world, monkeypatch):
    monkeypatch.setattr(dashboard, "PER_PAGE", 1)
    for index in range(11):
        make_action(world.wcc_plan, world.area3, reference=f"9.{index}")
    client.force_login(world.maya)
    url = reverse("dashboard_actions", args=[world.review.pk])
    response = client.get(url, {"agency": world.wcc.pk, "page": 6})
    assert response.context["page"].paginator.num_pages == 12
    label, nav = pagination(response)

    assert label == "Pages of actions"
    assert numbers_and_ellipses(nav) == [1, "…", 5, 6, 7, "…", 12]
    assert all(f"agency={world.wcc.pk}" in link for link in hrefs(nav))
    assert rel_link(nav, "prev") == f"?agency={world.wcc.pk}&page=5"


def test_search_results_of_one_kind_page_with_numbers_and_keep_the_words_and_the_kind(client, world, monkeypatch):
    monkeypatch.setattr(search_module, "PAGE_SIZE", 2)
    for index in range(9):
        make_action(world.wcc_plan, world.area3, reference=f"9.{index}", description=f"Heliotrope audit {index}")
    client.force_login(world.maya)
    label, nav = pagination(client.get(reverse("search"), {"q": "heliotrope audit", "kind": "actions", "page": 3}))

    assert label == "Pages of results"
    assert numbers_and_ellipses(nav) == [1, 2, 3, 4, 5]
    assert rel_link(nav, "next") == "?q=heliotrope+audit&kind=actions&page=4"
    assert all("q=heliotrope+audit" in link and "kind=actions" in link for link in hrefs(nav))
    assert 'aria-label="Page 3" aria-current="page"' in nav
