"""Every paper opened with a real reader: python-docx, pypdf, openpyxl, csv and icalendar."""

import csv
import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from scrutiny.review.models import Attendance, Conclusion, NoteItem, Review

from .factories import ask, session
from .query_helpers import assert_queries_flat

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://x")'
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def meeting(world):
    """Meeting 1 with agreed notes, a foster carer present, and hostile text in every field a user writes."""
    meeting = world.last_meeting
    meeting.date, meeting.start_time, meeting.place = datetime.date(2012, 5, 8), datetime.time(18), "Shire Hall"
    meeting.save()
    meeting.areas.add(world.area1)
    Attendance.objects.create(meeting=meeting, person=world.maya_person, capacity="member", status="present")
    Attendance.objects.create(meeting=meeting, person=world.carer, capacity="contributor", status="present")
    Attendance.objects.create(meeting=meeting, person=world.clara_person, capacity="clerk", status="apologies")
    NoteItem.objects.create(
        meeting=meeting,
        position=1,
        heading="Area 1: caseloads",
        area=world.area1,
        body=f"Caseloads are at 16 to 18.\n\n{HYPERLINK} {SCRIPT}",
    )
    Conclusion.objects.create(
        review=world.review,
        meeting=meeting,
        action=world.wcc_action,
        judgement="satisfied",
        reasoning=f"{HYPERLINK} Suitable progress {SCRIPT}",
        reached_on=meeting.date,
    )
    ask(world.review, world.uhcw, "Confirm the information protocols at UHCW", meeting=meeting, raised_on=meeting.date)
    meeting.notes_status, meeting.notes_agreed_on = "agreed", datetime.date(2012, 5, 21)
    meeting.save()
    return meeting


def word_text(content: bytes) -> tuple[list[tuple[str, str]], str]:
    document = WordDocument(io.BytesIO(content))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return paragraphs, "\n".join([text for _, text in paragraphs] + cells)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_notes_in_word_have_real_headings_tables_and_a_telling_file_name(client, world, meeting):
    client.force_login(world.maya)
    response = client.get(reverse("meeting_notes_export", args=[meeting.review_id, meeting.pk, "docx"]))
    assert response["Content-Disposition"] == 'attachment; filename="notes-meeting-1-safeguarding-2012-05-08.docx"'
    paragraphs, text = word_text(response.content)
    assert ("Title", "Notes of meeting 1: Safeguarding") in paragraphs
    assert ("Heading 1", "Attendance") in paragraphs and ("Heading 2", "1. Area 1: caseloads (area 1)") in paragraphs
    assert ("Heading 1", "Conclusions reached") in paragraphs
    document = WordDocument(io.BytesIO(response.content))
    attendance = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert attendance[0] == ["Name", "Attending as", "Attendance"]
    assert ["Kim Brandrick, Carer, Warwickshire Fostering Service", "Contributor", "Present"] in attendance
    assert (
        "These notes were agreed by the group on 21 May 2012, signed by the Chair, Cllr Maya Patel" in text
        and "8 May 2012, 18:00, Shire Hall" in text
    )
    assert "Satisfied" in text and "Confirm the information protocols at UHCW" in text
    # Hostile text arrives as the words typed, inert: no field codes, no markup.
    assert f"{HYPERLINK} {SCRIPT}" in text
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        body = archive.read("word/document.xml").decode()
    assert "instrText" not in body and "fldSimple" not in body


