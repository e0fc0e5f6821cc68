"""The demo clerk runs a meeting from end to end and downloads its notes."""

import io
import re

import pytest
from docx import Document as WordDocument
from playwright.sync_api import expect
from pypdf import PdfReader

from actionplan.models import Area
from scrutiny.people.models import Person
from scrutiny.review.models import Attendance, Meeting

from ..factories import make_world
from ..page_helpers import meeting_url
from .conftest import assert_accessible, open_as, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "scrutiny-demo-2012"


@pytest.fixture
def clerk(transactional_db):
    from scrutiny.people.models import User
    from scrutiny.review.demo import load_demo

    load_demo()
    return User.objects.get(username="clerk")


def checked_page(page, name):
    assert_accessible(page)
    screenshot(page, f"clerk-{name}")


def test_the_clerk_schedules_records_writes_agrees_and_downloads_the_notes(page, clerk):
    sign_in(page, clerk, password=DEMO_PASSWORD)
    page.goto("/meetings/")
    assert page.get_by_role("heading", level=1).inner_text() == "Meetings"
    checked_page(page, "meeting-list")

    # Schedule: an empty form first, to see the errors are clear and accessible.
    page.get_by_role("link", name="Schedule a meeting").click()
    page.get_by_role("button", name="Schedule the meeting").click()
    expect(page).to_have_title(re.compile("^Error:"))  # waits for the page the button brings back
    assert "Enter the meeting’s title" in page.locator(".govuk-error-summary").inner_text()
    checked_page(page, "schedule-errors")
    page.get_by_label("Meeting number (optional)").fill("6")
    page.get_by_label("Title").fill("Corporate parenting")
    page.get_by_label("Date", exact=True).fill("10/01/2013")
    page.get_by_label("Start time (optional)").fill("18:00")
    page.get_by_label("End time (optional)").fill("20:00")
    page.get_by_label("Place (optional)").fill("Shire Hall, Warwick")
    page.get_by_label("Purpose").fill("Follow up the Corporate Parenting Panel")
    page.get_by_label(re.compile(r"Area 13:")).check()
    page.get_by_role("button", name="Schedule the meeting").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Corporate parenting"
    meeting = Meeting.objects.get(title="Corporate parenting")
    checked_page(page, "meeting-detail")

    # Attendance: the chair present, a councillor's apologies, and a foster carer with no sign-in.
    page.get_by_role("link", name="Record attendance").click()
    page.get_by_role("group", name=re.compile("^Bob Hicks")).get_by_label("Present").check()
    page.get_by_role("group", name=re.compile("^June Tandy")).get_by_label("Apologies").check()
    page.get_by_role("button", name="Save attendance").click()
    page.get_by_role("link", name="Record attendance").click()
    checked_page(page, "attendance")
    page.get_by_role("link", name="Add someone to the list").click()
    page.get_by_label("Or a new person’s name").fill("Sam Carter")
    page.get_by_label("Their job title or capacity (optional)").fill("Foster carer")
    page.get_by_label("Their organisation (optional)").fill("Warwickshire Fostering Service")
    page.get_by_label("Attending as").select_option("contributor")
    checked_page(page, "add-attendee")
    page.get_by_role("button", name="Add to the list").click()
    assert "Added to the attendance list" in page.content()
    page.get_by_role("button", name="Save attendance").click()
    sam = Person.objects.get(name="Sam Carter")
    assert not hasattr(sam, "user") or sam.user is None
    assert meeting.attendance.get(person=sam).status == "present"
    assert meeting.attendance.get(person__name="June Tandy").status == "apologies"

    # Notes: an item about area 13, a conclusion and an information request.
    page.get_by_role("link", name="Write the notes").click()
    checked_page(page, "notes-editor")
    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Heading").fill("Area 13: Corporate Parenting Panel")
    page.get_by_label("Area for improvement (optional)").select_option(str(Area.objects.get(number=13).pk))
    page.get_by_label("What was heard").fill(
        "Sam Carter described the panel's visits.\n\nMembers welcomed the progress."
    )
    checked_page(page, "note-item")
    page.get_by_role("button", name="Save the item").click()
    page.get_by_role("link", name="Record a conclusion").click()
    page.get_by_label("About", exact=True).select_option(label="Area 13 (the whole area)")
    page.get_by_label("Satisfied", exact=True).check()
    page.get_by_label("Reasoning").fill("The panel meets every two months and members' knowledge is improving.")
    checked_page(page, "conclusion")
    page.get_by_role("button", name="Record the conclusion").click()
    page.get_by_role("link", name="Record an information request").click()
    page.get_by_label("What the group asks for").fill("Send the panel's terms of reference")
    page.get_by_label("Asked of agency").select_option(label="Warwickshire County Council")
    checked_page(page, "information-request")
    page.get_by_role("button", name="Record the request").click()
    notes = page.locator("main").inner_text()
    assert "Area 13: Corporate Parenting Panel" in notes and "Send the panel's terms of reference" in notes

    # Agree: refused while anyone's attendance is unrecorded, naming them, with the way to record it.
    page.get_by_role("link", name="Agree the notes").click()
    assert "Attendance is not recorded yet for" in page.locator("main").inner_text()
    checked_page(page, "agree")
    page.get_by_role("button", name="Agree the notes").click()
    expect(page).to_have_title(re.compile("^Error:"))
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "came before agreeing the notes" in summary and "Peter Balaam" in summary and "Bob Hicks" not in summary
    checked_page(page, "agree-refused")
    page.locator(".govuk-error-summary").get_by_role("link").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Record attendance"
    for person in page.get_by_role("group").all():
        if person.get_by_label("Invited").is_checked():
            person.get_by_label("Present").check()
    page.get_by_role("button", name="Save attendance").click()
    assert not meeting.attendance.filter(status="invited").exists()
    page.get_by_role("link", name="Write the notes").click()
    page.get_by_role("link", name="Agree the notes").click()
    assert "Attendance is not recorded" not in page.locator("main").inner_text()
    page.get_by_role("button", name="Agree the notes").click()
    assert "Notes agreed and locked" in page.content()
    checked_page(page, "meeting-agreed")

    # Download the notes as Word and as PDF, and read them back.
    with page.expect_download() as word_download:
        page.get_by_role("link", name="Word notes").click()
    download = word_download.value
    assert download.suggested_filename == "notes-meeting-6-corporate-parenting-2013-01-10.docx"
    word = WordDocument(download.path())
    text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        c.text for t in word.tables for r in t.rows for c in r.cells
    )
    assert "Notes of meeting 6: Corporate parenting" in text and "Sam Carter, Foster carer" in text
    assert "Satisfied" in text and "Send the panel's terms of reference" in text
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="PDF notes").click()
    assert pdf_download.value.suggested_filename.endswith(".pdf")
    with open(pdf_download.value.path(), "rb") as handle:
        pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Area 13: Corporate Parenting Panel" in pdf and "10 January 2013" in pdf

    # The printable page is accessible too.
    page.get_by_role("link", name="printable page of the notes").click()
    checked_page(page, "notes-printable")
    page.go_back()

    # Agreed notes cannot be edited without reopening.
    page.goto(f"/meetings/{meeting.pk}/notes/add/")
    assert "are locked. Reopen them, giving a reason" in page.content()
    page.get_by_role("link", name="Reopen the notes").click()
    page.get_by_role("button", name="Reopen the notes").click()
    assert "Say why the agreed notes are being reopened" in page.locator(".govuk-error-summary").inner_text()
    checked_page(page, "reopen-errors")
    page.get_by_label("Why are the notes being reopened?").fill("Sam Carter's surname was misspelt")
    page.get_by_role("button", name="Reopen the notes").click()
    meeting.refresh_from_db()
    assert meeting.notes_status == "draft"
    assert "Sam Carter's surname was misspelt" in meeting.history.first().history_change_reason


def test_each_attendance_choice_stays_on_one_line_on_a_phone_a_tablet_and_a_laptop(page, transactional_db):
    world = make_world()
    Attendance.objects.create(meeting=world.last_meeting, person=world.maya_person, capacity="member")
    for width in (320, 820, 1280):
        open_as(page, world.clara, meeting_url("meeting_attendance", world.last_meeting), width=width)
        label = page.locator("label", has_text="Take off the list")
        present = page.locator("label", has_text="Present")
        assert label.bounding_box()["height"] <= present.bounding_box()["height"], f"wraps at {width}px"
        page.context.clear_cookies()
