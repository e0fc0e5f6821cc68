"""Asking for reset links is limited per e-mail address and per client address, on the database
cache that production uses, and the refusal is the same whether or not an account exists."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

from scrutiny.people import reset_limits

pytestmark = pytest.mark.django_db

HOUR = 3600
START = 1_000_000 * HOUR  # the start of a window


@pytest.fixture(autouse=True)
def _database_cache(settings, monkeypatch):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "scrutiny_cache"}
    }
    call_command("createcachetable")
    settings.PASSWORD_RESET_LIMIT_PER_EMAIL = 3
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 20
    settings.PASSWORD_RESET_LIMIT_WINDOW_MINUTES = 60
    clock = {"now": START + 10 * 60}
    monkeypatch.setattr(reset_limits, "now", lambda: clock["now"])
    return clock


@pytest.fixture
def clock(_database_cache):
    return _database_cache


def ask(client, email, address="10.0.0.1"):
    return client.post("/password-reset/", {"email": email}, REMOTE_ADDR=address)


def page(response) -> str:
    return response.content.decode()


def test_a_fourth_link_for_one_address_within_the_hour_is_refused_with_the_wait(client, olivia):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.save()
    for _ in range(3):
        assert ask(client, "olivia@warwickshire.gov.uk")["Location"] == "/password-reset/sent/"
    assert len(mail.outbox) == 3
    refused = ask(client, "OLIVIA@warwickshire.gov.uk")  # the same address, whatever its case
    assert refused.status_code == 429
    assert page(refused).count("You have asked for too many links for this email address") == 1
    assert "Wait 50 minutes and try again" in page(refused)
    assert "govuk-error-summary" in page(refused) and "<title>Error:" in page(refused)
    assert len(mail.outbox) == 3


def test_the_refusal_is_the_same_whether_or_not_an_account_exists(client, olivia):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.save()
    answers = {}
    for email in ("olivia@warwickshire.gov.uk", "nobody@warwickshire.gov.uk"):
        first = [ask(client, email) for _ in range(3)]
        assert [r["Location"] for r in first] == ["/password-reset/sent/"] * 3
        refused = ask(client, email)
        answers[email] = (refused.status_code, page(refused).replace(email, "EMAIL"))
    (known_status, known_page), (unknown_status, unknown_page) = answers.values()
    assert known_status == unknown_status == 429
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", known_page) == token.sub("", unknown_page)


def test_one_network_asking_for_many_addresses_is_stopped_but_others_are_not(client, olivia):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.save()
    for n in range(20):
        assert ask(client, f"person{n}@warwickshire.gov.uk", "10.0.0.66").status_code == 302
    refused = ask(client, "olivia@warwickshire.gov.uk", "10.0.0.66")
    assert refused.status_code == 429
    assert "You have asked for too many links from this network" in page(refused)
    assert not mail.outbox
    # Olivia, elsewhere, still gets her link.
    assert ask(client, "olivia@warwickshire.gov.uk", "10.0.0.1").status_code == 302
    assert len(mail.outbox) == 1


def test_links_can_be_asked_for_again_in_the_next_hour(client, olivia, clock):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.save()
    for _ in range(3):
        ask(client, olivia.email)
    assert ask(client, olivia.email).status_code == 429
    clock["now"] = START + HOUR + 1
    assert ask(client, olivia.email)["Location"] == "/password-reset/sent/"
    assert len(mail.outbox) == 4


def test_a_mistyped_address_is_an_error_next_to_the_field_and_is_not_counted(client):
    for _ in range(5):
        response = ask(client, "not an address")
        assert response.status_code == 200
        assert "Enter an email address in the right form" in page(response)
    assert ask(client, "someone@warwickshire.gov.uk").status_code == 302
