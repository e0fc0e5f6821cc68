"""While a meeting's notes are a draft, the conclusions and requests recorded against it are corrected or
removed like notes items, with their history; once the notes are agreed they are locked, from every page
and in the service. The demo's 6 December 2012 meeting, agreed that day, refuses a member's late conclusion."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from scrutiny.core.writes import WriteRefused
from scrutiny.review.models import Conclusion, InformationRequest, Meeting, NoteItem
from scrutiny.review.services.conclusions import record_conclusion
from scrutiny.review.services.meeting_records import (
    correct_meeting_conclusion,
    correct_meeting_request,
    remove_meeting_conclusion,
    remove_meeting_request,
)
from scrutiny.review.services.meetings import agree_notes, reopen_notes
from scrutiny.review.services.requests import answer_request

from .factories import conclude, request_at_meeting
from .page_helpers import post_conclusion

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(world):
    meeting = world.last_meeting
    NoteItem.objects.create(meeting=meeting, heading="Caseloads", body="Heard from the service manager")
    conclusion = conclude(
        world, "satisfied", meeting=meeting, action=world.wcc_action, reasoning="Caseloads are down to 17"
    )
    info_request = request_at_meeting(world, meeting=meeting)
    return meeting, conclusion, info_request


def test_the_clerk_corrects_a_conclusion_in_draft_notes_and_its_history_keeps_what_it_said(client, world, recorded):
    meeting, conclusion, _ = recorded
    client.force_login(world.clara)
    notes_page = client.get(reverse("meeting_notes", args=[world.review.pk, meeting.pk])).content.decode()
    url = reverse("meeting_conclusion_edit", args=[world.review.pk, meeting.pk, conclusion.pk])
    assert url in notes_page
    assert "Caseloads are down to 17" in client.get(url).content.decode()  # the form starts from the record
    response = client.post(
        url,
        {"subject": f"area-{world.area1.pk}", "judgement": "satisfied_with_reservations", "reasoning": "Down to 18"},
    )
    assert response.status_code == 302
    conclusion.refresh_from_db()
    assert conclusion.area == world.area1 and conclusion.action is None and conclusion.reasoning == "Down to 18"
    latest, before = conclusion.history.all()[:2]
    assert latest.history_user == world.clara and latest.history_change_reason == "Corrected in the draft notes"
    assert before.reasoning == "Caseloads are down to 17"
    assert "Conclusion corrected" in client.get(response["Location"]).content.decode()


def test_the_clerk_removes_a_conclusion_and_a_request_from_draft_notes(client, world, recorded):
    meeting, conclusion, info_request = recorded
    client.force_login(world.clara)
    page = client.get(reverse("meeting_conclusion_remove", args=[world.review.pk, meeting.pk, conclusion.pk]))
    assert "stays in the meeting’s history" in page.content.decode()
    client.post(reverse("meeting_conclusion_remove", args=[world.review.pk, meeting.pk, conclusion.pk]), {})
    client.post(reverse("meeting_request_remove", args=[world.review.pk, meeting.pk, info_request.pk]), {})
    assert not Conclusion.objects.exists() and not InformationRequest.objects.exists()
    removed = Conclusion.history.filter(id=conclusion.pk).first()
    assert removed.history_type == "-" and removed.history_user == world.clara
    assert removed.reasoning == "Caseloads are down to 17"
    assert InformationRequest.history.filter(id=info_request.pk).first().history_type == "-"


def test_the_clerk_corrects_an_open_request(client, world, recorded):
    meeting, _, info_request = recorded
    client.force_login(world.clara)
    response = client.post(
        reverse("meeting_request_edit", args=[world.review.pk, meeting.pk, info_request.pk]),
        {"question": "Send the March audit", "asked_of_agency": world.arden.pk},
    )
    assert response.status_code == 302
    info_request.refresh_from_db()
    assert info_request.question == "Send the March audit" and info_request.asked_of_agency == world.arden
    assert info_request.history.first().history_user == world.clara


def test_an_answered_request_stays_as_it_was_asked(world, recorded):
    meeting, _, info_request = recorded
    answer_request(actor=world.maya, info_request=info_request, answer="Attached")
    with pytest.raises(ValidationError, match="stays as it was asked"):
        correct_meeting_request(actor=world.clara, meeting=meeting, info_request=info_request, question="Other")
    with pytest.raises(ValidationError):
        remove_meeting_request(actor=world.clara, meeting=meeting, info_request=info_request)
    assert InformationRequest.objects.get().question == "Send the audit"


def correct(world, meeting, conclusion, reasoning):
    """The clerk corrects a conclusion of the meeting's notes through the service: now on area 1, satisfied."""
    return correct_meeting_conclusion(
        actor=world.clara,
        meeting=meeting,
        conclusion=conclusion,
        area=world.area1,
        judgement="satisfied",
        reasoning=reasoning,
    )


