"""A new target date in the past (a slip of the year) is refused until the officer confirms it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan.models import TargetDateChange

from .test_action_update import date_parts, fresh, post_update

pytestmark = pytest.mark.django_db

CONFIRM_LABEL = "Yes, the date is in the past"


def a_year_ago():
    return timezone.localdate() - datetime.timedelta(days=365)


def test_the_confirmation_box_is_not_shown_on_a_fresh_form(client, world):
    client.force_login(world.olivia)
    page = client.get(reverse("action_update", args=[world.wcc_action.pk])).content.decode()
    assert CONFIRM_LABEL not in page


def test_a_past_target_date_is_refused_without_confirmation_and_the_box_is_shown(client, world):
    client.force_login(world.olivia)
    before = fresh(world.wcc_action)
    past = a_year_ago()
    response = post_update(
        client, before, target_date_reason="Typed the wrong year", **date_parts("new_target_date", past)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f"The new target date, {past:%-d %B %Y}, is in the past" in page
    assert "govuk-error-summary" in page and "<title>Error:" in page
    assert CONFIRM_LABEL in page and 'name="confirm_past_target_date"' in page
    assert "Typed the wrong year" in page  # the reason typed is kept
    assert fresh(world.wcc_action).target_date == before.target_date
    assert not TargetDateChange.objects.exists()


def test_a_past_target_date_is_saved_when_confirmed(client, world):
    client.force_login(world.olivia)
    before = fresh(world.wcc_action)
    past = a_year_ago()
    response = post_update(
        client,
        before,
        target_date_reason="The work was due last year; recording the agreed date.",
        confirm_past_target_date="on",
        **date_parts("new_target_date", past),
    )
    assert response.status_code == 302
    assert fresh(world.wcc_action).target_date == past
    assert TargetDateChange.objects.get().new_date == past


def test_the_box_stays_ticked_when_another_field_is_wrong(client, world):
    client.force_login(world.olivia)
    before = fresh(world.wcc_action)
    response = post_update(client, before, confirm_past_target_date="on", **date_parts("new_target_date", a_year_ago()))
    page = response.content.decode()
    assert "Say why the target date is moving" in page
    assert ", is in the past" not in page
    assert (
        'name="confirm_past_target_date"' in page and "checked" in page.split('name="confirm_past_target_date"')[1][:80]
    )
    assert fresh(world.wcc_action).target_date == before.target_date


@pytest.mark.parametrize("days_ahead", [0, 45])
def test_today_or_a_future_date_needs_no_confirmation(client, world, days_ahead):
    client.force_login(world.olivia)
    before = fresh(world.wcc_action)
    new_date = timezone.localdate() + datetime.timedelta(days=days_ahead)
    response = post_update(
        client, before, target_date_reason="Agreed at the board", **date_parts("new_target_date", new_date)
    )
    assert response.status_code == 302
    assert fresh(world.wcc_action).target_date == new_date
