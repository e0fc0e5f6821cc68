"""Single sign-on end to end against a real OpenID Connect provider (tests/oidc_provider_site, run
in a subprocess): Scrutiny's redirect, the provider's sign-in and consent pages, the code exchanged
for signed tokens over HTTP, the signature checked against the provider's published keys, and the
person matched by e-mail. The person's side of it is played with plain HTTP here; the browser test
(tests/browser/test_single_sign_on_journey.py) plays it in Chromium."""

import socket
from urllib.parse import urlsplit

import pytest

from scrutiny.core.oidc_discovery import discovered

from .oidc_provider import running_provider, sign_in_at_provider, use_provider

pytestmark = pytest.mark.django_db

OLIVIA = "olivia.okafor@warwickshire.gov.uk"
NEW_STARTER = "new.starter@warwickshire.gov.uk"
OUTSIDER = "arjun.shah@partner-mail.example"


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    with running_provider(
        tmp_path_factory.mktemp("provider"),
        redirect_uris=["http://testserver/oidc/callback/"],
        emails=[OLIVIA, NEW_STARTER, OUTSIDER],
    ) as provider:
        yield provider


@pytest.fixture
def scrutiny(settings, provider, client, world):
    use_provider(settings, provider)
    world.olivia.email = OLIVIA.upper()  # matched whatever the case
    world.olivia.save()
    world.arjun.email = OUTSIDER
    world.arjun.save()
    return client


def round_trip(client, email, *, allow=True):
    """Press "Sign in with your organisation's account", sign in at the provider, come back."""
    sign_in_page = client.get("/sign-in/?next=/actions/").content.decode()
    assert "Sign in with your organisation’s account" in sign_in_page
    start = client.get("/oidc/authenticate/?next=/actions/")
    assert start.status_code == 302 and start["Location"].startswith(client_provider_url(client))
    callback = urlsplit(sign_in_at_provider(start["Location"], email, allow=allow))
    assert callback.path == "/oidc/callback/"
    return client.get(f"{callback.path}?{callback.query}", follow=True)


def client_provider_url(client):
    from django.conf import settings

    return settings.OIDC_ISSUER + "/authorize"


def said(response) -> str:
    return response.content.decode()


def test_a_council_officer_signs_in_with_the_councils_account_and_lands_on_their_actions(scrutiny, world):
    response = round_trip(scrutiny, OLIVIA)
    assert response.redirect_chain[-1][0] == "/actions/"
    assert response.wsgi_request.user == world.olivia
    assert "Signed in as" in said(response)


def test_an_unknown_email_is_refused_with_a_clear_message(scrutiny, django_user_model):
    people = django_user_model.objects.count()
    response = round_trip(scrutiny, NEW_STARTER)
    assert response.redirect_chain[-1][0].startswith("/sign-in/")
    assert not response.wsgi_request.user.is_authenticated
    assert f"There is no account for {NEW_STARTER} in this service" in said(response)
    assert django_user_model.objects.count() == people


def test_an_address_outside_the_allowed_domains_is_refused_even_with_an_account(scrutiny):
    response = round_trip(scrutiny, OUTSIDER)
    assert not response.wsgi_request.user.is_authenticated
    assert f"{OUTSIDER} is not an address from an organisation that can sign in here" in said(response)


def test_declining_at_the_provider_signs_nobody_in_and_says_so(scrutiny):
    response = round_trip(scrutiny, OLIVIA, allow=False)
    assert not response.wsgi_request.user.is_authenticated
    assert response.redirect_chain[-1][0].startswith("/sign-in/")
    assert "You did not finish signing in with your organisation’s account" in said(response)


def closed_port_url() -> str:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_a_provider_that_cannot_be_reached_is_explained_on_the_sign_in_page(scrutiny, settings):
    nowhere = closed_port_url()
    settings.OIDC_ISSUER = nowhere
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = discovered(nowhere, "authorization_endpoint")
    response = scrutiny.get("/oidc/authenticate/", follow=True)
    assert response.redirect_chain == [("/sign-in/", 302)]
    assert "Your organisation’s sign-in service could not be reached" in said(response)


def test_a_provider_that_stops_answering_halfway_is_explained_too(scrutiny, settings, provider):
    start = scrutiny.get("/oidc/authenticate/?next=/actions/")
    callback = urlsplit(sign_in_at_provider(start["Location"], OLIVIA))
    settings.OIDC_OP_TOKEN_ENDPOINT = closed_port_url() + "/token"
    response = scrutiny.get(f"{callback.path}?{callback.query}", follow=True)
    assert not response.wsgi_request.user.is_authenticated
    assert "Your organisation’s sign-in service could not be reached" in said(response)
