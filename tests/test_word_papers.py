"""Word papers as a council publishes them, opened with python-docx: A4, the council's font, real
headings, a header and a "Page X of Y" footer, British English, core properties, fitted tables, and
the table of conclusions on landscape pages."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from scrutiny.review.models import Conclusion, NoteItem

pytestmark = pytest.mark.django_db
LONG_REASONING = (
    "The group heard from the service manager that every case file had been audited twice, that the audit "
    "checklists were used by every team manager, and that the findings were reported monthly."
)


@pytest.fixture
def report(client, world):
    """The final report in Word, dated by its committee, with a conclusion long enough to show how the
    columns share the width."""
    world.review.final_report_on = datetime.date(2013, 2, 5)
    world.review.save()
    NoteItem.objects.create(meeting=world.last_meeting, heading="Caseloads", area=world.area1, body="Heard")
    Conclusion.objects.create(
        review=world.review,
        meeting=world.last_meeting,
        action=world.wcc_action,
        judgement="satisfied",
        reasoning=LONG_REASONING,
        reached_on=world.last_meeting.date,
    )
    client.force_login(world.clara)
    response = client.get(reverse("review_report", args=[world.review.pk, "final", "docx"]))
    return response.content


def part(content: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read(name).decode("utf-8")


def test_the_report_is_on_a4_with_the_councils_font(report):
    document = WordDocument(io.BytesIO(report))
    first = document.sections[0]
    assert abs(first.page_width - Mm(210)) < Mm(1) and abs(first.page_height - Mm(297)) < Mm(1)
    assert document.styles["Normal"].font.name == "Arial"
    # The headings are in Arial too, not the template's theme font that Word would otherwise use.
    heading_fonts = document.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading_fonts.get(qn("w:ascii")) == "Arial" and heading_fonts.get(qn("w:asciiTheme")) is None


def test_the_councils_font_is_a_setting(client, world, settings):
    settings.PAPER_FONT = "Verdana"
    client.force_login(world.clara)
    content = client.get(
        reverse("meeting_agenda", args=[world.last_meeting.review_id, world.last_meeting.pk, "docx"])
    ).content
    assert WordDocument(io.BytesIO(content)).styles["Normal"].font.name == "Verdana"


def test_headings_are_real_word_headings_that_the_navigation_pane_lists(report):
    document = WordDocument(io.BytesIO(report))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "1.0 Introduction") in headings and ("Heading 2", "1.1 Executive summary") in headings
    outline = document.styles["Heading 2"].element.pPr.find(qn("w:outlineLvl"))
    assert outline.get(qn("w:val")) == "1"
    # Near-black headings, not the template's blue.
    assert str(document.styles["Heading 1"].font.color.rgb) == "0B0C0C"


def test_every_page_has_the_council_and_title_above_and_page_x_of_y_below(report, settings):
    document = WordDocument(io.BytesIO(report))
    header = document.sections[0].header.paragraphs[0].text
    assert settings.COUNCIL_NAME in header and "Safeguarding Improvement Task & Finish Group: final report" in header
    footer = part(report, "word/footer1.xml")
    assert "Page " in footer and 'w:instr=" PAGE ' in footer and 'w:instr=" NUMPAGES ' in footer
    # The landscape pages have the same header and footer, set to their own width.
    for section in document.sections:
        assert settings.COUNCIL_NAME in section.header.paragraphs[0].text
        assert "fldSimple" in section.footer.paragraphs[0]._p.xml and "Page " in section.footer.paragraphs[0].text
    landscape_tab = document.sections[1].header.paragraphs[0].paragraph_format.tab_stops[-1].position
    assert abs(landscape_tab - Mm(297 - 40)) < Mm(1)


def test_the_document_is_in_british_english_with_the_councils_properties(report, settings):
    before = timezone.now() - datetime.timedelta(seconds=2)
    styles = part(report, "word/styles.xml")
    assert '<w:lang w:val="en-GB"' in styles
    properties = WordDocument(io.BytesIO(report)).core_properties
    assert properties.title == "Safeguarding Improvement Task & Finish Group: final report"
    assert properties.author == settings.COUNCIL_NAME and properties.last_modified_by == settings.COUNCIL_NAME
    assert properties.created >= before.replace(microsecond=0) and properties.language == "en-GB"
    assert "python-docx" not in (properties.comments + properties.author + properties.last_modified_by)


def test_the_conclusions_appendix_sits_on_landscape_pages_and_the_answers_after_it_do_not(report, world):
    document = WordDocument(io.BytesIO(report))
    # No answered request: the landscape conclusions are the last pages.
    assert [section.orientation for section in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    landscape = document.sections[1]
    assert landscape.page_width > landscape.page_height and abs(landscape.page_width - Mm(297)) < Mm(1)
    body = part(report, "word/document.xml")
    # The portrait section ends after the last meeting's notes, before the conclusions table.
    # (Each heading is also named on the contents page, before any of them: the last mention is the heading.)
    assert body.rindex("notes of meeting 2") < body.index("<w:sectPr") < body.rindex("conclusions against each action")


def test_answers_to_requests_follow_the_conclusions_on_portrait_pages(client, world):
    from scrutiny.review.models import InformationRequest

    InformationRequest.objects.create(
        review=world.review,
        meeting=world.last_meeting,
        asked_of_agency=world.uhcw,
        question="Confirm the protocols",
        raised_on=world.last_meeting.date,
        status="answered",
        answer="Confirmed by e-mail",
    )
    client.force_login(world.clara)
    content = client.get(reverse("review_report", args=[world.review.pk, "final", "docx"])).content
    document = WordDocument(io.BytesIO(content))
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-2:] == [
        "Appendix D: conclusions against each action",
        "Appendix E: answers to the group's requests for information",
    ]


def test_table_columns_fit_their_content_and_the_header_row_repeats(report):
    document = WordDocument(io.BytesIO(report))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Area")
    headers = [cell.text for cell in table.rows[0].cells]
    widths = dict(zip(headers, (cell.width for cell in table.rows[0].cells), strict=False))
    assert widths["Area"] < widths["Lead agency"] < widths["Reasoning"]
    # Wide enough for its longest word: "Reasoning" is never broken into "Reasonin g".
    assert widths["Reasoning"] > Pt(len("Reasoning") * 9.5 * 0.5)
    assert sum(widths.values()) <= Mm(297 - 40) + Mm(1)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_the_conclusions_table_alone_is_landscape(client, world):
    client.force_login(world.maya)
    content = client.get(reverse("conclusions_export", args=[world.review.pk, "docx"])).content
    assert WordDocument(io.BytesIO(content)).sections[0].orientation == WD_ORIENT.LANDSCAPE


def test_a_councils_reference_document_gives_the_papers_its_styles(client, world, settings, tmp_path):
    reference = WordDocument()
    reference.styles["Heading 1"].font.name = "Georgia"
    reference.add_paragraph("Template text that must never reach a paper")
    path = tmp_path / "council.docx"
    reference.save(path)
    settings.PAPER_REFERENCE_DOCX = str(path)
    client.force_login(world.clara)
    content = client.get(reverse("review_report", args=[world.review.pk, "final", "docx"])).content
    document = WordDocument(io.BytesIO(content))
    assert document.styles["Heading 1"].font.name == "Georgia"
    assert all("Template text" not in p.text for p in document.paragraphs)
    assert abs(document.sections[0].page_width - Mm(210)) < Mm(1)


def test_text_people_wrote_never_becomes_a_word_field(client, world):
    NoteItem.objects.create(meeting=world.last_meeting, heading="Fields", body='{ PAGE } =HYPERLINK("http://x")')
    client.force_login(world.clara)
    content = client.get(
        reverse("meeting_notes_export", args=[world.last_meeting.review_id, world.last_meeting.pk, "docx"])
    ).content
    body = part(content, "word/document.xml")
    assert "fldSimple" not in body and "instrText" not in body and "{ PAGE }" in body
