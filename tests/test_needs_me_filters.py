"""Filter forms send GET without a CSRF token; "due before the next meeting" is a filter on My actions,
and the officer's overdue and due-soon figures open exactly the lists they count."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from .factories import make_action

pytestmark = pytest.mark.django_db
URL = reverse("my_actions")


def get_forms(page):
    return re.findall(r'<form[^>]*method="get"[^>]*>.*?</form>', page, flags=re.S | re.I)


@pytest.mark.parametrize(
    "who, route, params",
    [
        ("olivia", "my_actions", None),
        ("maya", "my_actions", None),
        ("maya", "dashboard", "review"),
        ("maya", "dashboard_actions", "review"),
        ("maya", "changes_since", "review"),
        ("maya", "plan_as_at", "review"),
    ],
)
def test_filter_forms_use_get_and_carry_no_csrf_token(client, world, who, route, params):
    client.force_login(getattr(world, who))
    url = reverse(route, args=[world.review.pk] if params else [])
    page = client.get(url).content.decode()
    forms = get_forms(page)
    assert forms, f"{route} has a filter form"
    for form in forms:
        assert "csrfmiddlewaretoken" not in form


def test_applying_the_my_actions_filter_keeps_the_token_out_of_the_address(client, world):
    client.force_login(world.olivia)
    # The list's own filter form, not the header's search box.
    form = next(f for f in get_forms(client.get(URL).content.decode()) if 'role="search"' not in f)
    names = set(re.findall(r'name="([^"]+)"', form))
    assert "csrfmiddlewaretoken" not in names
    assert {"status", "overdue", "due_soon", "sort"} <= names


def test_a_post_form_still_has_its_token(client, world):
    client.force_login(world.olivia)
    url = reverse("action_update", args=[world.wcc_action.pk])
    page = client.get(url).content.decode()
    form = re.search(rf'<form method="post" action="{url}".*?</form>', page, flags=re.S)[0]
    assert form.count('name="csrfmiddlewaretoken"') == 1  # the template's, not a second from crispy


@pytest.fixture
def timed(world):
    today = timezone.localdate()
    world.soon = make_action(
        world.wcc_plan, world.area1, reference="1.2", target_date=today + datetime.timedelta(days=3)
    )
    world.late = make_action(
        world.wcc_plan, world.area1, reference="1.3", target_date=today - datetime.timedelta(days=3)
    )
    world.today_due = make_action(world.wcc_plan, world.area3, reference="3.1", target_date=today)
    world.done_soon = make_action(
        world.wcc_plan,
        world.area1,
        reference="1.4",
        target_date=today + datetime.timedelta(days=2),
        status="completed",
        completed_on=today,
    )
    return world


def listed(response):
    return {action.pk for action in response.context["page"].object_list}


def test_due_before_the_next_meeting_is_a_filter(client, timed):
    client.force_login(timed.olivia)
    response = client.get(URL, {"due_soon": "yes"})
    # wcc_action is due in 30 days, after the meeting in 14; the completed one is not due.
    assert listed(response) == {timed.soon.pk, timed.today_due.pk}
    assert response.context["counts"]["total"] == 2


def test_the_due_soon_filter_is_not_offered_without_a_coming_meeting(client, timed):
    timed.next_meeting.date = timezone.localdate() - datetime.timedelta(days=1)
    timed.next_meeting.save()
    client.force_login(timed.olivia)
    response = client.get(URL)
    page = response.content.decode()
    assert 'name="due_soon"' not in page and "due before the next meeting" not in page
    assert "No meeting of the group is scheduled" in page


def test_the_officers_figures_are_links_to_exactly_the_lists_they_count(client, timed):
    client.force_login(timed.olivia)
    response = client.get(URL)
    counts = response.context["counts"]
    assert (counts["overdue"], counts["due_soon"]) == (1, 2)
    page = response.content.decode()
    assert f"{timed.next_meeting.title}, {timed.next_meeting.date:%A %-d %B %Y}" in page
    links = {
        " ".join(re.sub(r"<[^>]+>", " ", unescape(text)).split()): unescape(href)
        for href, text in re.findall(r'<a class="govuk-link" href="([^"]+)">(.*?)</a>', page, flags=re.S)
    }
    overdue_link, due_soon_link = links["1 overdue"], links["2 due before the next meeting"]
    overdue_list = client.get(overdue_link)
    assert listed(overdue_list) == {timed.late.pk}
    assert overdue_list.context["counts"]["total"] == counts["overdue"]
    due_soon_list = client.get(due_soon_link)
    assert listed(due_soon_list) == {timed.soon.pk, timed.today_due.pk}
    assert due_soon_list.context["counts"]["total"] == counts["due_soon"]


def test_the_figure_links_keep_the_filters_already_chosen(client, timed):
    client.force_login(timed.olivia)
    page = client.get(URL, {"area": timed.area3.pk, "page": "1"}).content.decode()
    href = unescape(
        re.search(r'<a class="govuk-link" href="([^"]+)"><span class="count">\d+</span> due before', page)[1]
    )
    assert f"area={timed.area3.pk}" in href and "due_soon=yes" in href and "page=" not in href
    assert listed(client.get(href)) == {timed.today_due.pk}
