"""CSRF is enforced on every form: a POST without the token is refused with 403, whoever sends it."""

import pytest
from django.test import Client

from .security_urls import add_records, reachable


@pytest.fixture
def records(world):
    return add_records(world)


def _refusals(client, urls) -> list[str]:
    problems = []
    for name, url in urls:
        response = client.post(url, {"title": "A change", "status": "in_progress"})
        if response.status_code != 403:
            problems.append(f"{name} {url}: POST without a CSRF token gave {response.status_code}")
    return problems


def test_every_url_refuses_a_post_without_a_csrf_token(records):
    urls = [(route.name, url) for route, url in reachable(records, include_admin=True)]
    assert any(name == "login" for name, _url in urls)
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.force_login(records.ada)
    problems = _refusals(client, urls)
    officer = Client(enforce_csrf_checks=True, raise_request_exception=False)
    officer.force_login(records.olivia)
    problems += _refusals(officer, [(n, u) for n, u in urls if not n.startswith("admin:")])
    assert not problems, "\n".join(problems)


def test_sign_in_without_a_token_is_refused_and_nothing_is_signed_in(records):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in/", {"username": "olivia", "password": "correct-horse-battery-staple"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_a_post_with_the_token_gets_through(records):
    """The check is not a blanket refusal: the real sign-in form, with its token, signs in."""
    client = Client(enforce_csrf_checks=True)
    page = client.get("/sign-in/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        "/sign-in/", {"username": "olivia", "password": "correct-horse-battery-staple", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(records.olivia.pk)
