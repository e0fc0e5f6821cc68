"""The clerk writes the report's narrative in the browser: from the review's page to a part's draft, edited
and saved, and back to the list that says it is written. Every page passes axe."""

import pytest

from scrutiny.review.models import ReportText

from .conftest import assert_accessible, assert_error_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_clerk_edits_a_draft_and_the_report_keeps_it(page, world):
    world.last_meeting.areas.add(world.area1)
    sign_in(page, world.clara)
    page.goto(f"/reviews/{world.review.pk}/")
    page.get_by_role("link", name="The report's text").click()
    assert page.get_by_role("heading", level=1).inner_text() == "The report's text"
    assert_accessible(page)
    screenshot(page, "report-text-list")
    page.get_by_role("link", name="Write 2.1 Safeguarding").click()
    box = page.get_by_label("2.1 Safeguarding")
    assert "This meeting considered Area for Improvement 1." in box.input_value()
    assert_accessible(page)
    box.fill(box.input_value() + "\n\nWe saw the audit checklists.")
    page.get_by_role("button", name="Save the text").click()
    assert "Saved the report's text" in page.locator(".govuk-notification-banner").inner_text()
    assert ReportText.objects.get(meeting=world.last_meeting).text.endswith("We saw the audit checklists.")
    page.get_by_role("link", name="Write 1.1 Executive summary").click()
    page.get_by_label("1.1 Executive summary").fill("")
    page.get_by_role("button", name="Save the text").click()
    assert_error_page(page)
    assert_accessible(page)
    screenshot(page, "report-text-error")
