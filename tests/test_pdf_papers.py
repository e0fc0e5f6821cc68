"""PDF papers and printable pages keep to the page: long strings wrap in their cell, footers stay on one
line, header cells say what they head, and the table of conclusions is offered as PDF and printable page."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import UNBROKEN, add_unbroken_conclusion

pytestmark = pytest.mark.django_db

A4_POINTS = {round(595.28), round(841.89)}


@pytest.fixture
def long_conclusion(world):
    return add_unbroken_conclusion(world)


def read(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def squeezed(reader: PdfReader) -> str:
    """The text with line breaks and spaces removed: a string wrapped over lines reads back whole."""
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("name,args", [("conclusions_export", ("pdf",)), ("review_report", ("final", "pdf"))])
def test_a_300_character_string_wraps_inside_its_cell_and_every_character_is_printed(
    client, world, long_conclusion, name, args
):
    assert len(UNBROKEN) == 300
    client.force_login(world.maya)
    response = client.get(reverse(name, args=[world.review.pk, *args]))
    assert response["Content-Type"] == "application/pdf"
    reader = read(response.content)
    # Every page is still A4 (portrait or landscape): nothing widened a page to fit the string.
    for page in reader.pages:
        assert {round(float(page.mediabox.width)), round(float(page.mediabox.height))} == A4_POINTS
    # Nothing was cut off at the page's edge: the string reads back whole, after its table's other columns.
    assert UNBROKEN in squeezed(reader)
    assert len(reader.pages) < 10


def test_the_conclusions_table_as_pdf_is_on_landscape_pages(client, world, long_conclusion):
    client.force_login(world.maya)
    reader = read(client.get(reverse("conclusions_export", args=[world.review.pk, "pdf"])).content)
    first = reader.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)
    text = " ".join(first.extract_text().split())
    assert "conclusions against each action" in text and "Group's conclusion" in text and "Satisfied" in text


def test_a_long_title_never_wraps_the_footer(client, world):
    world.review.title = "Safeguarding Improvement Task & Finish Group " + "with a very long name " * 8
    world.review.final_report_on = datetime.date(2013, 2, 5)
    world.review.save()
    client.force_login(world.maya)
    reader = read(client.get(reverse("review_report", args=[world.review.pk, "final", "pdf"])).content)
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()]
    # The footer's title is cut short with an ellipsis on one line, and the page number stays whole.
    footer = next(line for line in lines if line.endswith("…") or "…" in line)
    assert footer.startswith("Safeguarding Improvement Task & Finish Group with a very long name")
    assert any(
        re.fullmatch(r"Page 1 of \d+", line) or line.endswith(f"Page 1 of {len(reader.pages)}") for line in lines
    )


def test_the_printable_conclusions_page_has_header_cells_with_scope_and_fitted_columns(client, world, long_conclusion):
    client.force_login(world.maya)
    response = client.get(reverse("conclusions_export", args=[world.review.pk, "html"]))
    page = response.content.decode()
    assert "conclusions against each action" in page
    # The long string gets break opportunities that add no character: it reads and copies whole.
    assert UNBROKEN not in page and UNBROKEN in page.replace("<wbr>", "")
    headers = re.findall(r"<th [^>]*>", page)
    assert headers and all('scope="col"' in header for header in headers)
    widths = [float(w) for w in re.findall(r'<col width="([\d.]+)%">', page)]
    assert len(widths) == 8 and abs(sum(widths) - 100) < 0.5
    # The area number's column is narrow, the reasoning's wide.
    assert widths[0] < widths[5]
    assert "style=" not in page.split('<article class="printable-paper')[1]  # the CSP allows no style attributes


def test_the_meetings_page_offers_the_conclusions_as_pdf_and_printable_page(client, world):
    client.force_login(world.clara)
    page = client.get(reverse("meeting_list", args=[world.review.pk]) + f"?review={world.review.pk}").content.decode()
    assert reverse("conclusions_export", args=[world.review.pk, "pdf"]) in page
    assert reverse("conclusions_export", args=[world.review.pk, "html"]) in page


def test_break_points_never_let_markup_through():
    from scrutiny.core.templatetags.paper_tags import breakable

    hostile = "<script>alert(1)</script>" + "x" * 40
    assert breakable(hostile).replace("<wbr>", "") == "&lt;script&gt;alert(1)&lt;/script&gt;" + "x" * 40
    assert breakable("Line one\nline two") == "Line one<br>line two"
