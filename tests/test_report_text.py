"""The clerk writes the report's narrative: each part starts as a draft from the records, saving keeps
its history, only the review's clerk (and the administrator) may write it, and a closed review's text is
read-only."""

import datetime

import pytest
from django.urls import reverse

from scrutiny.review.models import Attendance, Conclusion, Meeting, Recommendation, ReportText, Review

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard(world):
    """The last meeting considered area 1, heard from the carer and reached a conclusion."""
    meeting = world.last_meeting
    meeting.areas.add(world.area1)
    Attendance.objects.create(meeting=meeting, person=world.carer, capacity="contributor", status="present")
    Conclusion.objects.create(
        review=world.review, meeting=meeting, area=world.area1, judgement="satisfied", reasoning="Audits are done."
    )
    return meeting


def summary_url(world):
    return reverse("report_text_update", args=[world.review.pk, "summary"])


def test_each_part_starts_as_a_draft_built_from_the_records(client, world, heard):
    client.force_login(world.clara)
    page = client.get(reverse("report_text_list", args=[world.review.pk])).content.decode()
    assert "1.1 Executive summary" in page and "4.0 Acknowledgements" in page
    assert page.count("Draft from the records") == 4  # the summary, two meetings, the acknowledgements
    form = client.get(reverse("report_text_meeting", args=[world.review.pk, heard.pk])).content.decode()
    assert "This meeting considered Area for Improvement 1." in form
    assert "We heard from Kim Brandrick (Carer, Warwickshire Fostering Service)." in form
    assert "We concluded: satisfied on area 1." in form
    summary = client.get(summary_url(world)).context["form"].initial["text"]
    commissioned = f"On {world.review.commissioned_on:%-d %B %Y}, the Overview & Scrutiny Board commissioned the"
    assert f"{commissioned} Safeguarding Improvement Task & Finish Group to scrutinise the action plan." in summary
    assert (
        "The group met 2 times" in summary and "reached 1 conclusion on the areas and actions (1 satisfied)" in summary
    )
    thanks = client.get(reverse("report_text_update", args=[world.review.pk, "acknowledgements"])).content.decode()
    assert "particularly those who gave evidence: Kim Brandrick" in thanks


def test_the_clerk_saves_the_text_and_its_history_keeps_every_version(client, world):
    client.force_login(world.clara)
    response = client.post(summary_url(world), {"text": "In November 2011, Ofsted inspected us."})
    assert response.status_code == 302 and response["Location"] == reverse("report_text_list", args=[world.review.pk])
    client.post(summary_url(world), {"text": "In November 2011, Ofsted inspected the service.\n\nIt was good."})
    saved = ReportText.objects.get(review=world.review, part="summary")
    assert saved.text == "In November 2011, Ofsted inspected the service.\n\nIt was good."
    versions = list(saved.history.order_by("history_date"))
    assert [v.text for v in versions] == ["In November 2011, Ofsted inspected us.", saved.text]
    assert {v.history_user for v in versions} == {world.clara}
    page = client.get(summary_url(world)).content.decode()
    assert "It was good." in page and "History of changes" in page
    listing = client.get(reverse("report_text_list", args=[world.review.pk])).content.decode()
    assert "Written" in listing


def test_an_empty_text_is_refused_next_to_the_field(client, world):
    client.force_login(world.clara)
    response = client.post(summary_url(world), {"text": "   "})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page
    assert "Write the text for this part of the report." in page
    assert not ReportText.objects.exists()


@pytest.mark.parametrize("who,status", [("maya", 403), ("olivia", 403), ("mark", 404)])
def test_only_the_clerk_writes_the_narrative(client, world, who, status):
    client.force_login(getattr(world, who))
    recommendation = Recommendation.objects.create(
        review=world.review, number=1, text="Keep on", addressed_to="Cabinet"
    )
    assert client.get(reverse("report_text_list", args=[world.review.pk])).status_code == status
    for url in (
        summary_url(world),
        reverse("report_text_meeting", args=[world.review.pk, world.last_meeting.pk]),
        reverse("report_text_recommendation", args=[world.review.pk, recommendation.pk]),
    ):
        assert client.get(url).status_code == status
        assert client.post(url, {"text": "Taken over"}).status_code == status
    assert not ReportText.objects.exists()


