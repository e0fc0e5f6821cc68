import pytest

from .conftest import assert_accessible, assert_error_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


HOME_HEADING = {
    "olivia": "My actions",
    "arjun": "My actions",
    "maya": "Inspections and reviews",
    "clara": "Inspections and reviews",
    "ada": "Inspections and reviews",
}


@pytest.mark.parametrize("who", ["olivia", "arjun", "maya", "clara", "ada"])
def test_each_role_signs_in_and_sees_the_home_page(page, world, who):
    user = getattr(world, who)
    sign_in(page, user)
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == HOME_HEADING[who]
    assert f"Signed in as {user.display_name}" in page.locator(".signed-in-as").inner_text()
    if who in ("maya", "clara", "ada"):
        assert page.get_by_role("heading", name="Reviews in progress").is_visible()
        assert page.get_by_role("link", name="Safeguarding Improvement Task & Finish Group").first.is_visible()
    assert_accessible(page)
    screenshot(page, f"home-{who}")


def test_officers_land_on_their_actions_and_others_on_the_home_page(page, world):
    sign_in(page, world.olivia)
    assert page.get_by_role("heading", level=1).inner_text() == "My actions"
    page.context.clear_cookies()
    sign_in(page, world.maya)
    assert page.get_by_role("heading", level=1).inner_text() == "Inspections and reviews"


def test_the_sign_in_page_is_accessible_with_and_without_errors(page, world):
    page.goto("/")
    assert "/sign-in/" in page.url
    assert_accessible(page)
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    assert "Enter your username" in summary.inner_text()
    assert_error_page(page)
    assert_accessible(page)
    screenshot(page, "sign-in-errors")


def test_a_wrong_password_is_refused_with_a_clear_message(page, world):
    sign_in(page, world.olivia, password="not-the-password")
    assert "Enter a correct username and password" in page.locator(".govuk-error-summary").inner_text()
    assert "/sign-in/" in page.url


def test_signing_out_returns_to_the_sign_in_page(page, world):
    sign_in(page, world.maya)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in/")
    page.goto("/")
    assert "/sign-in/" in page.url
