"""Everyone can change their own password; a forgotten one is reset by an e-mailed link that works
once; an administrator can make someone choose a new one."""

import re

import pytest
from django.core import mail

from .factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "a-longer-new-passphrase-2026"


def reset_path() -> str:
    body = mail.outbox[-1].body
    return re.search(r"https?://[^/\s]+(/password-reset/\S+/)", body).group(1)


def signs_in(client, username, password) -> bool:
    client.logout()
    return client.post("/sign-in/", {"username": username, "password": password}).status_code == 302


def test_every_signed_in_page_links_to_change_password(client, maya):
    client.force_login(maya)
    assert 'href="/account/password/">Change password</a>' in client.get("/").content.decode()


def test_a_member_changes_their_password_and_stays_signed_in(client, maya):
    client.force_login(maya)
    response = client.post(
        "/account/password/", {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}, follow=True
    )
    assert "Your password has been changed" in response.content.decode()
    assert response.wsgi_request.user.is_authenticated
    assert signs_in(client, "maya", NEW)
    assert not signs_in(client, "maya", PASSWORD)


def test_the_password_change_is_in_the_history_with_its_author_but_not_on_show(client, maya):
    client.force_login(maya)
    client.post("/account/password/", {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    latest = maya.history.first()
    assert latest.history_user == maya
    assert latest.history_change_reason == "Password changed"
    client.force_login(maya.__class__.objects.get(username="ada"))
    history = client.get(f"/admin/people/user/{maya.pk}/history/")
    assert history.status_code == 200
    maya.refresh_from_db()
    assert maya.password.split("$")[-1] not in history.content.decode()


def test_it_refuses_a_wrong_current_password_or_a_weak_new_one_next_to_the_field(client, maya):
    client.force_login(maya)
    page = client.post(
        "/account/password/", {"old_password": "nope", "new_password1": NEW, "new_password2": NEW}
    ).content.decode()
    assert "Your current password is not right" in page
    assert "<title>Error: Change your password" in page
    page = client.post(
        "/account/password/", {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"}
    ).content.decode()
    assert "This password is too short. It must contain at least 10 characters." in page
    page = client.post(
        "/account/password/", {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW + "x"}
    ).content.decode()
    assert "The two new passwords are different" in page
    assert signs_in(client, "maya", PASSWORD)


def test_changing_the_password_needs_a_sign_in(client):
    assert client.get("/account/password/")["Location"].startswith("/sign-in/")


def test_the_sign_in_page_links_to_the_reset(client):
    assert 'href="/password-reset/">Forgotten your password?</a>' in client.get("/sign-in/").content.decode()


def test_the_reset_page_says_the_same_whether_or_not_the_account_exists(client, olivia):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.save()
    known = client.post("/password-reset/", {"email": "OLIVIA@warwickshire.gov.uk"}, follow=True)
    unknown = client.post("/password-reset/", {"email": "nobody@warwickshire.gov.uk"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain == [("/password-reset/sent/", 302)]
    assert known.content.decode() == unknown.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["olivia@warwickshire.gov.uk"]


def test_a_reset_link_works_once(client, olivia):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.save()
    client.post("/password-reset/", {"email": olivia.email})
    link = reset_path()
    form_url = client.get(link)["Location"]
    assert form_url.endswith("/set-password/")  # the token leaves the address bar (and the Referer)
    response = client.post(form_url, {"new_password1": NEW, "new_password2": NEW}, follow=True)
    assert "Your password has been changed" in response.content.decode()
    assert signs_in(client, "olivia", NEW)
    client.logout()
    again = client.get(link, follow=True).content.decode()
    assert "This link no longer works" in again
    assert "Choose a new password" not in again


def test_a_reset_link_expires(client, olivia, settings):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.save()
    client.post("/password-reset/", {"email": olivia.email})
    settings.PASSWORD_RESET_TIMEOUT = -1  # the clock check is what expires it: a link older than the timeout
    assert "This link no longer works" in client.get(reset_path(), follow=True).content.decode()


def test_a_reset_refuses_a_weak_password_with_the_validators_message(client, olivia):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.save()
    client.post("/password-reset/", {"email": olivia.email})
    form_url = client.get(reset_path())["Location"]
    page = client.post(form_url, {"new_password1": "password123", "new_password2": "password123"}).content.decode()
    assert "This password is too common." in page
    assert signs_in(client, "olivia", PASSWORD)


def test_an_administrator_requires_a_new_password(client, ada, olivia):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.save()
    client.force_login(ada)
    response = client.post(
        "/admin/people/user/", {"action": "require_new_password", "_selected_action": [olivia.pk]}, follow=True
    )
    assert "Olivia must now choose a new password" in response.content.decode()
    assert "An administrator of Scrutiny has asked you to choose a new password" in mail.outbox[0].body
    assert not signs_in(client, "olivia", PASSWORD)  # the password the administrator knew stops working
    olivia.refresh_from_db()
    assert olivia.history.first().history_user == ada
    form_url = client.get(reset_path())["Location"]
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert signs_in(client, "olivia", NEW)


def test_requiring_a_new_password_without_an_email_address_changes_nothing(client, ada, olivia):
    client.force_login(ada)
    response = client.post(
        "/admin/people/user/", {"action": "require_new_password", "_selected_action": [olivia.pk]}, follow=True
    )
    assert "Olivia has no email address" in response.content.decode()
    assert mail.outbox == []
    assert signs_in(client, "olivia", PASSWORD)


def test_someone_whose_password_was_withdrawn_can_ask_for_another_link(client, ada, olivia):
    olivia.email = "olivia@warwickshire.gov.uk"
    olivia.set_unusable_password()
    olivia.save()
    client.post("/password-reset/", {"email": olivia.email})
    assert len(mail.outbox) == 1
