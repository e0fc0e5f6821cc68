"""Scheduling meetings and recording attendance, as the clerk does it."""

import datetime
import re

import pytest
from django.urls import reverse

from actionplan.models import Evidence
from scrutiny.people.models import Person
from scrutiny.review.models import Attendance, Meeting, NoteItem

from .factories import session
from .page_helpers import meeting_url
from .query_helpers import assert_queries_flat

pytestmark = pytest.mark.django_db


MEETING_FORM = {
    "number": "3",
    "title": "Health",
    "date": "14/05/2012",
    "start_time": "18:00",
    "end_time": "20:00",
    "place": "Shire Hall, Warwick",
    "purpose": "Evidence for health-related actions",
    "theme": "",
    "notes_reference": "",
}


def schedule(client, review, **overrides):
    """The clerk sends the form scheduling a meeting: MEETING_FORM with the overrides."""
    return client.post(reverse("meeting_add", args=[review.pk]), {**MEETING_FORM, **overrides})


def test_the_clerk_schedules_a_meeting_and_everyone_on_the_review_is_invited(client, world):
    client.force_login(world.clara)
    response = schedule(
        client, world.review, areas=[world.area2.pk], witnesses=[world.arjun_person.pk], theme=world.health.pk
    )
    meeting = Meeting.objects.get(review=world.review, number=3)
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.date == datetime.date(2012, 5, 14) and meeting.start_time == datetime.time(18)
    assert list(meeting.areas.all()) == [world.area2]
    invited = {(row.person.name, row.capacity, row.status) for row in meeting.attendance.select_related("person")}
    assert invited == {
        ("Cllr Maya Patel", "member", "invited"),
        ("Clara Jones", "clerk", "invited"),
        ("Kim Brandrick", "contributor", "invited"),
        ("Arjun Mehta", "witness", "invited"),
    }
    assert meeting.history.earliest().history_user == world.clara
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Meeting scheduled" in page and "Shire Hall, Warwick" in page and "Area 2" in page


def test_missing_title_and_bad_date_are_shown_next_to_the_fields_and_nothing_is_saved(client, world):
    client.force_login(world.clara)
    before = Meeting.objects.count()
    response = schedule(client, world.review, title="", date="31/02/2012")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page and "govuk-error-summary" in page
    assert "Enter the meeting’s title" in page and "Enter the date as a real date" in page
    assert Meeting.objects.count() == before


def test_a_meeting_cannot_end_before_it_starts_or_reuse_a_number(client, world):
    client.force_login(world.clara)
    page = schedule(client, world.review, number="1", start_time="20:00", end_time="18:00").content.decode()
    assert "The meeting must end after it starts" in page
    assert "This review already has a meeting 1" in page
    assert not Meeting.objects.filter(title="Health", date=datetime.date(2012, 5, 14)).exists()


