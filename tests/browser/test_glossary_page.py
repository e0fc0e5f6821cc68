"""The glossary, reached from a list's words, passes axe."""

import pytest

from .conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_follows_rag_from_their_list_to_its_meaning(page, world):
    sign_in(page, world.olivia)
    page.goto("/actions/")
    page.get_by_role("link", name="RAG ratings").click()
    page.wait_for_url("**/glossary/#rag")
    assert page.get_by_role("heading", name="What the words mean").is_visible()
    assert "Blue for complete (BRAG)" in page.locator("#rag").inner_text()
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 800})
    assert_accessible(page)
