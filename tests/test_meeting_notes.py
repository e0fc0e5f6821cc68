"""Writing the notes, recording conclusions and requests, agreeing and reopening."""

import pytest
from django.urls import reverse
from django.utils import timezone

from scrutiny.review.models import Conclusion, InformationRequest, Meeting, NoteItem

from .page_helpers import meeting_url
from .query_helpers import assert_queries_flat

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    return world.last_meeting


NOTE_ITEM_FORM = {
    "position": "1",
    "heading": "Case-file audits",
    "area": "",
    "body": "Jenny showed the checklists.\n\nAll agreed.",
}


def add_item(client, meeting, **overrides):
    """The clerk sends the form adding a notes item: NOTE_ITEM_FORM with the overrides."""
    return client.post(meeting_url("meeting_note_add", meeting), {**NOTE_ITEM_FORM, **overrides})


def agree(meeting, user):
    from scrutiny.review.services.meetings import agree_notes

    return agree_notes(actor=user, meeting=meeting, agreed_on=meeting.date)


def test_the_clerk_writes_an_item_about_an_area_and_changes_it(client, world, meeting):
    client.force_login(world.clara)
    response = add_item(client, meeting, area=world.area1.pk)
    assert response.status_code == 302 and response["Location"] == meeting_url("meeting_notes", meeting)
    item = meeting.note_items.get()
    assert item.area == world.area1 and item.history.first().history_user == world.clara
    response = client.post(
        reverse("meeting_note_edit", args=[meeting.review_id, meeting.pk, item.pk]),
        {"position": "1", "heading": "Area 1: caseloads", "area": world.area1.pk, "body": "Caseloads are at 16 to 18."},
    )
    item.refresh_from_db()
    assert item.heading == "Area 1: caseloads"
    page = client.get(meeting_url("meeting_notes", meeting)).content.decode()
    assert "Area 1: caseloads" in page and "Caseloads are at 16 to 18." in page


def test_an_item_without_a_heading_is_refused_next_to_the_field(client, world, meeting):
    client.force_login(world.clara)
    page = add_item(client, meeting, heading="").content.decode()
    assert "Enter a heading for this item" in page and "<title>Error: " in page
    assert not meeting.note_items.exists()


def test_a_conclusion_and_an_information_request_are_recorded_at_the_meeting(client, world, meeting):
    client.force_login(world.clara)
    response = client.post(
        meeting_url("meeting_conclusion_add", meeting),
        {
            "subject": f"action-{world.wcc_action.pk}",
            "judgement": "satisfied",
            "reasoning": "Caseloads are manageable.",
        },
    )
    assert response.status_code == 302
    conclusion = Conclusion.objects.get(meeting=meeting)
    assert conclusion.action == world.wcc_action and conclusion.reached_on == meeting.date
    assert conclusion.recorded_by == world.clara
    response = client.post(
        meeting_url("meeting_request_add", meeting),
        {
            "question": "Confirm the information protocols at UHCW",
            "asked_of_agency": world.uhcw.pk,
            "asked_of_person": "",
            "area": world.area2.pk,
            "due_by": "",
        },
    )
    assert response.status_code == 302
    info_request = InformationRequest.objects.get(meeting=meeting)
    assert info_request.asked_of_agency == world.uhcw and info_request.raised_on == meeting.date
    page = client.get(meeting_url("meeting_notes", meeting)).content.decode()
    assert "Caseloads are manageable." in page and "Confirm the information protocols at UHCW" in page


def test_a_request_must_say_who_is_asked(client, world, meeting):
    client.force_login(world.clara)
    page = client.post(meeting_url("meeting_request_add", meeting), {"question": "What?"}).content.decode()
    assert "Choose the agency or the person the request is for" in page
    assert not InformationRequest.objects.exists()


