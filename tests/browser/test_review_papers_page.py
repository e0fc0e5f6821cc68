"""The review's own page lists its papers and passes axe; the printable report it links to keeps a
300-character string with no space (a document reference) inside the page, on screen and in print."""

import pytest

from ..factories import UNBROKEN, request_at_meeting
from .conftest import assert_accessible, open_as, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = """() => {
  const main = document.querySelector('main');
  const cells = [...document.querySelectorAll('td')].filter((td) => td.textContent.includes('WCC/SAFEGUARDING'));
  const widest = Math.max(...[...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().right));
  const wraps = [...document.querySelectorAll('.paper-table-wrap')].map((w) => w.getBoundingClientRect().right);
  return {
    wrap: Math.ceil(Math.max(...wraps)),
    page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
    main: Math.ceil(main.getBoundingClientRect().right), table: Math.ceil(widest),
    cells: cells.length,
    cellRight: Math.ceil(Math.max(...cells.map((td) => td.getBoundingClientRect().right))),
    overflowing: cells.filter((td) => td.scrollWidth > td.clientWidth).length,
  };
}"""


@pytest.mark.parametrize("width", [1280, 375])
def test_the_review_page_offers_every_paper_and_passes_axe(page, unbroken_world, width):
    open_as(page, unbroken_world.maya, f"/reviews/{unbroken_world.review.pk}/", width=width)
    papers = page.get_by_role("table", name="papers and the formats each can be downloaded in")
    assert papers.get_by_role("link", name="PDF (Table of conclusions against each action)").count() == 1
    assert papers.get_by_role("link", name="printable page (Final report)").count() == 1
    sizes = page.evaluate(SIZES)
    assert sizes["page"] <= sizes["viewport"], sizes
    assert_accessible(page)
    if width == 1280:
        screenshot(page, "review-page-papers")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_printable_report_never_widens_beyond_the_page(page, unbroken_world, width):
    open_as(page, unbroken_world.maya, f"/reviews/{unbroken_world.review.pk}/", width=width)
    page.get_by_role("link", name="printable page (Final report)").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().endswith("final report")
    assert page.get_by_text(UNBROKEN[:40], exact=False).count() >= 1
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        sizes = page.evaluate(SIZES)
        assert sizes["page"] <= sizes["viewport"] and sizes["wrap"] <= sizes["main"], (media, sizes)
        # The string wraps inside each cell it is in (the notes' conclusions and the conclusions appendix).
        assert sizes["cells"] == 2 and sizes["overflowing"] == 0, (media, sizes)
        if width > 1000:
            # On a desktop, on screen and printed, every table fits: nothing to scroll sideways.
            assert sizes["table"] <= sizes["main"] and sizes["cellRight"] <= sizes["main"], (media, sizes)
    page.emulate_media(media="screen")
    if width == 1280:
        assert_accessible(page)
        screenshot(page, "printable-final-report-long-string")


def test_the_clerks_draft_notes_page_offers_to_correct_each_conclusion_and_request_and_passes_axe(page, unbroken_world):
    request_at_meeting(unbroken_world, question="Send the safeguarding audit")
    sign_in(page, unbroken_world.clara)
    page.goto(f"/reviews/{unbroken_world.review.pk}/meetings/{unbroken_world.last_meeting.pk}/notes/")
    page.get_by_role("link", name="Change the conclusion on action 1.1").click()
    page.get_by_label("Reasoning").fill("Corrected: see the audit.")
    page.get_by_role("button", name="Record the conclusion").click()
    assert page.get_by_text("Conclusion corrected").count() == 1
    assert page.get_by_text("Corrected: see the audit.").count() == 1
    assert (
        page.get_by_role("link", name="Remove the request to University Hospital Coventry and Warwickshire").count()
        == 1
    )
    assert_accessible(page)
