"""Which meeting a conclusion is reached at: when every meeting's notes are agreed and locked (a review
whose meetings are all written up), a member can still record the group's conclusion as not reached at
a meeting; the form never starts at locked notes, and leads back to the action it was opened from."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

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


def form_opened_from(client, page_url: str) -> str:
    """The address of the "Record a conclusion" button on an action's or area's page."""
    page = client.get(page_url).content.decode()
    return unescape(re.search(r'href="([^"]+)">Record a conclusion<', page).group(1))


def cancel_link(page: str) -> str:
    start = page.rindex('href="', 0, page.index("Cancel and go back to")) + len('href="')
    return page[start : page.index('"', start)]


def test_with_every_meetings_notes_agreed_a_member_records_a_conclusion_not_at_a_meeting_from_an_action(
    client, world, all_agreed
):
    client.force_login(world.maya)
    url = form_opened_from(client, world.arden_action.get_absolute_url())
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
    assert response["Location"] == world.arden_action.get_absolute_url()
    conclusion = Conclusion.objects.get()
    assert conclusion.meeting is None and conclusion.action == world.arden_action
    assert conclusion.reached_on == timezone.localdate()
    record = conclusion.history.get()
    assert record.history_type == "+" and record.history_user == world.maya
    action_page = client.get(response["Location"]).content.decode()
    assert "Recorded: satisfied on" in action_page
    assert "Reported by e-mail after the last meeting." in action_page


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


def test_cancel_from_an_action_page_goes_back_to_the_action(client, world):
    client.force_login(world.maya)
    page = client.get(form_opened_from(client, world.arden_action.get_absolute_url())).content.decode()
    assert cancel_link(page) == world.arden_action.get_absolute_url()
    assert "Cancel and go back to the action<" in page


def test_cancel_from_an_area_page_goes_back_to_the_area(client, world):
    client.force_login(world.maya)
    page = client.get(form_opened_from(client, world.area2.get_absolute_url())).content.decode()
    assert cancel_link(page) == world.area2.get_absolute_url()
    assert "Cancel and go back to the area<" in page


def test_cancel_from_the_table_of_conclusions_goes_back_to_the_table(client, world):
    """The table's own links name the action too, but the member came from the table."""
    client.force_login(world.maya)
    page = client.get(add_url(world, f"?action={world.arden_action.pk}")).content.decode()
    assert cancel_link(page) == reverse("conclusions_table", args=[world.review.pk])
    assert "Cancel and go back to the table of conclusions" in page


@pytest.mark.parametrize(
    "address", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)", "actions/1/"]
)
def test_an_address_of_another_site_is_never_the_way_back(client, world, address):
    client.force_login(world.maya)
    url = add_url(world, f"?action={world.arden_action.pk}&{urlencode({'next': address})}")
    page = client.get(url).content.decode()
    assert cancel_link(page) == reverse("conclusions_table", args=[world.review.pk])
    response = client.post(
        url,
        {"subject": f"action-{world.arden_action.pk}", "meeting": "", "judgement": J.SATISFIED, "reasoning": "Seen."},
    )
    assert response["Location"].startswith(reverse("conclusions_table", args=[world.review.pk]))


def test_a_conclusion_on_another_subject_than_the_page_it_was_opened_from_leads_to_the_table(client, world):
    client.force_login(world.maya)
    back = urlencode({"next": world.arden_action.get_absolute_url()})
    response = client.post(
        add_url(world, f"?action={world.arden_action.pk}&{back}"),
        {"subject": f"area-{world.area2.pk}", "meeting": "", "judgement": J.SATISFIED, "reasoning": "Whole area."},
    )
    assert response["Location"] == reverse("conclusions_table", args=[world.review.pk]) + f"#area-{world.area2.number}"


def test_a_meeting_still_to_come_is_marked_not_yet_held_where_a_conclusion_is_recorded_not_where_a_request_is(
    client, world
):
    client.force_login(world.maya)
    conclusion_form = client.get(add_url(world)).content.decode()
    assert f"{world.next_meeting} (not yet held)" in unescape(conclusion_form)
    assert f"{world.last_meeting} (not yet held)" not in unescape(conclusion_form)
    request_form = client.get(reverse("request_add", args=[world.review.pk])).content.decode()
    assert "(not yet held)" not in request_form and str(world.next_meeting) in unescape(request_form)