def test_the_notes_as_pdf_read_back_with_names_dates_and_conclusions(client, world, meeting):
    client.force_login(world.clara)
    response = client.get(reverse("meeting_notes_export", args=[meeting.review_id, meeting.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('notes-meeting-1-safeguarding-2012-05-08.pdf"')
    text = pdf_text(response.content)
    for expected in (
        "Notes of meeting 1: Safeguarding",
        "Kim Brandrick",
        "21 May 2012",
        "Satisfied",
        "Conclusions reached",
        "Area 1: caseloads",
        HYPERLINK,
        "<script>alert(1)</script>",
    ):
        assert expected in text, expected


def test_the_printable_notes_page_escapes_what_users_wrote(client, world, meeting):
    client.force_login(world.maya)
    page = client.get(reverse("meeting_notes_export", args=[meeting.review_id, meeting.pk, "html"])).content.decode()
    assert "Notes of meeting 1: Safeguarding" in page and "Kim Brandrick" in page
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "=HYPERLINK(&quot;http://x&quot;)" in page


def test_the_agenda_lists_the_areas_and_the_people_invited(client, world, meeting):
    client.force_login(world.clara)
    response = client.get(reverse("meeting_agenda", args=[world.next_meeting.review_id, world.next_meeting.pk, "docx"]))
    assert response["Content-Disposition"].startswith('attachment; filename="agenda-meeting-2-health-')
    paragraphs, text = word_text(response.content)
    assert ("Title", "Agenda: meeting 2, Health") in paragraphs
    assert "Notes of the previous meeting (Safeguarding, 8 May 2012)" in text
    pdf = pdf_text(client.get(reverse("meeting_agenda", args=[meeting.review_id, meeting.pk, "pdf"])).content)
    assert "Agenda: meeting 1, Safeguarding" in pdf and "Area 1:" in pdf and "Kim Brandrick" in pdf


def test_draft_notes_are_marked_draft_in_every_format(client, world):
    NoteItem.objects.create(meeting=world.next_meeting, heading="Health assessments", body="Heard from the nurse")
    client.force_login(world.clara)
    paragraphs, _ = word_text(
        client.get(
            reverse("meeting_notes_export", args=[world.next_meeting.review_id, world.next_meeting.pk, "docx"])
        ).content
    )
    assert ("Title", "DRAFT: Notes of meeting 2: Health") in paragraphs
    assert "DRAFT" in pdf_text(
        client.get(
            reverse("meeting_notes_export", args=[world.next_meeting.review_id, world.next_meeting.pk, "pdf"])
        ).content
    )


def test_the_conclusions_table_in_excel_csv_and_word(client, world, meeting):
    client.force_login(world.maya)
    xlsx = client.get(reverse("conclusions_export", args=[world.review.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["Area", "Action", "Lead agency", "Officers' status", "Group's conclusion"]
    action_row = next(row for row in rows if str(row[1]).startswith("1.1: Caseloads"))
    assert action_row[4] == "Satisfied" and action_row[5] == f"{HYPERLINK} Suitable progress {SCRIPT}"
    assert action_row[6] == "Safeguarding" and action_row[7] == datetime.datetime(2012, 5, 8)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)

    text = client.get(reverse("conclusions_export", args=[world.review.pk, "csv"])).content.decode("utf-8-sig")
    csv_rows = list(csv.reader(io.StringIO(text)))
    assert [r for r in csv_rows if r[1].startswith("1.1:")][0][5] == f"'{HYPERLINK} Suitable progress {SCRIPT}"

    word = client.get(reverse("conclusions_export", args=[world.review.pk, "docx"]))
    assert word["Content-Disposition"].startswith(
        'attachment; filename="conclusions-safeguarding-improvement-task-finish-group-'
    )
    document = WordDocument(io.BytesIO(word.content))
    table = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert table[0][4] == "Group's conclusion"
    assert any(row[4] == "Satisfied" and HYPERLINK in row[5] for row in table)


def test_the_final_report_is_assembled_from_the_records(client, world, meeting):
    client.force_login(world.clara)
    paragraphs, text = word_text(client.get(reverse("review_report", args=[world.review.pk, "final", "docx"])).content)
    headings = [text for style, text in paragraphs if style.startswith("Heading")]
    for expected in (
        "1.0 Introduction",
        "1.2 Members and contributors",
        "1.3 Evidence used",
        "1.4 Dates and timescales",
        "2.0 History of the review",
        "3.0 Recommendations",
        "4.0 Acknowledgements",
        "Appendix A: the scoping document",
        "Appendix B: notes of meeting 1, Safeguarding, 8 May 2012",
        "Appendix D: conclusions against each action",
    ):
        assert expected in headings
    assert "Cllr Maya Patel (Chair)" in text and "Kim Brandrick, Carer, Warwickshire Fostering Service" in text
    assert "8 May 2012: Safeguarding" in text and "Caseloads are at 16 to 18." in text


def test_the_meetings_calendar_is_valid_icalendar(client, world, meeting):
    client.force_login(world.olivia)
    response = client.get(reverse("meetings_ics", args=[world.review.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    first = events["Meeting 1: Safeguarding (Safeguarding Improvement Task & Finish Group)"]
    assert str(first["UID"]) == f"meeting-{meeting.pk}@scrutiny.warwickshire-county-council"
    assert first.decoded("DTSTART") == datetime.datetime(2012, 5, 8, 17, 0, tzinfo=datetime.UTC)  # 18:00 BST
    assert str(first["LOCATION"]) == "Shire Hall"
    second = events["Meeting 2: Health (Safeguarding Improvement Task & Finish Group)"]
    assert second.decoded("DTSTART") == world.next_meeting.date  # no time yet: an all-day event
    assert str(second["LOCATION"]) == "To be confirmed"
    # Each event links to its meeting's page, under its own review's address.
    assert str(first["URL"]).endswith(reverse("meeting_detail", args=[world.review.pk, meeting.pk]))


def test_the_meetings_list_exports_to_excel(client, world, meeting):
    client.force_login(world.maya)
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("meetings_export", args=[world.review.pk, "xlsx"])).content)
    ).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[1][1] == "Safeguarding" and rows[1][8] == "1" and rows[1][9] == "Agreed"


@pytest.mark.parametrize(
    "name,args",
    [
        ("meeting_notes_export", ("docx",)),
        ("review_report", ("final", "docx")),
        ("conclusions_export", ("xlsx",)),
    ],
)
def test_exports_make_the_same_number_of_queries_whatever_the_data(client, world, meeting, name, args):
    def bulk(count):
        for n in range(count):
            other = session(world, n, datetime.date(2012, 7, 1), world.area2, purpose="More")
            NoteItem.objects.create(
                meeting=meeting, position=n + 2, heading=f"Item {n}", area=world.area1, body="Heard"
            )
            NoteItem.objects.create(meeting=other, heading="Heard", body="More")
            Conclusion.objects.create(
                review=world.review, meeting=other, area=world.area2, judgement="satisfied", reasoning="Fine"
            )

    client.force_login(world.clara)
    pks = [world.review.pk] if name != "meeting_notes_export" else [world.review.pk, meeting.pk]
    url = reverse(name, args=[*pks, *args])
    assert_queries_flat(client, url, bulk, first=3, then=30)


def test_the_final_report_for_the_demo_has_the_three_recommendations_and_the_conclusions_table(client, db):
    from scrutiny.review.demo import load_demo

    load_demo()
    review = Review.objects.get()
    client.login(username="clerk", password="scrutiny-demo-2012")
    response = client.get(reverse("review_report", args=[review.pk, "final", "docx"]))
    # The demo's final report has no committee date: it is a draft, never dated the day it is produced.
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="final-report-safeguarding-improvement-task-finish-group-draft.docx"'
    )
    paragraphs, text = word_text(response.content)
    for number, words in (
        (1, "To endorse the overall conclusion"),
        (2, "To encourage the children’s services teams"),
        (3, "To consider and agree any actions"),
    ):
        assert f"{number}. {words}" in text
    document = WordDocument(io.BytesIO(response.content))
    conclusions = next(t for t in document.tables if [c.text for c in t.rows[0].cells][4:5] == ["Group's conclusion"])
    judgements = {row.cells[4].text for row in conclusions.rows[1:]}
    assert {"Satisfied", "Not pursued"} <= judgements
    assert "Bob Hicks" in text and "6 December 2012" in text
    # Appendices lettered A, B, C... in the order printed: the scoping document, each meeting's notes, the
    # conclusions, then the answer to the UHCW request with its e-mail (appendix G in the real report).
    appendices = [p for style, p in paragraphs if style == "Heading 1" and p.startswith("Appendix")]
    assert [a.split(":")[0] for a in appendices] == [f"Appendix {letter}" for letter in "ABCDEFGHI"]
    assert appendices[0] == "Appendix A: the scoping document"
    assert appendices[2] == "Appendix C: notes of meeting 2, Safeguarding, 8 May 2012"
    assert appendices[7] == "Appendix H: conclusions against each action"
    assert appendices[8] == "Appendix I: answers to the group's requests for information"
    assert "Detailed notes of this meeting are at Appendix C." in text
    assert (
        "Email from UHCW on information protocols for children admitted from different local authorities (email)"
        in text
    )
    assert f"To the {review.reporting_committee}. Draft" in text
    pdf = pdf_text(client.get(reverse("review_report", args=[review.pk, "final", "pdf"])).content)
    assert "To encourage the children" in pdf and "conclusions against each action" in pdf


def test_draft_notes_stay_within_the_review_in_its_reports(client, world):
    NoteItem(meeting=world.last_meeting, heading="Caseloads", body="Draft: caseloads discussed in confidence").save()
    url = reverse("review_report", args=[world.review.pk, "final", "html"])
    client.force_login(world.mark)  # a member, but of another review: this review is not there for him
    outsider = client.get(url)
    assert outsider.status_code == 404
    assert "caseloads discussed in confidence" not in outsider.content.decode()
    client.force_login(world.maya)
    assert "caseloads discussed in confidence" in client.get(url).content.decode()


def test_pdf_papers_are_tagged_for_screen_readers(client, world):
    client.force_login(world.clara)
    reader = PdfReader(
        io.BytesIO(
            client.get(
                reverse("meeting_agenda", args=[world.last_meeting.review_id, world.last_meeting.pk, "pdf"])
            ).content
        )
    )
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert str(catalog["/Lang"]).lower().startswith("en")
