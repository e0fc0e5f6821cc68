"""A printable paper stays within the page: a 300-character string with no space (a document reference,
an address) wraps inside its cell instead of widening the table, on screen, on a phone and in print."""

import pytest

from ..factories import UNBROKEN
from .conftest import assert_accessible, open_as, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERFLOW = """() => {
  const table = document.querySelector('.paper-table-wrap');
  const cell = [...document.querySelectorAll('.paper-table td')].find((td) => td.textContent.includes('WCC/SAFEGUARDING'));
  const main = document.querySelector('main');
  return {
    page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
    table: Math.ceil(table.getBoundingClientRect().right), main: Math.ceil(main.getBoundingClientRect().right),
    cell: Math.ceil(cell.getBoundingClientRect().width),
  };
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_the_printable_conclusions_page_never_widens_beyond_the_page(page, unbroken_world, width):
    open_as(page, unbroken_world.maya, f"/reviews/{unbroken_world.review.pk}/conclusions.html", width=width)
    assert page.get_by_role("heading", level=1).inner_text().endswith("conclusions against each action")
    assert page.get_by_text(UNBROKEN[:40], exact=False).count() == 1
    sizes = page.evaluate(OVERFLOW)
    assert sizes["page"] <= sizes["viewport"], sizes
    assert sizes["table"] <= sizes["main"], sizes
    # The string wraps inside its cell rather than stretching it 300 characters wide.
    assert sizes["cell"] < 500, sizes
    # Printed (A4 landscape), the table still fits the page's width.
    page.emulate_media(media="print")
    printed = page.evaluate(OVERFLOW)
    assert printed["page"] <= printed["viewport"] and printed["table"] <= printed["main"], printed
    assert printed["cell"] < 500, printed
    page.emulate_media(media="screen")
    if width == 1280:
        assert_accessible(page)
        screenshot(page, "printable-conclusions-long-string")
