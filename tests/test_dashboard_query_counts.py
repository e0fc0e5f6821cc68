"""Every members' page makes the same number of queries at 10 and at 100 times the demo's size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan.models import Action

from .bulkdata import scale_up

pytestmark = pytest.mark.django_db

DEMO_ACTIONS = 16  # the Warwickshire demo's actions; scale_up adds 3 actions per unit


def pages(world):
    week_ago = (datetime.date.today() - datetime.timedelta(days=7)).isoformat()
    return [
        reverse("dashboard", args=[world.review.pk]),
        reverse("dashboard", args=[world.review.pk]) + "?weeks=2",
        reverse("dashboard_actions", args=[world.review.pk]),
        reverse("dashboard_actions", args=[world.review.pk])
        + f"?status=in_progress&agency={world.wcc.pk}&progress=overdue&stale_weeks=1",
        reverse("dashboard_evidence", args=[world.review.pk]),
        reverse("dashboard_requests", args=[world.review.pk]),
        reverse("changes_since", args=[world.review.pk]),
        reverse("changes_since", args=[world.review.pk]) + f"?since={week_ago}",
        reverse("plan_as_at", args=[world.review.pk]) + f"?date={datetime.date.today().isoformat()}",
        reverse("plan_as_at", args=[world.review.pk]) + f"?meeting={world.last_meeting.pk}",
        reverse("prep_pack", args=[world.next_meeting.review_id, world.next_meeting.pk]),
        reverse("agencies_side_by_side", args=[world.review.pk]),
        reverse("agencies_side_by_side", args=[world.review.pk]) + "?divergent=1",
    ]


def visit(client, url):
    """The queries one page makes, and the page."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries), response


def changes_listed(visits, review) -> int:
    return visits[reverse("changes_since", args=[review.pk])][1].context["digest"].change_count


def test_every_page_makes_the_same_number_of_queries_at_ten_and_a_hundred_times_the_demo(client, world):
    client.force_login(world.maya)
    # The first request after signing in stamps the session's last-seen time (three queries, once):
    # made here so that the counts below are the pages' own.
    client.get(reverse("dashboard", args=[world.review.pk]))
    units_for = lambda times: times * DEMO_ACTIONS // 3  # noqa: E731

    scale_up(world, units_for(10))
    assert Action.objects.count() >= 10 * DEMO_ACTIONS
    # Building the data can take over a minute; the visit re-stamps the session so none of the pages do.
    client.get(reverse("home"))
    small = {url: visit(client, url) for url in pages(world)}

    scale_up(world, units_for(100) - units_for(10))
    assert Action.objects.count() >= 100 * DEMO_ACTIONS
    client.get(reverse("home"))
    large = {url: visit(client, url) for url in pages(world)}

    # The bulk changes are dated after the last meeting (a fortnight ago), so the digest reads them at both sizes.
    assert 0 < changes_listed(small, world.review) < changes_listed(large, world.review)
    assert {url: count for url, (count, _page) in large.items()} == {
        url: count for url, (count, _page) in small.items()
    }
    assert max(count for count, _page in small.values()) <= 30
