"""Odd values in the address bar get a normal page, never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ODD = ["²", "99999999999999999999999", "abc", "-1", " 1 ", ""]


@pytest.mark.parametrize("value", ODD)
@pytest.mark.parametrize(
    "url_name, param",
    [
        ("agencies_side_by_side", "theme"),
        ("changes_since", "theme"),
        ("conclusions_table", "theme"),
        ("conclusions_table", "agency"),
        ("conclusion_add", "action"),
        ("request_add", "area"),
    ],
)
def test_odd_ids_in_the_query_string_are_ignored(client, world, url_name, param, value):
    client.force_login(world.maya)
    response = client.get(reverse(url_name, args=[world.review.pk]), {param: value})
    assert response.status_code == 200, response.status_code  # the page, as if the value were not there
    assert "govuk-error-summary" not in response.content.decode()


@pytest.mark.parametrize("value", ODD[:3])
def test_odd_agency_on_the_plan_export_is_not_found(client, world, value):
    client.force_login(world.maya)
    response = client.get(reverse("plan_export", args=[world.inspection.pk, "csv"]), {"agency": value})
    assert response.status_code == 404


def test_odd_agency_on_the_past_view_is_ignored(client, world):
    client.force_login(world.maya)
    assert (
        client.get(reverse("plan_as_at", args=[world.review.pk]), {"date": "2012-05-01", "agency": "²"}).status_code
        == 200
    )


@pytest.mark.parametrize(
    "page, query",
    [("dashboard_actions", {"due_month": "9999-12"}), ("changes_since", {"since": "9999-12-31"})],
    ids=["a month on the actions list", "a date on the changes page"],
)
def test_a_date_far_in_the_future_is_explained_not_a_server_error(client, world, page, query):
    client.force_login(world.maya)
    response = client.get(reverse(page, args=[world.review.pk]), query)
    assert response.status_code == 200
    assert "Enter a date between 1900 and 2200" in response.content.decode()


def test_a_meeting_cannot_be_scheduled_in_the_year_9999(client, world):
    from scrutiny.review.models import Meeting

    client.force_login(world.clara)
    before = Meeting.objects.count()
    response = client.post(
        reverse("meeting_add", args=[world.review.pk]), {"title": "Typo", "date": "31/12/9999", "purpose": "Check"}
    )
    assert response.status_code == 200
    assert "Enter a date between 1900 and 2200" in response.content.decode()
    assert Meeting.objects.count() == before
