"""From the error summary, with the keyboard: each link puts the focus in the box to correct."""

import pytest

from .conftest import assert_accessible, assert_error_page, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def test_the_summary_links_of_a_date_and_a_radio_group_focus_the_day_box_and_the_first_radio(page, world):
    sign_in(page, world.olivia)
    page.goto(f"/actions/{world.wcc_action.pk}/update/")
    page.locator("#id_new_target_date_0").fill("31")
    page.locator("#id_new_target_date_1").fill("2")
    page.locator("#id_new_target_date_2").fill("2030")
    page.get_by_label("Why the target date is moving").fill("Agreed at the board.")
    page.get_by_role("button", name="Save update").click()
    assert_error_page(page)
    assert_accessible(page)
    summary = page.locator(".govuk-error-summary")
    summary.get_by_role("link", name="The new target date must be a real date").press("Enter")
    assert focused_id(page) == "id_new_target_date_0"

    page.goto(f"/actions/{world.wcc_action.pk}/update/")
    page.get_by_role("button", name="Save update").click()
    assert_error_page(page)
    summary.get_by_role("link", name="Nothing to save").press("Enter")
    assert focused_id(page) == "id_status_1"
