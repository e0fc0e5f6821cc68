"""Each demo login printed by `make run` signs in and lands where its work starts: officers on the
actions their agency leads, everyone else on the portfolio with the real review in it."""

from types import SimpleNamespace

import pytest

from scrutiny.review.demo import load_demo

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_each_demo_login_lands_where_its_work_starts(page, settings):
    logins = load_demo().logins
    assert {login.role for login in logins} == {"officer", "member", "clerk", "admin"}
    assert len(logins) == 5
    for login in logins:
        page.context.clear_cookies()
        sign_in(page, SimpleNamespace(username=login.username), password=login.password)
        page.goto("/")
        heading = page.get_by_role("heading", level=1).inner_text()
        if login.role == "officer":
            assert heading == "My actions"
            continue
        assert heading == "Inspections and reviews"
        page.get_by_role("link", name="Safeguarding Improvement Task & Finish Group").first.click()
        assert page.get_by_role("heading", level=1).inner_text() == "Safeguarding Improvement Task & Finish Group"
        page.get_by_role("navigation", name="This review").get_by_role("link", name="Inspection of").click()
        assert "November 2011" in page.locator(".govuk-caption-l").inner_text()
        assert "Area 20" in page.locator("main").inner_text()
    assert_accessible(page)