def test_the_clerk_changes_the_details_and_the_history_shows_it(client, world):
    client.force_login(world.clara)
    meeting = world.next_meeting
    data = {
        "number": "2",
        "title": "Health",
        "date": meeting.date.strftime("%d/%m/%Y"),
        "start_time": "",
        "end_time": "",
        "place": "Committee Room 2",
        "purpose": meeting.purpose,
        "theme": world.health.pk,
        "notes_reference": "Appendix C",
    }
    response = client.post(meeting_url("meeting_edit", meeting), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.place == "Committee Room 2" and meeting.notes_reference == "Appendix C"
    page = client.get(meeting.get_absolute_url()).content.decode()
    panel = page[page.index('class="history-panel"') :]
    assert "<strong>Changed</strong> by Clara Jones" in panel
    assert re.search(
        r'<th scope="row" class="govuk-table__header">Place</th>\s*<td class="govuk-table__cell">[^<]*</td>'
        r'\s*<td class="govuk-table__cell">Committee Room 2</td>',
        panel,
    )
    assert meeting.history.first().history_user == world.clara


def test_attendance_is_recorded_and_a_foster_carer_without_a_login_is_added(client, world):
    client.force_login(world.clara)
    meeting = world.last_meeting
    maya_row = Attendance.objects.create(meeting=meeting, person=world.maya_person, capacity="member")
    response = client.post(
        meeting_url("meeting_attendee_add", meeting),
        {
            "person": "",
            "name": "Judy Dyson",
            "job_title": "Carer",
            "organisation": "Warwickshire Fostering Service",
            "capacity": "contributor",
            "status": "present",
        },
    )
    assert response.status_code == 302
    judy = Person.objects.get(name="Judy Dyson")
    assert not hasattr(judy, "user") or judy.user is None
    assert meeting.attendance.get(person=judy).status == "present"
    judy_row = meeting.attendance.get(person=judy)
    response = client.post(
        meeting_url("meeting_attendance", meeting),
        {f"status_{maya_row.pk}": "apologies", f"status_{judy_row.pk}": "present"},
    )
    assert response.status_code == 302
    maya_row.refresh_from_db()
    assert maya_row.status == "apologies" and maya_row.history.first().history_user == world.clara
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Judy Dyson, Carer, Warwickshire Fostering Service" in page
    assert "Apologies" in page


def test_adding_someone_twice_or_with_no_name_is_refused_clearly(client, world):
    client.force_login(world.clara)
    meeting = world.last_meeting
    url = meeting_url("meeting_attendee_add", meeting)
    page = client.post(url, {"capacity": "witness", "status": "present"}).content.decode()
    assert "Enter the person’s name, or choose someone already known" in page
    page = client.post(
        url, {"name": "Olivia", "person": world.olivia_person.pk, "capacity": "witness", "status": "present"}
    ).content.decode()
    assert "Choose a known person or enter a new name, not both" in page
    client.post(url, {"person": world.carer.pk, "capacity": "contributor", "status": "present"})
    page = client.post(url, {"person": world.carer.pk, "capacity": "witness", "status": "present"}).content.decode()
    assert "people already on this meeting’s list are left out" in page
    assert meeting.attendance.filter(person=world.carer).count() == 1


def test_an_officer_reads_the_meeting_but_not_its_draft_notes(client, world):
    meeting = world.last_meeting
    NoteItem.objects.create(meeting=meeting, heading="Case-file audits", body="Jenny demonstrated CareFirst.")
    client.force_login(world.olivia)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Safeguarding" in page and "Jenny demonstrated CareFirst" not in page
    assert "still a draft" in page
    meeting.notes_status, meeting.notes_agreed_on = "agreed", meeting.date
    meeting.save()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Jenny demonstrated CareFirst" in page


def test_the_list_shows_the_meetings_with_the_state_of_their_notes(client, world):
    client.force_login(world.maya)
    page = client.get(reverse("meeting_list", args=[world.review.pk])).content.decode()
    assert "1. Safeguarding" in page and "2. Health" in page and "Draft" in page
    assert "Schedule a meeting" not in page  # members read, clerks run


def _bulk(world, count):
    for n in range(count):
        session(world, n, datetime.date(2012, 6, 1), world.area1, world.area2)
        person = Person.objects.create(name=f"Witness {n}")
        Attendance.objects.create(meeting=world.last_meeting, person=person, capacity="witness", status="present")
        NoteItem.objects.create(
            meeting=world.last_meeting, position=n + 1, heading=f"Item {n}", area=world.area1, body="Heard"
        )
        evidence = Evidence(
            inspection=world.inspection,
            area=world.area1,
            title=f"Evidence {n}",
            provided_by=person,
            provided_by_agency=world.wcc,
        )
        evidence.save()
        world.last_meeting.evidence_considered.add(evidence)


@pytest.mark.parametrize("url_name", ["meeting_list", "meeting_detail", "meeting_attendance"])
def test_pages_make_the_same_number_of_queries_whatever_the_data(client, world, url_name):
    client.force_login(world.clara)
    review = world.review.pk
    url = reverse(url_name, args=[review] if url_name == "meeting_list" else [review, world.last_meeting.pk])
    assert_queries_flat(client, url, lambda count: _bulk(world, count), first=5, then=45)


def test_the_meeting_page_links_to_its_preparation_pack(client, world):
    client.force_login(world.maya)
    page = client.get(
        reverse("meeting_detail", args=[world.next_meeting.review_id, world.next_meeting.pk])
    ).content.decode()
    assert reverse("prep_pack", args=[world.next_meeting.review_id, world.next_meeting.pk]) in page


def test_attendance_lists_councillors_before_contributors(client, world):
    Attendance(meeting=world.last_meeting, person=world.carer, capacity="contributor", status="present").save()
    Attendance(meeting=world.last_meeting, person=world.maya_person, capacity="member", status="present").save()
    client.force_login(world.clara)
    page = client.get(
        reverse("meeting_detail", args=[world.last_meeting.review_id, world.last_meeting.pk])
    ).content.decode()
    assert page.index("Cllr Maya Patel") < page.index("Kim Brandrick")


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("18:30", datetime.time(18, 30)),
        ("18.30", datetime.time(18, 30)),
        ("6.30pm", datetime.time(18, 30)),
        ("6pm", datetime.time(18)),
        ("6:30 p.m.", datetime.time(18, 30)),
        ("12pm", datetime.time(12)),
    ],
)
def test_times_are_read_as_people_type_them(client, world, typed, expected):
    client.force_login(world.clara)
    response = schedule(client, world.review, start_time=typed, end_time="9pm")
    assert response.status_code == 302
    meeting = Meeting.objects.get(review=world.review, number=3)
    assert meeting.start_time == expected and meeting.end_time == datetime.time(21)