def test_notes_with_no_items_cannot_be_agreed(client, world, meeting):
    client.force_login(world.clara)
    page = client.post(meeting_url("meeting_agree_notes", meeting), {"agreed_on": "01/06/2012"}).content.decode()
    assert "Write at least one item of the notes before agreeing them" in page
    meeting.refresh_from_db()
    assert meeting.notes_status == Meeting.NotesStatus.DRAFT


def test_agreed_notes_are_locked_until_reopened_with_a_reason(client, world, meeting):
    client.force_login(world.clara)
    add_item(client, meeting)
    item = meeting.note_items.get()
    today = timezone.localdate().strftime("%d/%m/%Y")
    response = client.post(meeting_url("meeting_agree_notes", meeting), {"agreed_on": today})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.notes_status == "agreed" and meeting.notes_agreed_by == world.clara

    edit_url = reverse("meeting_note_edit", args=[meeting.review_id, meeting.pk, item.pk])
    response = client.post(
        edit_url, {"position": "1", "heading": "Rewritten", "body": "Changed after agreement"}, follow=True
    )
    page = response.content.decode()
    assert "are locked. Reopen them, giving a reason" in page
    item.refresh_from_db()
    assert item.heading == "Case-file audits"
    for name in (
        "meeting_note_add",
        "meeting_conclusion_add",
        "meeting_request_add",
        "meeting_attendance",
        "meeting_edit",
    ):
        response = client.get(meeting_url(name, meeting))
        assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()

    page = client.post(meeting_url("meeting_reopen_notes", meeting), {"reason": ""}).content.decode()
    assert "Say why the agreed notes are being reopened" in page
    meeting.refresh_from_db()
    assert meeting.notes_locked

    client.post(
        meeting_url("meeting_reopen_notes", meeting),
        {"reason": "Cllr Tandy's apologies were missed"},
    )
    meeting.refresh_from_db()
    assert meeting.notes_status == "draft" and meeting.notes_agreed_on is None
    latest = meeting.history.first()
    assert "Cllr Tandy's apologies were missed" in latest.history_change_reason and latest.history_user == world.clara
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Reason: Notes reopened: Cllr Tandy&#x27;s apologies were missed" in page
    client.post(edit_url, {"position": "1", "heading": "Rewritten", "body": "Now allowed"})
    item.refresh_from_db()
    assert item.heading == "Rewritten"


def test_the_service_refuses_writes_to_agreed_notes_too(world, meeting):
    from scrutiny.review.services import meetings as services

    NoteItem.objects.create(meeting=meeting, heading="Heard")
    agree(meeting, world.clara)
    with pytest.raises(services.NotesLocked):
        services.save_note_item(actor=world.clara, meeting=meeting, data={"heading": "Again"})
    with pytest.raises(services.NotesLocked):
        services.record_meeting_conclusion(
            actor=world.clara, meeting=meeting, area=world.area1, judgement="satisfied", reasoning="Late"
        )
    assert meeting.note_items.count() == 1 and not meeting.conclusions.exists()


def test_the_notes_editor_makes_the_same_number_of_queries_whatever_the_data(client, world, meeting):

    def bulk(count):
        for n in range(count):
            NoteItem.objects.create(meeting=meeting, position=n, heading=f"Item {n}", area=world.area1, body="Heard")
            Conclusion.objects.create(
                review=world.review, meeting=meeting, action=world.wcc_action, judgement="satisfied", reasoning="Fine"
            )
            InformationRequest.objects.create(
                review=world.review, meeting=meeting, asked_of_agency=world.uhcw, question=f"Q{n}"
            )

    client.force_login(world.clara)
    url = meeting_url("meeting_notes", meeting)
    assert_queries_flat(client, url, bulk, first=5, then=45)


def test_notes_of_a_meeting_still_to_come_cannot_be_agreed(client, world):
    upcoming = world.next_meeting
    client.force_login(world.clara)
    add_item(client, upcoming)
    today = timezone.localdate().strftime("%d/%m/%Y")
    page = client.post(
        reverse("meeting_agree_notes", args=[upcoming.review_id, upcoming.pk]), {"agreed_on": today}
    ).content.decode()
    assert "its notes can be agreed once it has taken place" in page
    upcoming.refresh_from_db()
    assert upcoming.notes_status == Meeting.NotesStatus.DRAFT


