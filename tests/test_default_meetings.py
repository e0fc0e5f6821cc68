"""New requests start at the coming meeting; conclusions only at meetings the group has held."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from scrutiny.review.models import Conclusion, InformationRequest, Meeting

from .page_helpers import assert_refused_next_to_field, post_conclusion

pytestmark = pytest.mark.django_db
J = Conclusion.Judgement


def add_meeting(world, days_from_today, title):
    return Meeting.objects.create(
        review=world.review,
        title=title,
        date=timezone.localdate() + datetime.timedelta(days=days_from_today),
        purpose="x",
    )


def selected_meeting(response):
    return response.context["form"].initial["meeting"]


def test_a_new_request_starts_at_the_coming_meeting_not_the_oldest(client, world):
    add_meeting(world, -400, "The first meeting")
    add_meeting(world, 60, "A later meeting")
    client.force_login(world.maya)
    response = client.get(reverse("request_add", args=[world.review.pk]))
    assert selected_meeting(response) == world.next_meeting
    assert f'<option value="{world.next_meeting.pk}" selected>' in response.content.decode()


def test_a_new_request_starts_at_todays_meeting_when_the_group_meets_today(client, world):
    today = add_meeting(world, 0, "Today")
    client.force_login(world.clara)
    response = client.get(reverse("request_add", args=[world.review.pk]))
    assert selected_meeting(response) == today


def test_with_no_meeting_to_come_a_new_request_starts_at_the_latest_held(client, world):
    world.next_meeting.date = timezone.localdate() - datetime.timedelta(days=3)
    world.next_meeting.save()
    client.force_login(world.maya)
    response = client.get(reverse("request_add", args=[world.review.pk]))
    assert selected_meeting(response) == world.next_meeting


def test_a_request_can_still_be_raised_for_a_meeting_to_come(client, world):
    client.force_login(world.maya)
    response = client.post(
        reverse("request_add", args=[world.review.pk]),
        {"meeting": world.next_meeting.pk, "asked_of_agency": world.arden.pk, "question": "Send the audit."},
    )
    assert response.status_code == 302
    assert InformationRequest.objects.get().meeting == world.next_meeting


def test_a_new_conclusion_starts_at_todays_meeting_or_the_latest_held(client, world):
    add_meeting(world, -400, "The first meeting")
    client.force_login(world.maya)
    url = reverse("conclusion_add", args=[world.review.pk])
    assert selected_meeting(client.get(url)) == world.last_meeting
    today = add_meeting(world, 0, "Today")
    assert selected_meeting(client.get(url)) == today


def test_a_conclusion_against_a_meeting_not_yet_held_is_refused_next_to_the_field(client, world):
    client.force_login(world.maya)
    response = post_conclusion(
        client,
        world.review.pk,
        subject=f"action-{world.arden_action.pk}",
        meeting_pk=world.next_meeting.pk,
        reasoning="Audit seen.",
    )
    page = assert_refused_next_to_field(response, "meeting")
    assert f"The meeting on {world.next_meeting.date:%-d %B %Y} has not taken place yet" in page
    assert "govuk-error-summary" in page and "Audit seen." in page  # what was typed is kept
    assert not Conclusion.objects.exists()


def test_every_door_refuses_a_conclusion_at_a_meeting_not_yet_held(client, world):
    """The rule is the service's: the shell and the meeting's own notes page obey it too."""
    from django.core.exceptions import ValidationError

    from scrutiny.review.services.conclusions import record_conclusion

    with pytest.raises(ValidationError) as refused:
        record_conclusion(
            actor=world.maya,
            review=world.review,
            meeting=world.next_meeting,
            area=world.area1,
            judgement=J.SATISFIED,
            reasoning="Too early.",
        )
    assert "has not taken place yet" in refused.value.message_dict["meeting"][0]
    client.force_login(world.clara)
    meeting = world.next_meeting
    response = client.post(
        reverse("meeting_conclusion_add", args=[meeting.review_id, meeting.pk]),
        {"subject": f"action-{world.wcc_action.pk}", "judgement": J.SATISFIED, "reasoning": "Too early."},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page and "has not taken place yet" in page and "Too early." in page
    assert not Conclusion.objects.exists()


def test_a_conclusion_at_todays_meeting_is_accepted(world):
    from scrutiny.review.services.conclusions import record_conclusion

    today = add_meeting(world, 0, "Today")
    conclusion = record_conclusion(
        actor=world.maya, review=world.review, meeting=today, area=world.area1, judgement=J.SATISFIED, reasoning="Met."
    )
    assert conclusion.reached_on == timezone.localdate()


def test_with_no_meeting_to_come_and_the_latest_notes_agreed_a_new_request_starts_at_no_meeting(client, world):
    from scrutiny.review.models import NoteItem
    from scrutiny.review.services.meetings import agree_notes

    def agree(meeting):
        NoteItem.objects.create(meeting=meeting, heading="Evidence", body="Heard from the service")
        agree_notes(actor=world.clara, meeting=meeting, agreed_on=meeting.date)

    world.next_meeting.date = timezone.localdate() - datetime.timedelta(days=3)
    world.next_meeting.save()
    agree(world.next_meeting)
    client.force_login(world.maya)
    url = reverse("request_add", args=[world.review.pk])
    assert selected_meeting(client.get(url)) == world.last_meeting  # held, and its notes still a draft
    agree(world.last_meeting)
    response = client.get(url)
    assert selected_meeting(response) is None
    assert '<option value="" selected>Not raised at a meeting</option>' in response.content.decode()
