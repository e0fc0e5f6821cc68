"""Which meeting a conclusion is reached at: when every meeting's notes are agreed and locked (a review
whose meetings are all written up), a member can still record the group's conclusion as not reached at
a meeting; the form never starts at locked notes, and leads back to the action it was opened from."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from scrutiny.review.models import Conclusion, NoteItem
from scrutiny.review.services.meetings import agree_notes

from .factories import session
from .page_helpers import assert_refused_next_to_field

pytestmark = pytest.mark.django_db
J = Conclusion.Judgement


def agree(world, meeting):
    NoteItem.objects.create(meeting=meeting, heading="Caseloads", body="Heard from the service manager")
    return agree_notes(actor=world.clara, meeting=meeting, agreed_on=meeting.date)


@pytest.fixture
def all_agreed(world):
    """Both of the review's meetings held, and their notes agreed."""
    world.next_meeting.date = timezone.localdate() - datetime.timedelta(days=3)
    world.next_meeting.save()
    return [agree(world, world.last_meeting), agree(world, world.next_meeting)]


def add_url(world, query=""):
    return reverse("conclusion_add", args=[world.review.pk]) + query


def test_with_every_meetings_notes_agreed_a_member_records_a_conclusion_not_at_a_meeting_from_an_action(
    client, world, all_agreed
):
    client.force_login(world.maya)
    url = add_url(world, f"?action={world.arden_action.pk}")
    page = client.get(url).content.decode()
    assert '<option value="" selected>Not reached at a meeting</option>' in page
    response = client.post(
        url,
        {
            "subject": f"action-{world.arden_action.pk}",
            "meeting": "",
            "judgement": J.SATISFIED,
            "reasoning": "Reported by e-mail after the last meeting.",
        },
    )
    assert response.status_code == 302
    conclusion = Conclusion.objects.get()
    assert conclusion.meeting is None and conclusion.action == world.arden_action
    assert conclusion.reached_on == timezone.localdate()
    record = conclusion.history.get()
    assert record.history_type == "+" and record.history_user == world.maya


def test_the_form_does_not_start_at_a_meeting_whose_notes_are_agreed(client, world, all_agreed):
    client.force_login(world.maya)
    response = client.get(add_url(world, f"?action={world.arden_action.pk}"))
    assert response.context["form"].initial["meeting"] is None
    page = response.content.decode()
    for meeting in all_agreed:
        assert f'<option value="{meeting.pk}">{meeting} (notes agreed and locked)</option>' in page


def test_the_form_starts_at_the_latest_held_meeting_whose_notes_are_still_a_draft(client, world):
    draft = session(world, 1, world.last_meeting.date - datetime.timedelta(days=30))
    agree(world, world.last_meeting)
    client.force_login(world.maya)
    response = client.get(add_url(world))
    assert response.context["form"].initial["meeting"] == draft  # not the later, locked one, nor one to come
    assert f'<option value="{draft.pk}" selected>' in response.content.decode()


def test_choosing_a_meeting_whose_notes_are_agreed_is_still_refused_next_to_the_field(client, world, all_agreed):
    client.force_login(world.maya)
    locked = world.last_meeting
    response = client.post(
        add_url(world, f"?action={world.arden_action.pk}"),
        {
            "subject": f"action-{world.arden_action.pk}",
            "meeting": locked.pk,
            "judgement": J.SATISFIED,
            "reasoning": "Heard at the meeting.",
        },
    )
    page = assert_refused_next_to_field(response, "meeting")
    assert f"The notes of {locked.title} ({locked.date:%-d %B %Y}) were agreed" in page
    assert "Heard at the meeting." in page  # what was typed is kept
    assert not Conclusion.objects.exists()
