"""Both lists of actions sort by their column headers, on the server, and say which way they are sorted."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action
from tests.factories import make_action

pytestmark = pytest.mark.django_db


def references(response):
    return [a.reference for a in response.context["page"].object_list]


def header(page, label):
    """The column header whose link reads `label`: its aria-sort and where it leads."""
    match = re.search(
        r'<th scope="col" class="[^"]*" aria-sort="(\w+)"><a class="[^"]*" href="\?([^"]*)">' + re.escape(label), page
    )
    assert match, label
    return match.group(1), match.group(2).replace("&amp;", "&")


@pytest.fixture
def three(world):
    """Three WCC actions whose status, RAG and target date sort them three different ways."""
    world.wcc_action.status, world.wcc_action.rag = Action.Status.COMPLETED, "blue"
    world.wcc_action.completed_on = timezone.localdate()
    world.wcc_action.save()
    make_action(world.wcc_plan, world.area3, reference="3.1", status=Action.Status.NOT_STARTED, rag="red")
    make_action(world.wcc_plan, world.area2, reference="2.2", status=Action.Status.IN_PROGRESS, rag="amber")
    return world


def test_my_actions_sorts_by_the_status_header_and_back(client, three):
    client.force_login(three.olivia)
    url = reverse("my_actions")
    page = client.get(url).content.decode()
    assert header(page, "Target date")[0] == "ascending"  # the default sort, said so
    state, query = header(page, "Status")
    assert state == "none" and query == "sort=status"
    sorted_page = client.get(f"{url}?{query}")
    assert references(sorted_page) == ["3.1", "2.2", "1.1"]  # not started, in progress, completed
    state, query = header(sorted_page.content.decode(), "Status")
    assert state == "ascending" and query == "sort=-status"
    assert references(client.get(f"{url}?{query}")) == ["1.1", "2.2", "3.1"]
    assert header(client.get(f"{url}?{query}").content.decode(), "Status")[0] == "descending"


def test_the_header_keeps_the_filters_and_starts_again_at_page_one(client, three):
    client.force_login(three.olivia)
    page = client.get(reverse("my_actions"), {"status": "in_progress", "page": "1"}).content.decode()
    _, query = header(page, "RAG")
    assert "status=in_progress" in query and "sort=rag" in query and "page=" not in query


def test_the_members_list_sorts_by_rag_red_first_and_unrated_last(client, three, django_assert_max_num_queries):
    client.force_login(three.maya)
    url = reverse("dashboard_actions", args=[three.review.pk])
    assert references(client.get(url)) == ["1.1", "2.1", "2.2", "3.1"]  # the plan's order by default
    with django_assert_max_num_queries(12):
        response = client.get(url, {"sort": "rag"})
    assert references(response) == ["3.1", "2.2", "1.1", "2.1"]  # red, amber, blue, then not rated
    assert header(response.content.decode(), "RAG")[0] == "ascending"
    assert references(client.get(url, {"sort": "-area"})) == ["3.1", "2.2", "2.1", "1.1"]


def test_an_unknown_sort_is_an_error_next_to_the_field_not_a_500(client, three):
    client.force_login(three.maya)
    response = client.get(reverse("dashboard_actions", args=[three.review.pk]), {"sort": "colour"})
    assert response.status_code == 200
    assert "Choose from the list" in response.content.decode()


def test_the_members_list_leads_to_the_same_list_across_inspections(client, three):
    client.force_login(three.maya)
    page = client.get(reverse("dashboard_actions", args=[three.review.pk])).content.decode()
    across = f"{reverse('my_actions')}?inspection={three.inspection.pk}"
    assert f'href="{across}">Actions in the menu</a>' in page
    listed = client.get(across)
    assert sorted(references(listed)) == ["1.1", "2.1", "2.2", "3.1"]
