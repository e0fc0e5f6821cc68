"""Sessions people can live with: a fixed end 8 hours after signing in, a way to stay signed in,
and typed work kept when the session ended or the form's security token went stale."""

import json
import re
import time

import pytest
from django.test import Client

from scrutiny.core.security import LAST_SEEN_KEY

from .factories import PASSWORD

pytestmark = pytest.mark.django_db

UPDATE = "Caseloads fell to 18 per worker; the agency staff leave in March. Careful wording here."


def sign_in(client, username="olivia", next_url=None):
    url = "/sign-in/" + (f"?next={next_url}" if next_url else "")
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(url, data)


def shift_session(client, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = time.time() - ago
    session.save()


def update_form(world) -> tuple[str, dict]:
    action = world.wcc_action
    return f"/actions/{action.pk}/update/", {
        "version": action.version,
        "status": "in_progress",
        "rag": "amber",
        "note": UPDATE,
    }


# --- The 8-hour cap ------------------------------------------------------------------------------


def test_the_session_expiry_is_fixed_at_sign_in_and_activity_does_not_move_it(client, olivia):
    sign_in(client)
    first_expiry = client.session.get_expiry_date()
    shift_session(client, scrutiny_last_seen=120)  # the once-a-minute "last seen" write is due
    client.get("/actions/")
    assert time.time() - client.session[LAST_SEEN_KEY] < 5  # it was written...
    assert client.session.get_expiry_date() == first_expiry  # ...and the end did not move
    cookie = client.cookies["sessionid"]
    assert int(cookie["max-age"]) <= 8 * 60 * 60


def test_eight_hours_after_signing_in_the_session_ends_however_busy(client, olivia):
    sign_in(client)
    shift_session(client, scrutiny_signed_in_at=8 * 60 * 60 + 5, scrutiny_last_seen=10)
    response = client.get("/actions/", follow=True)
    assert "signed out because you signed in 8 hours ago" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_seven_hours_of_work_is_not_interrupted(client, olivia):
    sign_in(client)
    shift_session(client, scrutiny_signed_in_at=7 * 60 * 60, scrutiny_last_seen=10)
    assert client.get("/actions/").status_code == 200


# --- Stay signed in ------------------------------------------------------------------------------


def test_signed_in_pages_carry_the_timeout_warning_with_the_time_left(client, olivia):
    sign_in(client)
    shift_session(client, scrutiny_last_seen=30)
    page = client.get("/actions/").content.decode()
    seconds_left = int(re.search(r'data-seconds-left="(\d+)"', page).group(1))
    assert 30 * 60 - 40 <= seconds_left <= 30 * 60 - 30
    assert "Stay signed in" in page
    assert 'src="/static/js/session-timeout.js"' in page


def test_stay_signed_in_counts_as_activity(client, olivia):
    sign_in(client)
    shift_session(client, scrutiny_last_seen=29 * 60)
    client.get("/sign-in/")  # any page sets the CSRF cookie; the dialog's form carries the token
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.cookies = client.cookies
    page = csrf_client.get("/actions/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    shift_session(csrf_client, scrutiny_last_seen=29 * 60)
    response = csrf_client.post("/session/extend/", {"csrfmiddlewaretoken": token}, HTTP_ACCEPT="application/json")
    assert response.json() == {"signed_in": True, "idle_seconds": 1800}
    assert time.time() - csrf_client.session[LAST_SEEN_KEY] < 5


def test_stay_signed_in_without_javascript_goes_back_to_the_page(client, olivia):
    sign_in(client)
    response = client.post("/session/extend/", {"next": "/actions/"})
    assert response["Location"] == "/actions/"
    assert client.post("/session/extend/", {"next": "https://evil.example/"})["Location"] == "/"


def test_stay_signed_in_after_the_end_says_so(client):
    assert client.post("/session/extend/", HTTP_ACCEPT="application/json").status_code == 401


# --- Typed work kept ------------------------------------------------------------------------------


def test_an_update_posted_after_the_idle_sign_out_comes_back_after_signing_in(client, world):
    url, data = update_form(world)
    sign_in(client)
    shift_session(client, scrutiny_last_seen=31 * 60)
    response = client.post(url, data)
    assert response.status_code == 302
    next_url = re.search(r"next=([^&]+)", response["Location"]).group(1)
    from urllib.parse import unquote

    next_url = unquote(next_url)
    assert next_url.startswith(url + "?restore=")
    signed_in = sign_in(client, next_url=next_url)
    assert signed_in["Location"] == next_url
    page = client.get(next_url).content.decode()
    kept = json.loads(
        re.search(r'<script id="restored-form-data" type="application/json">(.*?)</script>', page).group(1)
    )
    assert kept["note"] == [UPDATE]
    assert "csrfmiddlewaretoken" not in kept
    assert "What you typed has been put back in the form" in page
    world.wcc_action.refresh_from_db()
    assert world.wcc_action.version == data["version"]  # nothing was saved on the way
    # The token works once.
    assert "restored-form-data" not in client.get(next_url).content.decode()


def test_kept_typing_is_for_the_person_who_typed_it(client, world):
    url, data = update_form(world)
    sign_in(client)
    shift_session(client, scrutiny_last_seen=31 * 60)
    from urllib.parse import unquote

    next_url = unquote(re.search(r"next=([^&]+)", client.post(url, data)["Location"]).group(1))
    sign_in(client, username="arjun")
    assert "restored-form-data" not in client.get(next_url).content.decode()


def test_passwords_are_never_kept(rf, olivia):
    from django.contrib.sessions.backends.db import SessionStore

    from scrutiny.core.typed_work import stash_post, take_stash

    request = rf.post("/account/password/", {"old_password": PASSWORD, "new_password1": "x", "note": "kept"})
    token = stash_post(request, user_id=olivia.pk)
    restore = rf.get(f"/account/password/?restore={token}")
    restore.user, restore.session = olivia, SessionStore()
    assert take_stash(restore) == {"note": ["kept"]}


def test_a_stale_security_token_gives_a_plain_page_that_keeps_the_typing(world):
    url, data = update_form(world)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.olivia)
    client.get(url)
    response = client.post(url, {**data, "csrfmiddlewaretoken": "x" * 64})
    page = response.content.decode()
    assert response.status_code == 403
    assert "Your form could not be sent" in page
    assert "What you typed has been kept" in page
    assert "govuk-header" in page
    restore = re.search(r'href="([^"]*\?restore=[^"]+)"', page).group(1)
    restored = client.get(restore).content.decode()
    assert json.loads(re.search(r'application/json">(.*?)</script>', restored).group(1))["note"] == [UPDATE]


def test_a_cross_site_post_is_refused_and_not_kept(world):
    url, data = update_form(world)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.olivia)
    page = client.post(url, data, HTTP_ORIGIN="https://evil.example").content.decode()
    assert "Your form could not be sent" in page
    assert "restore=" not in page