def test_another_reviews_meeting_is_not_found(client, world):
    other = Meeting.objects.create(
        review=world.other_review, title="Other", date=datetime.date(2012, 5, 1), purpose="x"
    )
    client.force_login(world.clara)
    assert client.get(reverse("report_text_meeting", args=[world.review.pk, other.pk])).status_code == 404
    assert client.get(reverse("report_text_update", args=[world.review.pk, "nonsense"])).status_code == 404


def test_a_closed_reviews_text_is_read_in_its_report_but_not_changed(client, world):
    client.force_login(world.clara)
    client.post(summary_url(world), {"text": "As agreed."})
    world.review.state = Review.State.CLOSED
    world.review.save()
    for url in (reverse("report_text_list", args=[world.review.pk]), summary_url(world)):
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0] == reverse("review_detail", args=[world.review.pk])
        assert "is closed" in response.content.decode()
    response = client.post(summary_url(world), {"text": "Changed after closing"}, follow=True)
    assert "is closed" in response.content.decode()
    assert ReportText.objects.get().text == "As agreed."
    report = client.get(reverse("review_report", args=[world.review.pk, "final", "html"])).content.decode()
    assert "As agreed." in report


def test_the_editor_is_linked_from_the_review_and_the_meetings_papers(client, world):
    client.force_login(world.clara)
    url = reverse("report_text_list", args=[world.review.pk])
    assert url in client.get(reverse("review_detail", args=[world.review.pk])).content.decode()
    assert url in client.get(reverse("meeting_list", args=[world.review.pk])).content.decode()
    client.force_login(world.maya)
    assert url not in client.get(reverse("review_detail", args=[world.review.pk])).content.decode()


def test_the_list_makes_the_same_queries_however_many_meetings(client, world, django_assert_max_num_queries):
    def add_meetings(count, start):
        for n in range(count):
            meeting = Meeting.objects.create(
                review=world.review,
                title=f"Session {start + n}",
                date=datetime.date(2012, 7, 1 + start + n),
                purpose="More",
            )
            meeting.areas.add(world.area1)
            Attendance.objects.create(meeting=meeting, person=world.carer, capacity="witness", status="present")
            Conclusion.objects.create(
                review=world.review, meeting=meeting, area=world.area1, judgement="satisfied", reasoning="Fine"
            )

    client.force_login(world.clara)
    url = reverse("report_text_list", args=[world.review.pk])
    add_meetings(2, 0)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add_meetings(20, 2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_drafts_name_each_witness_with_their_role_in_brackets(client, world, heard):
    """Commas inside a description ran one witness into the next: "Olivia Okafor, Service Manager,
    Safeguarding, WCC and Kim Brandrick, Carer, ..." reads as six people."""
    Attendance.objects.create(meeting=heard, person=world.olivia_person, capacity="witness", status="present")
    client.force_login(world.clara)
    form = client.get(reverse("report_text_meeting", args=[world.review.pk, heard.pk])).content.decode()
    assert (
        "We heard from Kim Brandrick (Carer, Warwickshire Fostering Service) and "
        "Olivia Okafor (Service Manager, Safeguarding, WCC)." in form
    )
    thanks = client.get(reverse("report_text_update", args=[world.review.pk, "acknowledgements"])).content.decode()
    assert (
        "particularly those who gave evidence: Kim Brandrick (Carer, Warwickshire Fostering Service) and "
        "Olivia Okafor (Service Manager, Safeguarding, WCC)." in thanks
    )
