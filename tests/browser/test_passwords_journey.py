import re

import pytest
from django.core import mail

from ..factories import PASSWORD
from .conftest import assert_accessible, assert_error_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW = "a-longer-new-passphrase-2026"
NEWER = "yet-another-passphrase-2027"


def test_a_member_changes_their_password_from_the_header(page, world):
    sign_in(page, world.maya)
    page.get_by_role("link", name="Change password").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Change your password"
    assert_accessible(page)
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill(NEW)
    page.get_by_label("Type the new password again").fill("something else entirely")
    page.get_by_role("button", name="Change password").click()
    assert_error_page(page)
    assert "The two new passwords are different" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password", exact=True).fill(NEW)
    page.get_by_label("Type the new password again").fill(NEW)
    page.get_by_role("button", name="Change password").click()
    assert "Your password has been changed" in page.locator(".govuk-notification-banner").inner_text()
    screenshot(page, "password-changed")
    page.context.clear_cookies()
    sign_in(page, world.maya, password=NEW)
    assert "Signed in as" in page.locator(".signed-in-as").inner_text()


def test_a_forgotten_password_is_reset_by_an_emailed_link_that_works_once(page, world):
    world.olivia.email = "olivia@warwickshire.gov.uk"
    world.olivia.save()
    page.goto("/sign-in/")
    page.get_by_role("link", name="Forgotten your password?").click()
    assert_accessible(page)
    page.get_by_label("Email address").fill("olivia@warwickshire.gov.uk")
    page.get_by_role("button", name="Send the link").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/password-reset/\S+/)", mail.outbox[0].body).group(1)

    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Choose a new password"
    assert_accessible(page)
    page.get_by_label("New password", exact=True).fill(NEW)
    page.get_by_label("Type the new password again").fill(NEW)
    page.get_by_role("button", name="Save new password").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your password has been changed"
    screenshot(page, "password-reset-complete")

    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "This link no longer works"
    assert_accessible(page)
    sign_in(page, world.olivia, password=NEW)
    assert page.get_by_role("heading", level=1).inner_text() == "My actions"
