"""Each demo login printed by `make run` signs in and sees the home page of the real review."""

from types import SimpleNamespace

import pytest

from scrutiny.review.demo import load_demo

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_each_demo_login_sees_the_home_page(page, settings):
    logins = load_demo().logins
    assert {login.role for login in logins} == {"officer", "member", "clerk", "admin"}
    assert len(logins) == 5
    for login in logins:
        page.context.clear_cookies()
        sign_in(page, SimpleNamespace(username=login.username), password=login.password)
        page.goto("/")
        assert page.get_by_role("heading", level=1).inner_text() == "Safeguarding Improvement Task & Finish Group"
        assert "November 2011" in page.locator(".govuk-caption-l").inner_text()
        assert "The inspection identified 20 areas for improvement." in page.content()
    assert_accessible(page)
