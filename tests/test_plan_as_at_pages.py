"""The plan as it stood, a page of actions at a time: the counts cover the whole plan, the links keep the filters."""

import datetime
import re
from collections import Counter

import pytest
from django.urls import reverse

from scrutiny.review.reporting.past import plan_as_at
from scrutiny.review.reporting.scope import end_of_day

from .bulkdata import scale_up

pytestmark = pytest.mark.django_db


def today() -> str:
    return datetime.date.today().isoformat()


def action_rows(html: str) -> list[str]:
    """The references of the actions listed, in the page's order."""
    return re.findall(r'<td class="govuk-table__cell"><strong>([^<]+)</strong>', html)


def status_counts(html: str) -> Counter:
    """The table of actions by status then, as the page shows it."""
    table = html.split("Actions by status then", 1)[1].split("</table>", 1)[0]
    return Counter({label: int(n) for label, n in re.findall(r">([^<>]+)</th><td[^>]*>(\d+)</td>", table)})


@pytest.fixture
def big_plan(world):
    """141 actions led by WCC (1.1, then 70 each in areas 1 and 3) and 71 by Arden Cluster in area 2."""
    scale_up(world, 70)
    return world


def test_a_long_plan_shows_its_first_page_and_counts_the_whole_plan(client, big_plan, maya):
    client.force_login(maya)
    url = reverse("plan_as_at", args=[big_plan.review.pk])
    response = client.get(url, {"date": today(), "agency": big_plan.wcc.pk})
    html = response.content.decode()

    # Areas 1 (71 actions) and 2 (none of WCC's) fill 72 places; area 3 starts on this page.
    shown = action_rows(html)
    assert len(shown) == 99 and shown[0] == "1.1" and "B69.3" not in shown
    assert "No actions for this area then." in html
    assert "3 areas and 141 actions existed then, 70 of them overdue." in html
    # Per status, every action of the plan then, not only the page's
    whole = plan_as_at(
        inspection=big_plan.inspection, moment=end_of_day(datetime.date.today()), agency_id=big_plan.wcc.pk
    )
    by_status = Counter(action.status_label for area in whole.areas for action in area.actions)
    assert status_counts(html) == by_status and sum(by_status.values()) == 141
    assert "Showing actions 1 to 99 of 141, in the order of the plan." in html
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert next_link == f"?date={today()}&agency={big_plan.wcc.pk}&page=2"


def test_the_next_page_continues_the_area_and_keeps_the_whole_plans_counts(client, big_plan, maya):
    client.force_login(maya)
    url = reverse("plan_as_at", args=[big_plan.review.pk])
    response = client.get(url, {"date": today(), "agency": big_plan.wcc.pk, "page": 2})
    html = response.content.decode()

    shown = action_rows(html)
    assert len(shown) == 42 and shown[-1] == "B9.3"  # references in plan order: B0.3, B1.3, B10.3 ... B9.3
    assert "Area 3 (continued)" in html and "Area 1 " not in html
    assert "3 areas and 141 actions existed then" in html
    assert sum(status_counts(html).values()) == 141
    assert "Showing actions 100 to 141 of 141" in html
    assert 'rel="next"' not in html
    assert f'href="?date={today()}&amp;agency={big_plan.wcc.pk}&amp;page=1" rel="prev"' in html


def test_the_pages_together_are_the_whole_plan_in_order(client, big_plan, maya):
    client.force_login(maya)
    url = reverse("plan_as_at", args=[big_plan.review.pk])
    paged = [
        reference
        for page in (1, 2, 3)
        for reference in action_rows(client.get(url, {"date": today(), "page": page}).content.decode())
    ]
    whole = plan_as_at(inspection=big_plan.inspection, moment=end_of_day(datetime.date.today()))
    assert paged == [action.reference for area in whole.areas for action in area.actions]
    assert len(paged) == whole.action_count == 212 and len(set(paged)) == 212


def test_the_page_reads_no_more_as_the_plan_grows(client, world, maya, django_assert_max_num_queries):
    client.force_login(maya)
    url = reverse("plan_as_at", args=[world.review.pk])
    client.get(url, {"date": today()})  # the first request after signing in stamps the session
    scale_up(world, 2)
    with django_assert_max_num_queries(11):
        small = client.get(url, {"date": today()})
    scale_up(world, 100)
    with django_assert_max_num_queries(11):
        large = client.get(url, {"date": today()})
    assert len(action_rows(small.content.decode())) == 8
    assert len(action_rows(large.content.decode())) == 100
