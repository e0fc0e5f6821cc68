"""A user's history keeps what an auditor needs (who changed a sign-in, and when its password
changed) and never a secret: no password hash, and no row for every sign-in."""

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.forms.models import model_to_dict
from django.urls import reverse

from scrutiny.people.models import User

from .factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-much-longer-passphrase-2012"


class QuickPBKDF2Hasher(PBKDF2PasswordHasher):
    """A stronger hasher than the tests' MD5, cheap enough for a test."""

    iterations = 2


def history_of(user):
    return User.history.filter(id=user.pk).order_by("history_date", "history_id")


def test_the_user_history_has_no_place_for_a_password_hash():
    columns = {field.attname for field in User.history.model._meta.get_fields() if hasattr(field, "attname")}
    assert "password" not in columns
    assert "last_login" not in columns


def test_no_history_row_holds_the_hash_of_any_password(olivia):
    olivia.set_password(NEW_PASSWORD)
    olivia._history_user = olivia
    olivia.save()
    for row in history_of(olivia):
        values = [str(value) for value in model_to_dict(row).values()]
        assert not any(value.startswith(("md5$", "pbkdf2_", "argon2", "bcrypt")) for value in values)
        assert olivia.password not in values


def test_signing_in_adds_no_history_row(client, olivia):
    rows_before = history_of(olivia).count()
    response = client.post(reverse("login"), {"username": "olivia", "password": PASSWORD})
    assert response.status_code == 302
    olivia.refresh_from_db()
    assert olivia.last_login is not None
    assert history_of(olivia).count() == rows_before


def test_a_password_change_by_an_administrator_is_recorded_with_who_and_when(client, ada, olivia):
    rows_before = history_of(olivia).count()
    client.force_login(ada)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[olivia.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == 302
    olivia.refresh_from_db()
    assert olivia.check_password(NEW_PASSWORD)
    latest = history_of(olivia).last()
    assert history_of(olivia).count() == rows_before + 1
    assert latest.history_user == ada
    assert latest.password_changed_at == olivia.password_changed_at
    assert latest.prev_record.password_changed_at < latest.password_changed_at


def test_a_user_changing_their_own_password_is_recorded_as_theirs(olivia):
    olivia.set_password(NEW_PASSWORD)
    olivia._history_user = olivia
    olivia.save()
    latest = history_of(olivia).last()
    assert latest.history_user == olivia
    assert latest.password_changed_at is not None


def test_a_stronger_hash_of_the_same_password_on_sign_in_writes_no_history(settings, client, olivia):
    rows_before = history_of(olivia).count()
    # The next sign-in upgrades the stored hash to the first-listed hasher.
    settings.PASSWORD_HASHERS = [
        "tests.test_user_history.QuickPBKDF2Hasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    old_hash = olivia.password
    assert client.login(username="olivia", password=PASSWORD)
    olivia.refresh_from_db()
    assert olivia.password != old_hash
    assert history_of(olivia).count() == rows_before