def test_agreed_notes_lock_their_conclusions_and_requests_in_the_service_and_on_the_page(client, world, recorded):
    meeting, conclusion, info_request = recorded
    agree_notes(actor=world.clara, meeting=meeting, agreed_on=meeting.date)
    with pytest.raises(WriteRefused):
        correct(world, meeting, conclusion, "Changed after agreement")
    with pytest.raises(WriteRefused):
        remove_meeting_conclusion(actor=world.clara, meeting=meeting, conclusion=conclusion)
    with pytest.raises(WriteRefused):
        remove_meeting_request(actor=world.clara, meeting=meeting, info_request=info_request)
    client.force_login(world.clara)
    notes_page = client.get(reverse("meeting_notes", args=[world.review.pk, meeting.pk])).content.decode()
    assert reverse("meeting_conclusion_edit", args=[world.review.pk, meeting.pk, conclusion.pk]) not in notes_page
    assert "signed by the Chair" in notes_page and "recorded by Clara Jones" in notes_page
    response = client.post(
        reverse("meeting_conclusion_remove", args=[world.review.pk, meeting.pk, conclusion.pk]), {}, follow=True
    )
    assert "were agreed" in response.content.decode() and "are locked" in response.content.decode()
    assert Conclusion.objects.get().reasoning == "Caseloads are down to 17"
    # Reopened with a reason, the conclusion can be corrected again.
    reopen_notes(actor=world.clara, meeting=meeting, reason="The chair asked for a correction")
    correct(world, meeting, conclusion, "Corrected once reopened")
    assert Conclusion.objects.get().reasoning == "Corrected once reopened"


def test_a_conclusion_of_another_meeting_is_not_found_from_this_one(client, world, recorded):
    _, conclusion, _ = recorded
    client.force_login(world.clara)
    url = reverse("meeting_conclusion_edit", args=[world.review.pk, world.next_meeting.pk, conclusion.pk])
    assert client.get(url).status_code == 404


def test_officers_cannot_correct_the_groups_records(client, world, recorded):
    meeting, conclusion, _ = recorded
    client.force_login(world.olivia)
    url = reverse("meeting_conclusion_edit", args=[world.review.pk, meeting.pk, conclusion.pk])
    assert client.post(
        url, {"subject": f"area-{world.area1.pk}", "judgement": "satisfied", "reasoning": "x"}
    ).status_code in (403, 404)
    assert Conclusion.objects.get().reasoning == "Caseloads are down to 17"


@pytest.fixture
def demo(db):
    from scrutiny.review.demo import load_demo

    load_demo()
    return Meeting.objects.get(date=datetime.date(2012, 12, 6))


def test_the_demos_6_december_2012_meeting_refuses_a_members_late_conclusion(client, demo):
    assert demo.notes_locked and demo.notes_agreed_on == datetime.date(2012, 12, 6)
    before = Conclusion.objects.count()
    client.login(username="member", password="scrutiny-demo-2012")
    response = post_conclusion(
        client,
        demo.review_id,
        subject=f"area-{demo.areas.first().pk}",
        meeting_pk=demo.pk,
        reasoning="Posted after the notes were agreed",
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page
    assert "were agreed on 6 December 2012 and are locked" in page
    assert "Posted after the notes were agreed" in page  # the typing is kept
    response = client.post(
        reverse("request_add", args=[demo.review_id]),
        {"meeting": demo.pk, "asked_of_agency": demo.information_requests.first().asked_of_agency_id, "question": "Q"},
    )
    assert "were agreed on 6 December 2012" in response.content.decode()
    from scrutiny.people.models import User

    member = User.objects.get(username="member")
    with pytest.raises(ValidationError):
        record_conclusion(
            actor=member,
            review=demo.review,
            meeting=demo,
            area=demo.areas.first(),
            judgement="satisfied",
            reasoning="Through the service",
        )
    assert Conclusion.objects.count() == before


def test_the_conclusions_page_leads_the_clerk_to_correct_it_while_the_notes_are_a_draft(client, world, recorded):
    meeting, conclusion, _ = recorded
    edit = reverse("meeting_conclusion_edit", args=[world.review.pk, meeting.pk, conclusion.pk])
    client.force_login(world.clara)
    assert edit in client.get(conclusion.get_absolute_url()).content.decode()
    client.force_login(world.maya)  # a member records conclusions; correcting the notes is the clerk's
    assert edit not in client.get(conclusion.get_absolute_url()).content.decode()
    agree_notes(actor=world.clara, meeting=meeting, agreed_on=meeting.date)
    client.force_login(world.clara)
    assert edit not in client.get(conclusion.get_absolute_url()).content.decode()


def test_the_requests_page_leads_the_clerk_to_correct_it_while_open_and_the_notes_a_draft(client, world, recorded):
    meeting, _, info_request = recorded
    edit = reverse("meeting_request_edit", args=[world.review.pk, meeting.pk, info_request.pk])
    client.force_login(world.clara)
    assert edit in client.get(info_request.get_absolute_url()).content.decode()
    answer_request(actor=world.clara, info_request=info_request, answer="Received by e-mail")
    assert edit not in client.get(info_request.get_absolute_url()).content.decode()
