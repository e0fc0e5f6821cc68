"""My actions: the officer's landing list, and the same list for any agency for everyone else."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, ProgressUpdate

from .factories import ask, make_action
from .query_helpers import assert_queries_flat

pytestmark = pytest.mark.django_db
URL = reverse("my_actions")


def add_actions(world, count, plan=None, **fields):
    for index in range(count):
        action = make_action(plan or world.wcc_plan, world.area3, reference=f"9.{index}", **fields)
        ProgressUpdate(action=action, author=world.olivia, status=action.status, note=f"Update {index}").save()


def rows(response):
    return list(response.context["page"].object_list)


def test_an_officer_sees_only_the_actions_their_agency_leads(client, world):
    client.force_login(world.olivia)
    response = client.get(URL)
    page = response.content.decode()
    assert '<h1 class="govuk-heading-l">My actions</h1>' in page
    assert [a.pk for a in rows(response)] == [world.wcc_action.pk]
    assert world.arden_action.description not in page
    assert 'name="agency"' not in page  # no agency filter for officers
    client.force_login(world.arjun)
    assert [a.pk for a in rows(client.get(URL))] == [world.arden_action.pk]


def test_an_officer_cannot_widen_the_list_with_an_agency_filter(client, world):
    client.force_login(world.olivia)
    response = client.get(URL, {"agency": world.arden.pk})
    assert [a.pk for a in rows(response)] == [world.wcc_action.pk]


@pytest.mark.parametrize("who", ["maya", "clara", "ada"])
def test_members_clerks_and_admins_see_every_agency_and_can_choose_one(client, world, who):
    client.force_login(getattr(world, who))
    assert {a.pk for a in rows(client.get(URL))} == {world.wcc_action.pk, world.arden_action.pk}
    response = client.get(URL, {"agency": world.arden.pk})
    assert [a.pk for a in rows(response)] == [world.arden_action.pk]


def test_overdue_and_due_before_the_next_meeting_stand_out_in_words(client, world):
    today = timezone.localdate()
    soon = make_action(world.wcc_plan, world.area1, reference="1.2", target_date=today + datetime.timedelta(days=3))
    late = make_action(world.wcc_plan, world.area1, reference="1.3", target_date=today - datetime.timedelta(days=3))
    done_late = make_action(
        world.wcc_plan,
        world.area1,
        reference="1.4",
        status="completed",
        completed_on=today,
        target_date=today - datetime.timedelta(days=30),
    )
    client.force_login(world.olivia)
    response = client.get(URL)
    flags = {a.pk: (a.flag_overdue, a.flag_due_soon) for a in rows(response)}
    assert flags[late.pk] == (True, False)
    assert flags[soon.pk] == (False, True)  # next meeting is in 14 days
    assert flags[done_late.pk] == (False, False)
    assert flags[world.wcc_action.pk] == (False, False)  # due in 30 days, after the meeting
    page = response.content.decode()
    assert page.count('<strong class="govuk-tag overdue-tag">Overdue</strong>') == 1
    assert page.count("Due before next meeting</strong>") == 1
    counts = response.context["counts"]
    assert (counts["total"], counts["overdue"], counts["due_soon"], counts["completed"]) == (4, 1, 1, 1)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"status": "completed"}, ["done"]),
        ({"rag": "red"}, ["red"]),
        ({"rag": "none"}, ["first", "done"]),
        ({"overdue": "yes"}, ["red"]),
        ({"overdue": "no"}, ["first", "done"]),
    ],
)
def test_filters(client, world, params, expected):
    today = timezone.localdate()
    named = {
        "first": world.wcc_action,
        "done": make_action(world.wcc_plan, world.area2, reference="2.9", status="completed", completed_on=today),
        "red": make_action(
            world.wcc_plan, world.area3, reference="3.9", rag="red", target_date=today - datetime.timedelta(days=1)
        ),
    }
    client.force_login(world.olivia)
    shown = {a.pk for a in rows(client.get(URL, params))}
    assert shown == {named[name].pk for name in expected}


def test_area_and_theme_filters(client, world):
    other = make_action(world.wcc_plan, world.area2, reference="2.5")
    client.force_login(world.maya)
    assert {a.pk for a in rows(client.get(URL, {"area": world.area2.pk}))} == {other.pk, world.arden_action.pk}
    assert {a.pk for a in rows(client.get(URL, {"theme": world.safeguarding.pk}))} == {world.wcc_action.pk}


def test_sorted_by_target_date_earliest_first_and_undated_last(client, world):
    today = timezone.localdate()
    undated = make_action(world.wcc_plan, world.area2, reference="2.7", target_date=None)
    early = make_action(world.wcc_plan, world.area3, reference="3.7", target_date=today + datetime.timedelta(days=1))
    client.force_login(world.olivia)
    assert [a.pk for a in rows(client.get(URL))] == [early.pk, world.wcc_action.pk, undated.pk]
    assert [a.pk for a in rows(client.get(URL, {"sort": "-target"}))] == [world.wcc_action.pk, early.pk, undated.pk]


def test_a_bad_filter_value_gets_an_error_not_a_crash(client, world):
    client.force_login(world.maya)
    response = client.get(URL, {"status": "nonsense"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_the_list_shows_the_last_update_and_pages_of_25(client, world):
    add_actions(world, 30)
    client.force_login(world.olivia)
    response = client.get(URL)
    assert len(rows(response)) == 25 and response.context["counts"]["total"] == 31
    page = response.content.decode()
    assert "Showing actions 1 to 25 of 31" in page and "?page=2" in page
    assert len(rows(client.get(URL, {"page": 2}))) == 6
    assert timezone.localdate().strftime("%-d %b %Y") in page  # last update column


def test_officers_see_the_open_requests_asked_of_their_agency(client, world):
    today = timezone.localdate()
    asked = ask(
        world.review,
        world.wcc,
        "Send the caseload figures.",
        raised_on=today - datetime.timedelta(days=20),
        due_by=today - datetime.timedelta(days=5),
    )
    ask(world.review, world.arden, "Send the audit.", raised_on=today)
    client.force_login(world.olivia)
    page = client.get(URL).content.decode()
    assert "Send the caseload figures." in page and "Send the audit." not in page
    section = page.split("Information the group has asked WCC for")[1].split("</ul>")[0]
    assert "Overdue" in section
    assert (
        f'<a class="govuk-link" href="{reverse("request_detail", args=[asked.review_id, asked.pk])}">Send the caseload figures.</a>'
        in section
    )


@pytest.mark.parametrize("who", ["olivia", "maya"])
def test_the_number_of_queries_does_not_grow_with_the_number_of_actions(client, world, who):
    client.force_login(getattr(world, who))
    ask(world.review, world.wcc, "Q?")
    assert_queries_flat(
        client, URL, lambda count: add_actions(world, count), first=5, then=495, data={"sort": "target"}
    )
    assert Action.objects.count() == 502
