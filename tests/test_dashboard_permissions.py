"""Who may open the members' pages: members and clerks of the review, and administrators; officers
get 403; a member of another review finds nothing (404)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SEES_EVERYTHING = ["maya", "mark", "clara", "ada"]
OFFICERS = ["olivia", "arjun"]
OTHER_REVIEW = {"mark"}


def urls(world):
    return {
        "dashboard": reverse("dashboard", args=[world.review.pk]),
        "dashboard_actions": reverse("dashboard_actions", args=[world.review.pk]),
        "dashboard_evidence": reverse("dashboard_evidence", args=[world.review.pk]),
        "dashboard_requests": reverse("dashboard_requests", args=[world.review.pk]),
        "changes_since": reverse("changes_since", args=[world.review.pk]),
        "plan_as_at": reverse("plan_as_at", args=[world.review.pk]) + "?date=2012-05-30",
        "prep_pack": reverse("prep_pack", args=[world.next_meeting.review_id, world.next_meeting.pk]),
        "agencies_side_by_side": reverse("agencies_side_by_side", args=[world.review.pk]),
    }


URL_NAMES = [
    "dashboard",
    "dashboard_actions",
    "dashboard_evidence",
    "dashboard_requests",
    "changes_since",
    "plan_as_at",
    "prep_pack",
    "agencies_side_by_side",
]


@pytest.mark.parametrize("name", URL_NAMES)
@pytest.mark.parametrize("who", SEES_EVERYTHING + OFFICERS)
def test_get(client, world, who, name):
    client.force_login(getattr(world, who))
    response = client.get(urls(world)[name])
    assert response.status_code == (404 if who in OTHER_REVIEW else 200 if who in SEES_EVERYTHING else 403)


@pytest.mark.parametrize("name", URL_NAMES)
@pytest.mark.parametrize("who", SEES_EVERYTHING + OFFICERS)
def test_post_is_refused_because_these_pages_only_read(client, world, who, name):
    client.force_login(getattr(world, who))
    response = client.post(urls(world)[name])
    assert response.status_code == (405 if who in SEES_EVERYTHING else 403)


@pytest.mark.parametrize("name", URL_NAMES)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, name):
    response = client.get(urls(world)[name])
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_a_deactivated_member_cannot_see_the_dashboard(client, world):
    world.maya.is_active = False
    world.maya.save()
    client.force_login(world.maya)
    response = client.get(reverse("dashboard", args=[world.review.pk]))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
