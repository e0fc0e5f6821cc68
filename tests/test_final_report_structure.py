"""The final report opened as a reader would: the structure of the real 2012 report (contents, 1.0 to 4.0,
appendices lettered A, B, C... in order), the clerk's text where written, the committee's date or "Draft",
and nothing that only says the source is silent."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from scrutiny.review.models import Attendance, InformationRequest, NoteItem, Recommendation
from scrutiny.review.services.report_text import save_report_text

pytestmark = pytest.mark.django_db

SECTIONS = [
    "1.0 Introduction",
    "1.1 Executive summary",
    "1.2 Members and contributors",
    "1.3 Evidence used",
    "1.4 Dates and timescales",
    "1.5 Recommendations",
    "2.0 History of the review",
    "3.0 Recommendations",
    "4.0 Acknowledgements",
]


@pytest.fixture
def written(world):
    """A review with agreed notes, a recommendation, an observation, an answered request and the clerk's text."""
    meeting = world.last_meeting
    meeting.areas.add(world.area1)
    Attendance.objects.create(meeting=meeting, person=world.carer, capacity="contributor", status="present")
    NoteItem.objects.create(meeting=meeting, position=1, heading="Area 1", area=world.area1, body="Audits are done.")
    NoteItem.objects.create(
        meeting=meeting,
        position=2,
        heading="Area 1",
        area=world.area1,
        body="What was said is not recorded.",
        source_silent=True,
    )
    recommendation = Recommendation.objects.create(
        review=world.review, number=1, text="To endorse the plan", addressed_to="Cabinet"
    )
    observation = Recommendation.objects.create(
        review=world.review, kind="observation", number=1, text="Joined-up plans", addressed_to="Committee"
    )
    InformationRequest.objects.create(
        review=world.review,
        meeting=meeting,
        asked_of_agency=world.uhcw,
        question="Confirm the protocols for children admitted from other authorities",
        raised_on=meeting.date,
        status="answered",
        answer="UHCW confirmed the protocols by e-mail.",
        answered_on=meeting.date,
    )
    texts = {
        ("summary", None, None): "In November 2011, Ofsted undertook a statutory inspection.",
        ("meeting", meeting, None): "We met officers to hear about case-file audits.",
        ("recommendation", None, recommendation): "Our remit was to help the service complete the plan.",
        ("observation", None, observation): "We would like to see a more joined-up approach.",
        ("acknowledgements", None, None): "We thank the foster carers who made such valuable contributions.",
    }
    for (part, about_meeting, about_recommendation), text in texts.items():
        save_report_text(
            actor=world.clara,
            review=world.review,
            part=part,
            meeting=about_meeting,
            recommendation=about_recommendation,
            text=text,
        )
    return texts


def in_order(found: list[str], expected: list[str]) -> bool:
    positions = [found.index(item) for item in expected]
    return positions == sorted(positions)


def test_the_word_report_has_the_real_reports_structure_and_the_clerks_text(client, world, written):
    client.force_login(world.clara)
    content = client.get(reverse("review_report", args=[world.review.pk, "final", "docx"])).content
    paragraphs = [(p.style.name, p.text) for p in WordDocument(io.BytesIO(content)).paragraphs]
    headings = [text for style, text in paragraphs if style.startswith("Heading")]
    # The contents come first, naming the sections and the appendices, as a list before 1.0.
    assert headings[0] == "Contents"
    first_section = paragraphs.index(("Heading 1", "1.0 Introduction"))
    contents = [text for _style, text in paragraphs[:first_section]]
    assert {
        "1.0 Introduction",
        "1.5 Recommendations",
        "4.0 Acknowledgements",
        "Appendix A: the scoping document",
    } <= set(contents)
    body = headings[1:]
    assert in_order(body, SECTIONS)
    assert body.index("2.1 Safeguarding (meeting 1), " + f"{world.last_meeting.date:%-d %B %Y}") < body.index(
        "3.0 Recommendations"
    )
    appendices = [h for h in body if h.startswith("Appendix")]
    assert [a.split(":")[0] for a in appendices] == [f"Appendix {letter}" for letter in "ABCDE"]
    assert appendices[-1] == "Appendix E: answers to the group's requests for information"
    text = [t for _, t in paragraphs][first_section:]
    # Each of the clerk's texts prints in its place.
    after = {heading: text.index(heading) for heading in SECTIONS}
    summary = text.index(written[("summary", None, None)])
    assert after["1.1 Executive summary"] < summary < after["1.2 Members and contributors"]
    meeting_text = next(v for k, v in written.items() if k[0] == "meeting")
    assert after["2.0 History of the review"] < text.index(meeting_text) < after["3.0 Recommendations"]
    reasoning = next(v for k, v in written.items() if k[0] == "recommendation")
    assert (
        after["3.0 Recommendations"]
        < text.index(reasoning)
        < text.index("1. To endorse the plan", after["3.0 Recommendations"])
    )
    assert "We would like to see a more joined-up approach." in text
    thanks = text.index(written[("acknowledgements", None, None)])
    assert after["4.0 Acknowledgements"] < thanks < text.index("Appendix A: the scoping document", thanks)
    # No column for the committee's decision: the report goes to the committee that makes it.
    cells = [c.text for t in WordDocument(io.BytesIO(content)).tables for row in t.rows for c in row.cells]
    assert "Awaiting the committee" not in cells and "Committee's decision" not in cells
    # A note that only says the source is silent is kept in the app, never printed.
    assert "Audits are done." in text and "What was said is not recorded." not in text