def test_notes_cannot_be_agreed_before_the_meeting_they_record(world, meeting):
    import datetime

    from django.core.exceptions import ValidationError

    from scrutiny.review.services.meetings import agree_notes

    NoteItem(meeting=meeting, heading="Caseloads", body="Heard.").save()
    with pytest.raises(ValidationError, match="before the meeting they record"):
        agree_notes(actor=world.clara, meeting=meeting, agreed_on=meeting.date - datetime.timedelta(days=1))


def test_presence_is_recorded_once_the_meeting_has_taken_place_but_apologies_any_time(world):
    from django.core.exceptions import ValidationError

    from scrutiny.review.models import Attendance
    from scrutiny.review.services.meetings import add_attendee, record_attendance

    upcoming = world.next_meeting
    with pytest.raises(ValidationError, match="once it has taken place"):
        add_attendee(actor=world.clara, meeting=upcoming, capacity="member", status="present", person=world.maya_person)
    row = add_attendee(
        actor=world.clara, meeting=upcoming, capacity="member", status="apologies", person=world.maya_person
    )
    with pytest.raises(ValidationError, match="once it has taken place"):
        record_attendance(actor=world.clara, meeting=upcoming, statuses={row.pk: "present"})
    assert Attendance.objects.get(pk=row.pk).status == "apologies"


def test_the_clerk_removes_an_item_and_its_history_keeps_what_it_said(client, world, meeting):
    client.force_login(world.clara)
    add_item(client, meeting, heading="Wrong meeting's item")
    item = meeting.note_items.get()
    notes_page = client.get(meeting_url("meeting_notes", meeting)).content.decode()
    remove_url = reverse("meeting_note_remove", args=[meeting.review_id, meeting.pk, item.pk])
    assert remove_url in notes_page
    confirm = client.get(remove_url).content.decode()
    assert "Remove item 1, Wrong meeting&#x27;s item?" in confirm
    assert NoteItem.objects.filter(pk=item.pk).exists()  # asking is not removing

    page = client.post(remove_url, follow=True).content.decode()
    assert "has been removed from the notes" in page
    assert not meeting.note_items.exists()
    removal = NoteItem.history.filter(id=item.pk).order_by("-history_date", "-history_id").first()
    assert removal.history_type == "-" and removal.history_user == world.clara
    assert removal.heading == "Wrong meeting's item"


def test_an_item_of_agreed_notes_cannot_be_removed(client, world, meeting):
    client.force_login(world.clara)
    add_item(client, meeting)
    item = meeting.note_items.get()
    agree(meeting, world.clara)
    page = client.post(
        reverse("meeting_note_remove", args=[meeting.review_id, meeting.pk, item.pk]), follow=True
    ).content.decode()
    assert "are locked. Reopen them, giving a reason" in page
    assert meeting.note_items.filter(pk=item.pk).exists()


def test_members_and_officers_cannot_remove_an_item(client, world, meeting):
    client.force_login(world.clara)
    add_item(client, meeting)
    item = meeting.note_items.get()
    for person in (world.maya, world.olivia):
        client.force_login(person)
        assert (
            client.post(reverse("meeting_note_remove", args=[meeting.review_id, meeting.pk, item.pk])).status_code
            == 403
        )
    assert meeting.note_items.filter(pk=item.pk).exists()


def test_an_item_of_another_meeting_is_not_found(client, world, meeting):
    client.force_login(world.clara)
    add_item(client, meeting)
    item = meeting.note_items.get()
    other = world.next_meeting
    assert client.post(reverse("meeting_note_remove", args=[other.review_id, other.pk, item.pk])).status_code == 404
    assert meeting.note_items.filter(pk=item.pk).exists()