def test_a_time_that_is_not_one_is_refused_next_to_the_field_with_what_was_typed_kept(client, world):
    client.force_login(world.clara)
    page = schedule(client, world.review, start_time="25.30", end_time="13pm").content.decode()
    assert "Enter the start time as a real time, for example 18:30 or 6.30pm" in page
    assert "Enter the end time as a real time" in page and 'value="25.30"' in page
    assert not Meeting.objects.filter(review=world.review, number=3).exists()


def test_a_themed_meeting_invites_the_councillors_and_only_the_contributors_for_its_theme(client, world):
    carer = world.review.memberships.get(person=world.carer)
    carer.themes.add(world.lac)
    nurse = world.review.memberships.create(person=world.arjun_person, role="contributor", position=9)
    nurse.themes.add(world.health)
    client.force_login(world.clara)
    schedule(client, world.review, theme=world.health.pk)
    meeting = Meeting.objects.get(review=world.review, number=3)
    invited = {row.person.name for row in meeting.attendance.select_related("person")}
    assert invited == {"Cllr Maya Patel", "Clara Jones", "Arjun Mehta"}  # not the foster carer
    # A meeting with no theme, such as the scoping meeting, invites every contributor.
    schedule(client, world.review, number="4", title="Scoping", theme="")
    scoping = Meeting.objects.get(review=world.review, number=4)
    assert {"Kim Brandrick", "Arjun Mehta"} <= {row.person.name for row in scoping.attendance.select_related("person")}


def test_the_clerk_invites_a_contributor_beyond_their_theme_as_a_contributor(client, world):
    world.review.memberships.get(person=world.carer).themes.add(world.lac)
    client.force_login(world.clara)
    schedule(client, world.review, theme=world.health.pk, witnesses=[world.carer.pk])
    row = Meeting.objects.get(review=world.review, number=3).attendance.get(person=world.carer)
    assert row.capacity == "contributor" and row.status == "invited"


def test_the_clerk_takes_someone_off_the_list_and_the_history_keeps_that_they_were_invited(client, world):
    meeting = world.next_meeting
    carer = Attendance.objects.create(meeting=meeting, person=world.carer, capacity="contributor")
    maya = Attendance.objects.create(meeting=meeting, person=world.maya_person, capacity="member")
    client.force_login(world.clara)
    page = client.get(meeting_url("meeting_attendance", meeting)).content.decode()
    assert "Take off the list" in page
    response = client.post(
        meeting_url("meeting_attendance", meeting),
        {f"status_{carer.pk}": "remove", f"status_{maya.pk}": "apologies"},
    )
    assert response.status_code == 302
    assert list(meeting.attendance.values_list("person__name", "status")) == [("Cllr Maya Patel", "apologies")]
    removed = Attendance.history.filter(id=carer.pk).latest()
    assert removed.history_type == "-" and removed.history_user == world.clara
    agenda = client.get(reverse("meeting_agenda", args=[meeting.review_id, meeting.pk, "html"])).content.decode()
    assert "Kim Brandrick" not in agenda
