"""Single sign-on's matching rules: an existing, active account with the same e-mail address in an
allowed domain signs in; anything else is refused with a message saying what to do.

The round trip through a real OpenID Connect provider is in tests/test_oidc_round_trip.py and the
browser's in tests/browser/test_single_sign_on_journey.py."""

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore

from scrutiny.people.oidc import EmailMatchingOIDCBackend

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _oidc_settings(settings):
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = "scrutiny"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://login.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://login.example/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://login.example/keys"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_CREATE_USER = False
    settings.OIDC_ALLOWED_EMAIL_DOMAINS = ["warwickshire.gov.uk", "nhs.net"]


@pytest.fixture
def backend(rf):
    request = rf.get("/oidc/callback/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    backend = EmailMatchingOIDCBackend()
    backend.request = request
    return backend


def sign_in_as(backend, monkeypatch, claims):
    monkeypatch.setattr(backend, "get_userinfo", lambda access_token, id_token, payload: claims)
    return backend.get_or_create_user("access", "id", {})


def said(backend) -> str:
    return " ".join(str(m) for m in get_messages(backend.request))


def test_an_existing_user_is_matched_by_email_whatever_its_case(backend, monkeypatch, olivia):
    olivia.email = "Olivia.Okafor@warwickshire.gov.uk"
    olivia.save()
    user = sign_in_as(backend, monkeypatch, {"email": "olivia.okafor@WARWICKSHIRE.gov.uk"})
    assert user == olivia
    assert user.role == "officer" and user.agency == olivia.agency  # roles stay as set in the service


def test_entra_ids_preferred_username_is_used_when_there_is_no_email_claim(backend, monkeypatch, arjun):
    arjun.email = "arjun.shah@nhs.net"
    arjun.save()
    assert sign_in_as(backend, monkeypatch, {"preferred_username": "arjun.shah@nhs.net"}) == arjun


def test_an_unknown_email_is_refused_with_a_clear_message_and_nobody_is_created(
    backend, monkeypatch, django_user_model
):
    count = django_user_model.objects.count()
    assert sign_in_as(backend, monkeypatch, {"email": "new.starter@warwickshire.gov.uk"}) is None
    assert "There is no account for new.starter@warwickshire.gov.uk" in said(backend)
    assert django_user_model.objects.count() == count


def test_an_address_outside_the_allowed_domains_is_refused(backend, monkeypatch, olivia):
    olivia.email = "olivia@gmail.com"
    olivia.save()
    assert sign_in_as(backend, monkeypatch, {"email": "olivia@gmail.com"}) is None
    assert "is not an address from an organisation that can sign in here" in said(backend)


def test_a_lookalike_domain_is_not_allowed(backend, monkeypatch, olivia):
    olivia.email = "olivia@evil-warwickshire.gov.uk"
    olivia.save()
    assert sign_in_as(backend, monkeypatch, {"email": "olivia@evil-warwickshire.gov.uk"}) is None


def test_a_deactivated_account_cannot_sign_in(backend, monkeypatch, olivia):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.is_active = False
    olivia.save()
    assert sign_in_as(backend, monkeypatch, {"email": "olivia@warwickshire.gov.uk"}) is None


def test_no_email_at_all_is_refused_plainly(backend, monkeypatch):
    assert sign_in_as(backend, monkeypatch, {"sub": "1234"}) is None
    assert "did not give an email address" in said(backend)


def test_the_sign_in_page_offers_single_sign_on_only_when_it_is_set_up(client, settings):
    settings.OIDC_ENABLED = False
    assert "Sign in with your organisation" not in client.get("/sign-in/").content.decode()


def test_settings_switch_single_sign_on_on(tmp_path):
    import os

    from .process_helpers import with_django

    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="scrutiny.settings",
        OIDC_CLIENT_ID="scrutiny",
        OIDC_CLIENT_SECRET="s3cret",
        OIDC_ISSUER="https://login.microsoftonline.com/TENANT/v2.0",
        OIDC_ALLOWED_EMAIL_DOMAINS="warwickshire.gov.uk, nhs.net",
        OIDC_USERINFO_ENDPOINT="https://graph.microsoft.com/oidc/userinfo",
    )
    # Nothing is fetched from the provider at start: the other endpoints wait for the first sign-in.
    code = (
        "from django.conf import settings as s; from django.urls import reverse; "
        "from django.utils.functional import Promise; "
        "print(reverse('oidc_authentication_init'), s.AUTHENTICATION_BACKENDS[-1], s.OIDC_OP_USER_ENDPOINT, "
        "isinstance(s.OIDC_OP_TOKEN_ENDPOINT, Promise), s.OIDC_ALLOWED_EMAIL_DOMAINS)"
    )
    result = with_django(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "/oidc/authenticate/",
        "scrutiny.people.oidc.EmailMatchingOIDCBackend",
        "https://graph.microsoft.com/oidc/userinfo",
        "True",
        "['warwickshire.gov.uk',",
        "'nhs.net']",
    ]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"iss": "https://login.evil.example/v2.0"}, "another provider"),
        ({"aud": "someone-else"}, "another service"),
        ({"aud": ["someone-else", "another"]}, "another service"),
        ({"exp": 1_000_000_000}, "expired"),
        ({"exp": None}, "expired"),
    ],
)
def test_an_id_token_from_elsewhere_for_another_service_or_out_of_date_is_refused(settings, change, reason):
    import time

    from django.core.exceptions import SuspiciousOperation

    from scrutiny.people.oidc import check_id_token

    settings.OIDC_ISSUER = "https://login.example/v2.0"
    good = {"iss": "https://login.example/v2.0", "aud": "scrutiny", "exp": time.time() + 300}
    check_id_token(good)
    check_id_token({**good, "aud": ["scrutiny", "graph"]})
    with pytest.raises(SuspiciousOperation, match=reason):
        check_id_token({**good, **change})
