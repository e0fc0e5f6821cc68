"""Sign-in throttling (django-axes): a username is locked at one address only, for the time the
message states, on the database cache that production uses."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.management import call_command

from .factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "a-longer-new-passphrase-2026"


@pytest.fixture(autouse=True)
def _database_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "scrutiny_cache"}
    }
    call_command("createcachetable")


def sign_in(client, username, password, address="10.0.0.1", url="/sign-in/"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username, times, address="10.0.0.1", url="/sign-in/"):
    for _ in range(times):
        response = sign_in(client, username, "wrong password", address, url)
    return response


def signed_in(response) -> bool:
    return response.status_code == 302


def age_failures(minutes: float) -> None:
    """Moves the recorded failures back in time, as if the person had waited."""
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= datetime.timedelta(minutes=minutes)
        attempt.save()


def test_four_wrong_passwords_are_each_refused_plainly(client, olivia):
    response = fail(client, "olivia", 4)
    assert "Enter a correct username and password" in response.content.decode()
    assert signed_in(sign_in(client, "olivia", PASSWORD))


def test_the_fifth_wrong_password_locks_with_a_message_saying_how_long(client, olivia):
    response = fail(client, "olivia", 5)
    page = response.content.decode()
    assert response.status_code == 429
    assert "Too many failed attempts to sign in. Wait 15 minutes and try again" in page
    assert 'class="govuk-error-summary"' in page
    assert "<title>Error: Sign in" in page
    locked = sign_in(client, "olivia", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_documented_cool_off_holds(client, olivia):
    fail(client, "olivia", 5)
    age_failures(14.9)
    assert not signed_in(sign_in(client, "olivia", PASSWORD))
    age_failures(0.2)
    assert signed_in(sign_in(client, "olivia", PASSWORD))


def test_trying_while_locked_does_not_extend_the_lock(client, olivia):
    fail(client, "olivia", 5)
    age_failures(10)
    fail(client, "olivia", 3)
    age_failures(5.1)
    assert signed_in(sign_in(client, "olivia", PASSWORD))


def test_the_cool_off_follows_the_setting_and_the_message_says_so(client, settings, olivia):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
    assert "Wait 30 minutes" in fail(client, "olivia", 5).content.decode()
    age_failures(20)
    assert not signed_in(sign_in(client, "olivia", PASSWORD))
    age_failures(10.1)
    assert signed_in(sign_in(client, "olivia", PASSWORD))


def test_failures_from_another_address_do_not_lock_the_user_out(client, olivia):
    fail(client, "olivia", 12, address="203.0.113.9")
    assert signed_in(sign_in(client, "olivia", PASSWORD, address="10.0.0.1"))


def test_one_offices_typos_do_not_lock_out_its_colleagues(client, olivia, arjun):
    fail(client, "olivia", 5, address="10.0.0.1")
    assert signed_in(sign_in(client, "arjun", PASSWORD, address="10.0.0.1"))


def test_a_successful_sign_in_clears_the_count(client, olivia):
    fail(client, "olivia", 4)
    assert signed_in(sign_in(client, "olivia", PASSWORD))
    client.logout()
    fail(client, "olivia", 4)
    assert signed_in(sign_in(client, "olivia", PASSWORD))


def test_a_password_reset_lifts_the_lock(client, olivia):
    fail(client, "olivia", 5)
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.save()
    client.post("/password-reset/", {"email": olivia.email})
    link = re.search(r"(/password-reset/\S+/)", mail.outbox[0].body).group(1)
    client.post(client.get(link)["Location"], {"new_password1": NEW, "new_password2": NEW})
    assert signed_in(sign_in(client, "olivia", NEW))


def test_behind_a_load_balancer_the_appended_address_counts(client, settings, olivia):
    settings.SIGN_IN_TRUST_X_FORWARDED_FOR = True
    for _ in range(5):
        # The client claims a new address each time; the balancer appends the real one.
        client.post(
            "/sign-in/",
            {"username": "olivia", "password": "wrong"},
            REMOTE_ADDR="10.1.1.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{_}, 203.0.113.9",
        )
    assert not signed_in(
        client.post(
            "/sign-in/",
            {"username": "olivia", "password": PASSWORD},
            REMOTE_ADDR="10.1.1.1",
            HTTP_X_FORWARDED_FOR="198.51.100.77, 203.0.113.9",
        )
    )


def test_the_admin_sign_in_is_throttled_too(client, ada):
    response = fail(client, "ada", 5, url="/admin/login/")
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert not signed_in(sign_in(client, "ada", PASSWORD, url="/admin/login/"))


@pytest.mark.parametrize("username", ["x" * 300, "ﷺ" * 100], ids=["300 letters", "100 ligatures of 18 letters each"])
def test_an_over_long_username_is_an_error_next_to_the_field_and_nothing_is_counted(client, username):
    response = sign_in(client, username, "any password")
    assert response.status_code == 200
    assert "Enter a username of 150 characters or fewer" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_an_over_long_username_at_the_admins_sign_in_is_refused_not_a_server_error(client):
    response = sign_in(client, "y" * 300, "any password", url="/admin/login/?next=/admin/")
    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()
    assert [len(a.username) for a in AccessAttempt.objects.all()] == [255]
