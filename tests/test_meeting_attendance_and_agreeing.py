"""Before a meeting takes place, its attendance forms offer only what can be known then: invited or
apologies. Anything else sent is refused next to the person it is about."""

import pytest

from scrutiny.review.models import Attendance

from .page_helpers import meeting_url

pytestmark = pytest.mark.django_db


def radios(page: str, name: str) -> dict[str, bool]:
    """Each radio one field offers on the page, and whether it is chosen."""
    offered = {}
    for chunk in page.split(f'name="{name}"')[1:]:
        tag = chunk.split(">", 1)[0]
        offered[tag.split('value="', 1)[1].split('"', 1)[0]] = "checked" in tag
    return offered


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
