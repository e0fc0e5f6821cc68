"""Agreed notes are published, so they say who came: the notes of a meeting with people whose attendance
nobody recorded cannot be agreed, and the clerk is told who and led to the attendance page. Before a
meeting takes place, its attendance forms offer only what can be known then."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from scrutiny.review.models import Attendance, Meeting, NoteItem
from scrutiny.review.services.meetings import agree_notes

from .page_helpers import meeting_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(world):
    """The last meeting, with a notes item, where the carer came and the chair's attendance is not recorded."""
    meeting = world.last_meeting
    NoteItem.objects.create(meeting=meeting, heading="Caseloads", body="Heard from the service manager")
    Attendance.objects.create(meeting=meeting, person=world.carer, capacity="contributor", status="present")
    Attendance.objects.create(meeting=meeting, person=world.maya_person, capacity="member")
    Attendance.objects.create(meeting=meeting, person=world.olivia_person, capacity="witness")
    return meeting


def radios(page: str, name: str) -> dict[str, bool]:
    """Each radio one field offers on the page, and whether it is chosen."""
    offered = {}
    for chunk in page.split(f'name="{name}"')[1:]:
        tag = chunk.split(">", 1)[0]
        offered[tag.split('value="', 1)[1].split('"', 1)[0]] = "checked" in tag
    return offered


def test_the_service_refuses_to_agree_notes_while_attendance_is_unrecorded_and_names_the_people(world, held):
    with pytest.raises(ValidationError) as refused:
        agree_notes(actor=world.clara, meeting=held, agreed_on=held.date)
    message = " ".join(refused.value.messages)
    assert "Record whether these 2 people came before agreeing the notes" in message
    assert "Cllr Maya Patel" in message and "Olivia Okafor" in message and "Kim Brandrick" not in message
    held.refresh_from_db()
    assert held.notes_status == Meeting.NotesStatus.DRAFT and held.notes_agreed_on is None
    assert not held.history.filter(notes_status=Meeting.NotesStatus.AGREED).exists()


def test_the_agree_page_says_who_is_unrecorded_and_leads_to_the_attendance_page(client, world, held):
    client.force_login(world.clara)
    attendance_page = meeting_url("meeting_attendance", held)
    before = client.get(meeting_url("meeting_agree_notes", held)).content.decode()
    assert "Attendance is not recorded yet for 2 people" in before and f'href="{attendance_page}"' in before
    response = client.post(meeting_url("meeting_agree_notes", held), {"agreed_on": held.date.strftime("%d/%m/%Y")})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page
    summary = page.split('govuk-error-summary__list">', 1)[1].split("</ul>", 1)[0]
    assert f'<a href="{attendance_page}">Record whether these 2 people came' in summary
    assert "Cllr Maya Patel and Olivia Okafor" in summary
    held.refresh_from_db()
    assert held.notes_status == Meeting.NotesStatus.DRAFT


def test_once_attendance_is_recorded_the_notes_are_agreed(client, world, held):
    client.force_login(world.clara)
    rows = {row.person_id: row for row in held.attendance.all()}
    response = client.post(
        meeting_url("meeting_attendance", held),
        {
            f"status_{rows[world.carer.pk].pk}": "present",
            f"status_{rows[world.maya_person.pk].pk}": "apologies",
            f"status_{rows[world.olivia_person.pk].pk}": "absent",
        },
    )
    assert response.status_code == 302
    page = client.get(meeting_url("meeting_agree_notes", held)).content.decode()
    assert "Attendance is not recorded" not in page
    response = client.post(meeting_url("meeting_agree_notes", held), {"agreed_on": held.date.strftime("%d/%m/%Y")})
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.notes_status == Meeting.NotesStatus.AGREED and held.notes_agreed_by == world.clara


def test_the_attendance_form_of_a_meeting_not_yet_held_offers_no_present_or_absent(client, world):
    meeting = world.next_meeting
    row = Attendance.objects.create(meeting=meeting, person=world.maya_person, capacity="member")
    client.force_login(world.clara)
    page = client.get(meeting_url("meeting_attendance", meeting)).content.decode()
    assert radios(page, f"status_{row.pk}") == {"invited": True, "apologies": False, "remove": False}
    assert "record who was present or absent once it has taken place" in page
    held_page = client.get(meeting_url("meeting_attendance", world.last_meeting)).content.decode()
    assert "record who was present or absent once it has taken place" not in held_page


def test_present_posted_for_a_meeting_not_yet_held_is_refused_next_to_the_person(client, world):
    meeting = world.next_meeting
    row = Attendance.objects.create(meeting=meeting, person=world.maya_person, capacity="member")
    client.force_login(world.clara)
    response = client.post(meeting_url("meeting_attendance", meeting), {f"status_{row.pk}": "present"})
    page = response.content.decode()
    field_id = f"id_status_{row.pk}"
    assert response.status_code == 200
    assert f'<a href="#{field_id}_1">This meeting is on' in page and f'id="{field_id}_1"' in page
    assert f'id="{field_id}_1_error"' in page and "choose invited or apologies for Cllr Maya Patel" in page
    row.refresh_from_db()
    assert row.status == Attendance.Status.INVITED


def test_adding_someone_to_a_meeting_not_yet_held_offers_invited_or_apologies_and_refuses_present_beside_it(
    client, world
):
    meeting = world.next_meeting
    client.force_login(world.clara)
    page = client.get(meeting_url("meeting_attendee_add", meeting)).content.decode()
    assert radios(page, "status") == {"invited": True, "apologies": False}
    response = client.post(
        meeting_url("meeting_attendee_add", meeting), {"name": "Sam Carer", "capacity": "witness", "status": "present"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and '<a href="#id_status_1">This meeting is on' in page
    assert 'id="id_status_1_error"' in page
    assert not meeting.attendance.exists()


def test_adding_someone_to_a_meeting_held_still_offers_present_first(client, world):
    client.force_login(world.clara)
    page = client.get(meeting_url("meeting_attendee_add", world.last_meeting)).content.decode()
    assert radios(page, "status") == {"invited": False, "present": True, "apologies": False, "absent": False}


def test_no_agreed_notes_in_the_demo_leave_anyones_attendance_unrecorded(db):
    call_command("load_demo", stdout=io.StringIO())
    agreed = Meeting.objects.filter(notes_status=Meeting.NotesStatus.AGREED)
    assert agreed.exists()
    unrecorded = Attendance.objects.filter(meeting__in=agreed, status=Attendance.Status.INVITED)
    assert list(unrecorded.values_list("person__name", "meeting__title")) == []
