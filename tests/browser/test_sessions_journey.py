"""The timeout warning and typed work kept across an ended session or a stale form, in a browser."""

import time

import pytest
from django.contrib.sessions.backends.db import SessionStore

from scrutiny.core.security import LAST_SEEN_KEY

from .conftest import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UPDATE = "Caseloads fell to 18 per worker in March; agency staff leave at the end of the quarter."


def server_session(page) -> SessionStore:
    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    return SessionStore(session_key=key)


def idle_for(page, seconds):
    session = server_session(page)
    session[LAST_SEEN_KEY] = time.time() - seconds
    session.save()


def test_the_timeout_warning_appears_and_stay_signed_in_works(page, world):
    page.clock.install()
    sign_in(page, world.maya)
    page.goto("/")
    dialog = page.get_by_role("alertdialog")
    assert not dialog.is_visible()
    page.clock.fast_forward((28 * 60 + 5) * 1000)
    dialog.wait_for(state="visible")
    assert "You are about to be signed out" in dialog.inner_text()
    assert "1 minute" in page.locator(".session-timeout__countdown").inner_text()
    assert_accessible(page)
    screenshot(page, "session-timeout-warning")
    before = server_session(page)[LAST_SEEN_KEY]
    with page.expect_response("**/session/extend/"):
        page.get_by_role("button", name="Stay signed in").click()
    dialog.wait_for(state="hidden")
    assert server_session(page)[LAST_SEEN_KEY] > before
    page.clock.fast_forward(20 * 60 * 1000)
    assert not dialog.is_visible()  # a fresh 30 minutes
    page.clock.fast_forward((8 * 60 + 30) * 1000)
    dialog.wait_for(state="visible")


def test_an_update_saved_after_the_session_ended_comes_back_after_signing_in(page, world):
    sign_in(page, world.olivia)
    page.goto(f"/actions/{world.wcc_action.pk}/update/")
    page.locator("textarea[name=note]").fill(UPDATE)
    idle_for(page, 31 * 60)
    page.get_by_role("button", name="Save update").click()
    assert "/sign-in/" in page.url
    assert "What you typed has been kept" in page.locator(".govuk-notification-banner").inner_text()
    page.get_by_label("Username").fill("olivia")
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert f"/actions/{world.wcc_action.pk}/update/" in page.url
    assert page.locator("textarea[name=note]").input_value() == UPDATE
    assert "What you typed has been put back" in page.locator("main").inner_text()
    assert_accessible(page)
    screenshot(page, "typed-work-restored")


def test_an_update_with_a_stale_security_token_keeps_the_text(page, world):
    sign_in(page, world.olivia)
    page.goto(f"/actions/{world.wcc_action.pk}/update/")
    page.locator("textarea[name=note]").fill(UPDATE)
    # Signed out and in again in another tab: the form's token is now stale.
    other = page.context.new_page()
    other.goto("/")
    other.get_by_role("button", name="Sign out").click()
    sign_in(other, world.olivia)
    other.close()
    page.get_by_role("button", name="Save update").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your form could not be sent"
    assert_accessible(page)
    screenshot(page, "stale-form")
    page.get_by_role("link", name="Go back to the form").click()
    assert page.locator("textarea[name=note]").input_value() == UPDATE
