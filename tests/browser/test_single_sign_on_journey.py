"""Signing in with the organisation's account in Chromium, through a real OpenID Connect provider
started by the test (tests/oidc_provider_site): its sign-in page, its consent page, and back."""

import pytest

from ..oidc_provider import PROVIDER_PASSWORD, running_provider, use_provider
from .conftest import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OLIVIA = "olivia.okafor@warwickshire.gov.uk"
NEW_STARTER = "new.starter@warwickshire.gov.uk"
OUTSIDER = "olivia.okafor@partner-mail.example"
SSO_BUTTON = "Sign in with your organisation’s account"


@pytest.fixture(scope="module")
def provider(tmp_path_factory, live_server):
    with running_provider(
        tmp_path_factory.mktemp("provider"),
        redirect_uris=[f"{live_server.url}/oidc/callback/"],
        emails=[OLIVIA, NEW_STARTER, OUTSIDER],
    ) as provider:
        yield provider


@pytest.fixture
def sso(settings, provider, world):
    use_provider(settings, provider)
    world.olivia.email = OLIVIA
    world.olivia.save()
    return world


def sign_in_at_the_provider(page, email):
    page.get_by_role("link", name=SSO_BUTTON).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in to your organisation (test provider)"
    page.get_by_label("Email or username").fill(email)
    page.get_by_label("Password").fill(PROVIDER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Request for Permission"
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_load_state()


def test_an_officer_signs_in_with_the_councils_account(page, sso, provider, live_server):
    page.goto("/sign-in/")
    assert_accessible(page)
    sign_in_at_the_provider(page, OLIVIA)
    assert page.url.startswith(live_server.url + "/")  # back from the provider
    assert page.get_by_role("heading", level=1).inner_text() == "My actions"
    assert "Olivia" in page.locator(".signed-in-as").inner_text()
    screenshot(page, "single-sign-on-signed-in")


def test_an_unknown_address_is_refused_with_a_clear_message(page, sso, provider):
    page.goto("/sign-in/")
    sign_in_at_the_provider(page, NEW_STARTER)
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"
    assert f"There is no account for {NEW_STARTER} in this service" in page.locator("main").inner_text()
    assert page.locator(".signed-in-as").count() == 0
    assert_accessible(page)
    screenshot(page, "single-sign-on-unknown-address")


def test_an_address_from_a_domain_not_allowed_is_refused(page, sso, provider):
    sso.olivia.email = OUTSIDER
    sso.olivia.save()
    page.goto("/sign-in/")
    sign_in_at_the_provider(page, OUTSIDER)
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"
    assert "is not an address from an organisation that can sign in here" in page.locator("main").inner_text()
    assert page.locator(".signed-in-as").count() == 0
