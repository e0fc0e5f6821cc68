"""Ready-made report pages: served again while nothing changed, rebuilt the moment anything does,
never shown to anyone but the person they were built for."""

import datetime
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action
from scrutiny.people.models import Role
from scrutiny.review.models import Conclusion
from scrutiny.core.pagecache import HEADER

from .test_action_update import post_update

pytestmark = pytest.mark.django_db

CACHED_PAGES = [
    ("olivia", "my_actions", lambda w: []),
    ("olivia", "action_detail", lambda w: [w.wcc_action.pk]),
    ("maya", "dashboard", lambda w: []),
    ("maya", "changes_since", lambda w: []),
    ("maya", "prep_pack", lambda w: [w.next_meeting.pk]),
    ("maya", "conclusions_table", lambda w: []),
    ("maya", "conclusions_table_for_review", lambda w: [w.review.pk]),
]


@pytest.mark.parametrize("who,name,args", CACHED_PAGES, ids=[page[1] for page in CACHED_PAGES])
def test_a_second_visit_gets_the_same_page_with_few_queries(client, world, who, name, args,
                                                            django_assert_max_num_queries):
    client.force_login(getattr(world, who))
    url = reverse(name, args=args(world))
    first = client.get(url)
    assert first.status_code == 200 and first[HEADER] == "miss"
    # Session, user, the data version and the cache itself: nothing that grows with the data.
    with django_assert_max_num_queries(4):
        second = client.get(url)
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_an_officers_update_shows_on_the_very_next_visit(client, world):
    action = world.wcc_action
    client.force_login(world.olivia)
    url = reverse("action_detail", args=[action.pk])
    assert "Caseload review started." not in client.get(url).content.decode()
    assert client.get(url)[HEADER] == "hit"

    post_update(client, action, status="in_progress", rag="amber", note="Caseload review started.")

    after_message = client.get(url)  # carries "has been saved": shown once, never kept
    assert "has been saved" in after_message.content.decode()
    assert HEADER not in after_message
    again = client.get(url)
    page = again.content.decode()
    assert again[HEADER] == "miss"
    assert "Caseload review started." in page and "has been saved" not in page


def test_a_conclusion_recorded_by_a_member_reaches_the_officers_page(client, world):
    client.force_login(world.olivia)
    url = reverse("action_detail", args=[world.wcc_action.pk])
    client.get(url)
    Conclusion.objects.create(
        review=world.review, action=world.wcc_action, meeting=world.next_meeting,
        judgement=Conclusion.Judgement.SATISFIED, recorded_by=world.maya, reasoning="Caseload reports seen; satisfied with progress.",
    )
    response = client.get(url)
    assert response[HEADER] == "miss"
    assert "Caseload reports seen; satisfied with progress." in response.content.decode()


def test_nobody_is_served_a_page_built_for_someone_else(world, settings):
    maya, ada = Client(), Client()
    maya.force_login(world.maya)
    ada.force_login(world.ada)  # both signed in before either looks: the data no longer changes
    maya.get(reverse("dashboard", args=[world.review.pk]))
    assert maya.get(reverse("dashboard", args=[world.review.pk]))[HEADER] == "hit"
    ada.cookies[settings.CSRF_COOKIE_NAME] = maya.cookies[settings.CSRF_COOKIE_NAME].value  # even so
    response = ada.get(reverse("dashboard", args=[world.review.pk]))
    assert response[HEADER] == "miss"
    assert f"Signed in as <strong>{world.ada.display_name}</strong>" in response.content.decode()


def test_a_new_session_of_the_same_person_builds_its_own_page(client, world):
    client.force_login(world.olivia)
    client.get(reverse("my_actions"))
    client.logout()
    client.force_login(world.olivia)
    assert client.get(reverse("my_actions"))[HEADER] == "miss"


def test_a_changed_role_takes_effect_at_once(client, world):
    maya = world.maya
    client.force_login(maya)
    assert client.get(reverse("dashboard", args=[world.review.pk]))[HEADER] == "miss"
    maya.role = Role.OFFICER
    maya.agency = world.wcc
    maya.save()
    assert client.get(reverse("dashboard", args=[world.review.pk])).status_code == 403


def test_the_other_agency_never_sees_the_leads_update_link(client, world):
    client.force_login(world.olivia)
    url = reverse("action_detail", args=[world.wcc_action.pk])
    update_link = reverse("action_update", args=[world.wcc_action.pk])
    assert update_link in client.get(url).content.decode()
    client.force_login(world.arjun)
    for expected in ("miss", "hit"):
        response = client.get(url)
        assert response[HEADER] == expected
        assert update_link not in response.content.decode()


def test_overdue_moves_at_midnight(client, world):
    action = world.wcc_action
    action.status = Action.Status.IN_PROGRESS
    action.target_date = timezone.localdate()
    action.save()
    client.force_login(world.olivia)
    url = reverse("action_detail", args=[action.pk])
    assert "Overdue" not in client.get(url).content.decode()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        response = client.get(url)
    assert response[HEADER] == "miss"
    assert "Overdue" in response.content.decode()


def test_each_filter_is_its_own_page(client, world):
    client.force_login(world.olivia)
    client.get(reverse("my_actions"))
    response = client.get(reverse("my_actions"), {"status": "completed"})
    assert response[HEADER] == "miss"


def test_setting_zero_turns_the_cache_off(client, world, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(world.maya)
    for _ in range(2):
        assert HEADER not in client.get(reverse("dashboard", args=[world.review.pk]))
