"""Agreed notes lock everything in them: a conclusion or a request against a meeting whose notes are
agreed is refused, from any page and in the service, until the clerk reopens the notes with a reason.
Agreement is the group's, signed by the Chair; the clerk only records it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from scrutiny.review.models import Conclusion, InformationRequest, NoteItem
from scrutiny.review.services.meetings import agree_notes, reopen_notes

from .factories import conclude, request_at_meeting
from .page_helpers import post_conclusion

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreed(world):
    meeting = world.last_meeting
    NoteItem.objects.create(meeting=meeting, heading="Caseloads", body="Heard from the service manager")
    return agree_notes(actor=world.clara, meeting=meeting, agreed_on=meeting.date)


def test_the_service_refuses_a_conclusion_or_request_against_agreed_notes(world, agreed):
    with pytest.raises(ValidationError) as refused:
        conclude(world, "satisfied", meeting=agreed, action=world.wcc_action, reasoning="Late addition")
    assert "were agreed" in str(refused.value.message_dict["meeting"])
    with pytest.raises(ValidationError):
        request_at_meeting(world, meeting=agreed, question="Confirm the protocols")
    assert not Conclusion.objects.exists() and not InformationRequest.objects.exists()


def test_a_members_conclusion_page_refuses_agreed_notes_next_to_the_meeting_and_keeps_the_typing(client, world, agreed):
    client.force_login(world.maya)
    response = post_conclusion(
        client,
        world.review.pk,
        subject=f"action-{world.wcc_action.pk}",
        meeting_pk=agreed.pk,
        reasoning="Posted after the notes were agreed",
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page
    assert "were agreed" in page and "Posted after the notes were agreed" in page
    assert not Conclusion.objects.exists()


def test_the_request_page_refuses_agreed_notes_too(client, world, agreed):
    client.force_login(world.maya)
    response = client.post(
        reverse("request_add", args=[world.review.pk]),
        {
            "meeting": agreed.pk,
            "asked_of_agency": world.uhcw.pk,
            "question": "Confirm the protocols",
        },
    )
    assert response.status_code == 200 and "were agreed" in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_once_reopened_with_a_reason_the_conclusion_can_be_recorded(world, agreed):
    reopen_notes(actor=world.clara, meeting=agreed, reason="The chair asked for the late conclusion to be added")
    conclusion = conclude(world, "satisfied", meeting=agreed, action=world.wcc_action, reasoning="Added once reopened")
    assert conclusion.meeting == agreed


def test_a_long_reason_for_reopening_is_kept_whole_in_the_history(world, agreed):
    reason = (
        "The chair asked for the late conclusion on health assessments to be added after the designated "
        "nurse's evidence arrived; the group will agree the notes again at its next meeting."
    )
    reopen_notes(actor=world.clara, meeting=agreed, reason=reason)
    latest = agreed.history.latest()
    assert len(reason) > 100
    assert latest.history_change_reason == f"Notes reopened: {reason}"
    assert latest.history_user == world.clara


def test_a_draft_meeting_still_takes_conclusions(world):
    conclusion = conclude(world, "satisfied", meeting=world.last_meeting, area=world.area2, reasoning="Fine")
    assert conclusion.pk


def test_agreement_is_the_groups_signed_by_the_chair_and_recorded_by_the_clerk(client, world, agreed):
    world.next_meeting.date = agreed.date + datetime.timedelta(days=7)  # a week after, so already held
    world.next_meeting.save()
    reopen_notes(actor=world.clara, meeting=agreed, reason="To be agreed at the next meeting")
    agree_notes(actor=world.clara, meeting=agreed, agreed_on=world.next_meeting.date)
    day = f"{world.next_meeting.date:%-d %B %Y}"
    expected = (
        f"These notes were agreed by the group at the meeting of {day}, signed by the Chair, "
        "Cllr Maya Patel; recorded by Clara Jones."
    )
    client.force_login(world.maya)
    assert expected in client.get(agreed.get_absolute_url()).content.decode()
    assert (
        expected
        in client.get(reverse("meeting_notes_export", args=[agreed.review_id, agreed.pk, "html"])).content.decode()
    )
