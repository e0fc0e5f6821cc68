"""Who may do what with meetings, checked on the server for every URL, by GET and by POST.

Clerks of this review and administrators run meetings; members read and download the papers;
officers read the schedule and agreed notes but download nothing but the calendar; draft notes
stay with the review's own members and clerk; a member of another review finds nothing (404).
Signed-out visitors are sent to sign in."""

import datetime

import pytest
from django.urls import reverse

from scrutiny.review.models import Attendance, Meeting, NoteItem

pytestmark = pytest.mark.django_db

ROLES = ["olivia", "maya", "mark", "clara", "ada"]
RUNNERS = {"clara", "ada"}
EXPORTERS = {"maya", "clara", "ada"}
DRAFT_READERS = {"maya", "clara", "ada"}
OUTSIDERS = {"mark"}  # sits on another review of the same inspection


@pytest.fixture
def places(world):
    draft = world.next_meeting
    item = NoteItem.objects.create(meeting=draft, heading="Health", body="Heard")
    Attendance.objects.create(meeting=draft, person=world.maya_person, capacity="member")
    agreed = world.last_meeting
    NoteItem.objects.create(meeting=agreed, heading="Safeguarding", body="Heard")
    agreed.notes_status, agreed.notes_agreed_on = "agreed", datetime.date.today()
    agreed.save()
    review = world.review.pk
    return {"draft": (review, draft.pk), "agreed": (review, agreed.pk), "item": item.pk, "review": review}


def run_url(name, p):
    if name == "meeting_add":
        return reverse(name, args=[p["review"]])
    if name == "meeting_note_edit":
        return reverse(name, args=[*p["draft"], p["item"]])
    if name == "meeting_reopen_notes":
        return reverse(name, args=[*p["agreed"]])
    return reverse(name, args=[*p["draft"]])


RUN_URLS = [
    "meeting_add",
    "meeting_edit",
    "meeting_attendance",
    "meeting_attendee_add",
    "meeting_note_add",
    "meeting_note_edit",
    "meeting_conclusion_add",
    "meeting_request_add",
    "meeting_agree_notes",
    "meeting_reopen_notes",
]


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("name", RUN_URLS)
def test_only_the_clerk_and_administrators_run_meetings(client, world, places, who, name):
    client.force_login(getattr(world, who))
    url = run_url(name, places)
    get = client.get(url)
    post = client.post(url, {})
    if who in RUNNERS:
        assert get.status_code == 200
        # An empty form is refused with errors, never saved and never a 500.
        assert post.status_code == 200 and b"govuk-error-summary" in post.content
    elif who in OUTSIDERS:
        assert (get.status_code, post.status_code) == (404, 404)
    else:
        assert (get.status_code, post.status_code) == (403, 403)
    assert Meeting.objects.count() == 2 and NoteItem.objects.count() == 2


@pytest.mark.parametrize("who", ROLES)
def test_the_notes_editor_is_for_the_clerk_and_read_only_pages_refuse_post(client, world, places, who):
    client.force_login(getattr(world, who))
    url = reverse("meeting_notes", args=[*places["draft"]])
    assert client.get(url).status_code == (200 if who in RUNNERS else 404 if who in OUTSIDERS else 403)
    for read_only in (
        url,
        reverse("meeting_list", args=[world.review.pk]),
        reverse("meeting_detail", args=[*places["draft"]]),
    ):
        assert client.post(read_only, {}).status_code == 405  # pages that only read take no POST, from anyone


@pytest.mark.parametrize("who", ROLES)
def test_everyone_who_sees_the_review_reads_the_schedule_and_the_calendar(client, world, places, who):
    client.force_login(getattr(world, who))
    expected = 404 if who in OUTSIDERS else 200
    assert client.get(reverse("meeting_list", args=[world.review.pk])).status_code == expected
    assert client.get(reverse("meeting_detail", args=[*places["draft"]])).status_code == expected
    assert client.get(reverse("meetings_ics", args=[places["review"]])).status_code == expected
    assert client.post(reverse("meetings_ics", args=[places["review"]])).status_code == 405


def export_urls(p):
    return [
        reverse("meeting_agenda", args=[*p["draft"], "docx"]),
        reverse("meeting_agenda", args=[*p["draft"], "html"]),
        reverse("meeting_notes_export", args=[*p["agreed"], "pdf"]),
        reverse("meeting_notes_export", args=[*p["agreed"], "html"]),
        reverse("conclusions_export", args=[p["review"], "csv"]),
        reverse("meetings_export", args=[p["review"], "xlsx"]),
        reverse("review_report", args=[p["review"], "interim", "docx"]),
    ]


@pytest.mark.parametrize("who", ROLES)
def test_members_clerks_and_administrators_download_the_papers_officers_do_not(client, world, places, who):
    client.force_login(getattr(world, who))
    for url in export_urls(places):
        expected = 200 if who in EXPORTERS else 404 if who in OUTSIDERS else 403
        assert client.get(url).status_code == expected, url
        assert client.post(url).status_code == 405  # the method is checked first, for everyone


@pytest.mark.parametrize("who", ROLES)
def test_draft_notes_are_downloaded_only_by_the_reviews_own_people(client, world, places, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("meeting_notes_export", args=[*places["draft"], "docx"]))
    assert response.status_code == (200 if who in DRAFT_READERS else 404 if who in OUTSIDERS else 403)


def test_unknown_meetings_formats_and_reports_are_not_found(client, world, places):
    client.force_login(world.clara)
    assert client.get(reverse("meeting_detail", args=[world.review.pk, 9999])).status_code == 404
    assert client.get(reverse("meeting_edit", args=[world.review.pk, 9999])).status_code == 404
    assert (
        client.get(reverse("meeting_note_edit", args=[*places["agreed"], places["item"]])).status_code == 302
    )  # locked first
    assert client.get(reverse("meeting_note_edit", args=[*places["draft"], 9999])).status_code == 404
    assert client.get(reverse("meeting_notes_export", args=[*places["draft"], "exe"])).status_code == 404
    assert client.get(reverse("review_report", args=[places["review"], "secret", "pdf"])).status_code == 404
    assert client.get(reverse("conclusions_export", args=[places["review"], "exe"])).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, world, places):
    urls = [reverse("meeting_list", args=[world.review.pk]), reverse("meeting_detail", args=[*places["draft"]])]
    urls += [run_url(name, places) for name in RUN_URLS] + export_urls(places)
    urls.append(reverse("meetings_ics", args=[places["review"]]))
    for url in urls:
        for response in (client.get(url), client.post(url, {})):
            assert response.status_code == 302 and response["Location"].startswith("/sign-in/"), url
