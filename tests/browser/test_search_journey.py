"""A member types a word into the header's search box and finds the meeting note that holds it; an
officer searching for another agency's evidence on a whole area finds nothing."""

import datetime

import pytest

from actionplan.models import Evidence
from scrutiny.review.models import NoteItem

from ..factories import make_world
from .conftest import assert_accessible, assert_error_page, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(db):
    world = make_world()
    NoteItem(
        meeting=world.last_meeting,
        position=1,
        heading="Health assessments",
        body="The designated nurse described the zephyrine backlog of initial health assessments.",
    ).save()
    Evidence(
        inspection=world.inspection,
        area=world.area2,
        title="Quillwort audit of health assessments",
        provided_by_agency=world.arden,
        received_on=datetime.date.today(),
    ).save()
    return world


def search_from_header(page, words):
    box = page.get_by_role("searchbox", name="Search actions, areas, updates, evidence, notes")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")


def test_a_member_finds_a_meeting_note_from_the_header(page, world):
    sign_in(page, world.maya)
    search_from_header(page, "zephyrine")
    assert page.get_by_role("heading", name="1 result for “zephyrine”").is_visible()
    assert page.get_by_role("heading", name="Meeting notes (1)").is_visible()
    assert page.locator("mark", has_text="zephyrine").is_visible()
    assert_accessible(page)
    screenshot(page, "search-results")
    page.get_by_role("link", name="Safeguarding").filter(has_text="Health assessments").click()
    assert page.get_by_role("heading", name="1. Health assessments").is_visible()
    assert page.get_by_text("zephyrine backlog").is_visible()


def test_an_empty_search_says_what_to_do(page, world):
    sign_in(page, world.maya)
    page.goto("/search/?q=")
    assert_error_page(page)
    assert page.get_by_role("link", name="Enter a word or words to search for").is_visible()
    assert_accessible(page)


def test_an_officer_does_not_find_another_agencys_evidence_on_a_whole_area(page, world):
    sign_in(page, world.olivia)
    search_from_header(page, "quillwort")
    assert page.get_by_role("heading", name="No results for “quillwort”").is_visible()
    assert page.get_by_text("Quillwort audit").count() == 0
    assert_accessible(page)


def test_the_header_box_fits_a_phone(page, world):
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, world.maya)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1]
    search_from_header(page, "zephyrine")
    assert page.locator("mark", has_text="zephyrine").is_visible()
    screenshot(page, "search-results-phone")
