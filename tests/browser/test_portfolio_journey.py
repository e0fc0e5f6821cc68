"""A member who sits on two reviews moves between them; each review's pages show only its own
inspection; the portfolio and the review bar pass axe."""

import pytest
from django.urls import reverse

from ..factories import add_second_inspection
from ..security_urls import REVIEW_PAGES
from .conftest import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_moves_between_her_two_reviews(page, world):
    second = add_second_inspection(world)
    sign_in(page, world.maya)

    assert page.get_by_role("heading", level=1).inner_text() == "Inspections and reviews"
    assert page.get_by_role("link", name="Safeguarding Improvement Task & Finish Group").first.is_visible()
    assert_accessible(page)
    screenshot(page, "portfolio")

    page.get_by_role("link", name="Children's Improvement T&F Group").first.click()
    bar = page.get_by_role("navigation", name="This review")
    assert "Children's Improvement T&F Group" in bar.inner_text()
    bar.get_by_role("link", name="Dashboard").click()
    assert page.url.endswith(reverse("dashboard", args=[second.review.pk]))
    assert_accessible(page)

    # One click to the other review, from any of this review's pages.
    page.get_by_role("navigation", name="This review").get_by_role(
        "link", name="Safeguarding Improvement Task & Finish Group"
    ).click()
    assert page.url.endswith(reverse("review_detail", args=[world.review.pk]))

    for name in REVIEW_PAGES:
        page.goto(reverse(name, args=[second.review.pk]))
        text = page.locator("main").inner_text()
        assert world.wcc_action.description not in text, name
        assert "Children's Improvement T&F Group" in page.get_by_role("navigation", name="This review").inner_text()
    page.goto(reverse("prep_pack", args=[second.review.pk, second.meeting.pk]))
    assert "Audit every child in need plan" in page.locator("main").inner_text()
    assert world.wcc_action.description not in page.locator("main").inner_text()
    screenshot(page, "second-review-pack")