def test_the_pdf_report_has_the_contents_sections_and_lettered_appendices_in_order(client, world, written):
    client.force_login(world.clara)
    content = client.get(reverse("review_report", args=[world.review.pk, "final", "pdf"])).content
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
    assert "Contents" in pages[0] and "4.0 Acknowledgements" in pages[0] and "Appendix E" in pages[0]
    rest = re.sub(r"\s+", " ", "\n".join(pages[1:]))
    positions = [rest.index(section) for section in SECTIONS]
    assert positions == sorted(positions)
    lettered = re.findall(r"Appendix ([A-Z]): ", rest)
    headings_in_order = [letter for i, letter in enumerate(lettered) if letter not in lettered[:i]]
    assert headings_in_order == list("ABCDE")
    assert "UHCW confirmed the protocols by e-mail." in rest
    assert "In November 2011, Ofsted undertook a statutory inspection." in rest


def test_the_report_is_dated_by_the_committee_or_marked_draft(client, world, written):
    client.force_login(world.clara)
    url = reverse("review_report", args=[world.review.pk, "final", "html"])
    today = f"{datetime.date.today():%-d %B %Y}"
    page = client.get(url).content.decode()
    assert "Committee. Draft" in page and "not recorded" not in page and today not in page.split("1.0")[0]
    world.review.final_report_on = datetime.date(2013, 1, 24)
    world.review.save()
    response = client.get(reverse("review_report", args=[world.review.pk, "final", "docx"]))
    assert response["Content-Disposition"].endswith('-2013-01-24.docx"')
    document = WordDocument(io.BytesIO(response.content))
    assert document.paragraphs[1].text.endswith("Committee, 24 January 2013")
    assert not document.paragraphs[0].text.startswith("DRAFT")


def test_an_area_whose_text_the_source_does_not_give_is_named_by_its_number(client, world, written):
    world.area1.text, world.area1.text_from_source = "The report does not give the text of this area.", False
    world.area1.save()
    client.force_login(world.clara)
    page = client.get(reverse("review_report", args=[world.review.pk, "final", "html"])).content.decode()
    assert "Area 1" in page and "does not give the text" not in page


def test_the_demos_final_report_reads_as_the_real_one(client, db):
    from scrutiny.review.demo import load_demo
    from scrutiny.review.models import Review

    load_demo()
    review = Review.objects.get()
    client.login(username="clerk", password="scrutiny-demo-2012")
    content = client.get(reverse("review_report", args=[review.pk, "final", "docx"])).content
    paragraphs = [(p.style.name, p.text) for p in WordDocument(io.BytesIO(content)).paragraphs]
    text = [t for _, t in paragraphs]
    # 1.3 lists the eight items of evidence the real report lists.
    start = paragraphs.index(("Heading 2", "1.3 Evidence used")) + 1
    evidence = text[start : paragraphs.index(("Heading 2", "1.4 Dates and timescales"))]
    assert len(evidence) == 8 and any(item.startswith("Senior Leadership Team report") for item in evidence)
    # The clerk's words, with appendix letters that are those this report prints.
    assert "We would like to thank everyone involved in this review, particularly the lead officers" in "\n".join(text)
    headings = [t for style, t in paragraphs if style == "Heading 1"]
    assert "Appendix H: conclusions against each action" in headings
    assert "Appendix I: answers to the group's requests for information" in headings
    assert any("confirmed by Appendix H, which shows our conclusions" in t for t in text)
    assert any("via email, which is included at appendix I" in t for t in text)


def test_the_clerk_marks_a_notes_item_that_only_says_the_source_is_silent(client, world):
    client.force_login(world.clara)
    meeting = world.last_meeting
    add = reverse("meeting_note_add", args=[world.review.pk, meeting.pk])
    client.post(add, {"position": "1", "heading": "Area 1", "area": world.area1.pk, "body": "Audits are done."})
    client.post(
        add,
        {
            "position": "2",
            "heading": "Area 1: not recorded",
            "body": "What was said is not recorded.",
            "source_silent": "on",
        },
    )
    silent = NoteItem.objects.get(heading="Area 1: not recorded")
    assert silent.source_silent and silent.history.latest().history_user == world.clara
    page = client.get(reverse("meeting_detail", args=[world.review.pk, meeting.pk])).content.decode()
    assert "What was said is not recorded." in page and "Not printed in papers" in page
    notes = client.get(reverse("meeting_notes_export", args=[world.review.pk, meeting.pk, "docx"])).content
    text = [p.text for p in WordDocument(io.BytesIO(notes)).paragraphs]
    assert "Audits are done." in text and "What was said is not recorded." not in text
