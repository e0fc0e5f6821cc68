"""Two people at once: the second sees what the first changed, what each choice will do, and chooses."""

import pytest

from actionplan.models import Action
from actionplan.services.actions import update_action

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_second_person_reads_what_each_choice_does_and_applies_theirs(page, world):
    sign_in(page, world.olivia)
    page.goto(f"/actions/{world.wcc_action.pk}/update/")
    action = Action.objects.get(pk=world.wcc_action.pk)  # someone else saves while Olivia types
    update_action(
        actor=world.ada, action=action, expected_version=action.version, status="in_progress", rag="red", note="Ada."
    )
    page.get_by_label("Green").check()
    page.get_by_label("Short update").fill("Caseloads are down to 18.")
    page.get_by_role("button", name="Save update").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Someone else updated this action while you were editing it").is_visible()
    apply = page.get_by_label("Apply my update on top of their changes")
    assert "instead of their In progress, RAG red" in page.locator("#id_resolution_0-hint").inner_text()
    assert_accessible(page)
    apply.check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    assert "has been saved" in page.locator(".govuk-notification-banner").inner_text()
    assert Action.objects.get(pk=world.wcc_action.pk).rag == "green"
