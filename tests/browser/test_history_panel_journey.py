"""A long history in a real browser: the latest changes, the whole history on the same page, and back."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from ..factories import make_world, record_update
from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_opens_the_whole_history_of_a_long_running_action_and_goes_back(page):
    world = make_world()
    first_day = timezone.localdate() + datetime.timedelta(days=60)
    for n in range(1, 16):
        record_update(
            world.olivia,
            world.wcc_action,
            new_target_date=first_day + datetime.timedelta(days=n),
            target_date_reason=f"Move {n}.",
        )
    sign_in(page, world.maya)
    url = reverse("action_detail", args=[world.wcc_action.pk])
    page.goto(f"{url}?from=my-actions")
    panel = page.locator(".history-panel")
    expect(panel.get_by_text("Showing the latest 10 of 16 changes.")).to_be_visible()
    expect(panel.locator(".history-panel__entry")).to_have_count(10)
    assert_accessible(page)

    panel.get_by_role("link", name="Show all 16 changes").first.click()
    expect(panel.locator(".history-panel__entry")).to_have_count(16)
    assert page.url.endswith(f"{url}?from=my-actions&history=all#history-heading")
    expect(panel.get_by_text("Showing all 16 changes.")).to_be_visible()
    assert_accessible(page)

    panel.get_by_role("link", name="Show only the latest 10").click()
    expect(panel.locator(".history-panel__entry")).to_have_count(10)
    assert page.url.endswith(f"{url}?from=my-actions#history-heading")
