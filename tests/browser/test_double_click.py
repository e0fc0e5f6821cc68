"""A double click on a form's button sends it once: the button is disabled after the first press."""

import pytest

from scrutiny.review.models import Conclusion

from .conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_double_click_records_one_conclusion(page, world):
    sign_in(page, world.maya)
    page.goto(f"/reviews/{world.review.pk}/conclusions/add/?action={world.arden_action.pk}")
    page.get_by_label("Satisfied", exact=True).check()
    page.get_by_label("The group's reasoning").fill("Audit seen.")
    page.get_by_role("button", name="Record the conclusion").dblclick()
    page.wait_for_url(f"**/reviews/{world.review.pk}/conclusions/**")
    page.wait_for_load_state()
    assert "Recorded: satisfied" in page.locator(".govuk-notification-banner").inner_text()
    assert Conclusion.objects.count() == 1


def test_the_button_is_disabled_once_pressed_and_its_name_still_sent(page, world):
    sign_in(page, world.maya)
    page.goto(f"/reviews/{world.review.pk}/requests/add/")
    # Keep the page here after the press, to see the button as it is left.
    page.evaluate("document.querySelector('main form').addEventListener('submit', (e) => e.preventDefault())")
    button = page.get_by_role("button", name="Raise the request")
    button.click()
    assert button.is_disabled() and button.get_attribute("aria-disabled") == "true"
    kept = page.locator("main form input[type=hidden][data-pressed-button]")
    assert kept.get_attribute("name") == "submit"
