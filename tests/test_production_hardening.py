"""The content security policy, sign-out after inactivity and the error pages."""

import time

import pytest
from django.core.cache import cache
from django.db import OperationalError, ProgrammingError
from django.http import HttpResponse
from django.urls import include, path, reverse

from scrutiny.core import errors
from scrutiny.core.security import LAST_SEEN_KEY

from .page_helpers import assert_try_again_page


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


# --- Content security policy and headers --------------------------------------------------------


def test_every_page_carries_a_policy_forbidding_inline_scripts_and_styles(client, olivia):
    client.force_login(olivia)
    for url in ("/", "/sign-in/"):
        policy = client.get(url)["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy


def test_pages_are_not_sniffed_or_framed(client, olivia):
    client.force_login(olivia)
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_templates_have_no_inline_scripts_or_styles():
    """The policy would block them: they must live in static files."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "templates"
    offenders = []
    for template in root.rglob("*.html"):
        if "pdf" in template.stem:
            continue  # read by the PDF renderer, never served to a browser
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>", text) or re.search(
            r"<style[\s>]", text
        ):
            offenders.append(f"{template.relative_to(root)}: inline <script> or <style>")
        if re.search(r"\sstyle=", text):
            offenders.append(f"{template.relative_to(root)}: style= attribute")
    assert not offenders, "\n".join(offenders)


# --- Sign-out after inactivity ------------------------------------------------------------------


def test_thirty_idle_minutes_sign_the_user_out_and_say_why(client, olivia):
    client.force_login(olivia)
    assert client.get("/actions/").status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] = time.time() - 31 * 60
    session.save()
    response = client.get("/", follow=True)
    assert response.redirect_chain[0][0].startswith("/sign-in/?next=/")
    assert "signed out because you had not used the service for 30 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_activity_keeps_the_session_alive(client, olivia):
    client.force_login(olivia)
    client.get("/")
    session = client.session
    session[LAST_SEEN_KEY] = time.time() - 29 * 60
    session.save()
    assert client.get(reverse("my_actions")).status_code == 200
    assert time.time() - client.session[LAST_SEEN_KEY] < 5  # the clock was reset by the visit


def test_the_idle_timeout_is_configurable(client, settings, olivia):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    client.force_login(olivia)
    client.get("/")
    session = client.session
    session[LAST_SEEN_KEY] = time.time() - 6 * 60
    session.save()
    assert client.get("/").status_code == 302


# --- Error pages --------------------------------------------------------------------------------


def _database_gone(request):
    raise OperationalError("server closed the connection unexpectedly")


def _programming_error(request):
    raise ProgrammingError("relation does not exist")


def _ok(request):
    return HttpResponse("fine")


urlpatterns = [
    path("test-db-gone/", _database_gone),
    path("test-programming-error/", _programming_error),
    path("test-ok/", _ok),
    path("", include("scrutiny.urls")),
]
handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error


@pytest.mark.urls(__name__)
def test_a_lost_database_gives_a_try_again_page(client, olivia):
    client.force_login(olivia)
    page = assert_try_again_page(client.get("/test-db-gone/?page=2"), "/test-db-gone/?page=2")
    assert "it has not been saved" in page
    assert "Warwickshire County Council" in page


@pytest.mark.urls(__name__)
def test_other_database_errors_are_not_disguised_as_an_outage(client, olivia):
    client.raise_request_exception = False
    client.force_login(olivia)
    response = client.get("/test-programming-error/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.urls(__name__)
def test_not_found_and_forbidden_pages_have_the_site_look(client, world, olivia):
    client.force_login(olivia)
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert "Page not found" in missing.content.decode()
    assert "govuk-header" in missing.content.decode()
    # The members' dashboard, which an officer's role does not open.
    forbidden = client.get(reverse("dashboard", args=[world.review.pk]))
    assert forbidden.status_code == 403
    assert "Your role does not allow you to see this page" in forbidden.content.decode()
    assert "govuk-header" in forbidden.content.decode()


def test_the_outage_link_never_points_to_another_site(rf):
    request = rf.get("//evil.example/x")
    page = errors.database_unavailable_response(request).content.decode()
    assert "evil.example" not in page
