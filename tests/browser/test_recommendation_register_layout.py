"""The register of a freshly loaded demo, read by the member on a desktop and on a phone: every column of the
table shows beside the filters on a desktop, recommendations come before observations, and axe passes at both widths
(on a phone the review bar's wrapped links and the home page's stacked links keep WCAG 2.2's target size)."""

from types import SimpleNamespace

import pytest
from django.core.management import call_command

from scrutiny.review.models import Recommendation

from .conftest import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_register_fits_a_desktop_and_lists_recommendations_first(page):
    call_command("load_demo", "--quiet")
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, SimpleNamespace(username="member"), password="scrutiny-demo-2012")
    page.goto("/recommendations/register/")
    wrap = page.locator(".table-wrap").bounding_box()
    rag = page.get_by_role("columnheader", name="RAG").bounding_box()
    assert rag["x"] + rag["width"] <= wrap["x"] + wrap["width"], "the RAG column is cut off beside the filters"
    references = page.locator("tbody th a").all_inner_texts()
    warwickshire = [reference for reference in references if "/" not in reference]
    assert warwickshire == ["R1", "R2", "R3", "O1", "O2"]
    assert_accessible(page)
    screenshot(page, "register-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    screenshot(page, "register-phone")
    accepted = Recommendation.objects.get(review__title__contains="sample data", number=3)
    for address in ("/", accepted.get_absolute_url(), f"/reviews/{accepted.review_id}/dashboard/"):
        page.goto(address)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, address
        assert_accessible(page)
