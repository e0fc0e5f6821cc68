"""The clerk goes back from a saved part of the report's text to the draft built from the records: the report
prints the draft again, the saved text stays in the part's history with who went back and when, and only
the review's clerk may do it while the review is open."""

import pytest
from django.urls import reverse

from scrutiny.review.models import Attendance, ReportText, Review

pytestmark = pytest.mark.django_db

SAVED = "We met the carers and heard about their training."


@pytest.fixture
def saved(client, world):
    """The clerk has replaced the last meeting's draft paragraph with her own words."""
    meeting = world.last_meeting
    Attendance.objects.create(meeting=meeting, person=world.carer, capacity="contributor", status="present")
    client.force_login(world.clara)
    client.post(reverse("report_text_meeting", args=[world.review.pk, meeting.pk]), {"text": SAVED})
    client.logout()
    return ReportText.objects.get(meeting=meeting)


def edit_url(world):
    return reverse("report_text_meeting", args=[world.review.pk, world.last_meeting.pk])


def reset_url(world):
    return reverse("report_text_meeting_reset", args=[world.review.pk, world.last_meeting.pk])


def report(client, world) -> str:
    return client.get(reverse("review_report", args=[world.review.pk, "final", "html"])).content.decode()


def test_the_clerk_goes_back_to_the_draft_and_the_history_keeps_her_text(client, world, saved):
    client.force_login(world.clara)
    assert SAVED in report(client, world)
    page = client.get(edit_url(world)).content.decode()
    assert "Go back to the draft from the records" in page and reset_url(world) in page
    confirm = client.get(reset_url(world)).content.decode()
    assert "What your text said stays in its history." in confirm
    response = client.post(reset_url(world), follow=True)
    assert response.redirect_chain[-1][0] == edit_url(world)
    page = response.content.decode()
    assert "The report prints the draft from the records again" in page
    assert "This is a draft built from the records." in page
    assert "We heard from Kim Brandrick (Carer, Warwickshire Fostering Service)." in page
    assert not ReportText.objects.filter(pk=saved.pk).exists()
    printed = report(client, world)
    assert SAVED not in printed and "We heard from Kim Brandrick" in printed
    last = ReportText.history.filter(id=saved.pk).order_by("history_date").last()
    assert last.history_type == "-" and last.text == SAVED and last.history_user == world.clara
    # Nothing left to go back from: the link goes and the address is not found.
    assert reset_url(world) not in client.get(edit_url(world)).content.decode()
    assert client.get(reset_url(world)).status_code == 404


@pytest.mark.parametrize("who,status", [("maya", 403), ("olivia", 403), ("mark", 404)])
def test_only_the_clerk_goes_back_to_the_draft(client, world, saved, who, status):
    client.force_login(getattr(world, who))
    assert client.get(reset_url(world)).status_code == status
    assert client.post(reset_url(world)).status_code == status
    assert ReportText.objects.get(pk=saved.pk).text == SAVED


def test_a_closed_reviews_text_cannot_go_back_to_the_draft(client, world, saved):
    world.review.state = Review.State.CLOSED
    world.review.save()
    client.force_login(world.clara)
    response = client.post(reset_url(world), follow=True)
    assert "is closed" in response.content.decode()
    assert ReportText.objects.get(pk=saved.pk).text == SAVED


def test_the_summary_goes_back_to_its_draft_too(client, world):
    client.force_login(world.clara)
    client.post(reverse("report_text_update", args=[world.review.pk, "summary"]), {"text": "Our own summary."})
    client.post(reverse("report_text_reset", args=[world.review.pk, "summary"]))
    assert not ReportText.objects.filter(part="summary").exists()
    assert "Our own summary." not in report(client, world)
