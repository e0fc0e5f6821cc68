"""Every paper of a review can be downloaded from the review's own page: the reports, the table of
conclusions (Word, PDF, printable page, Excel, CSV) and each meeting's agenda and notes."""

import datetime
import re

import pytest
from django.urls import reverse

from scrutiny.review.models import Meeting, NoteItem
from scrutiny.review.services.meetings import agree_notes

pytestmark = pytest.mark.django_db


def _papers(html: str) -> dict:
    """{paper name: [link labels]} read from the page's Papers table."""
    section = html.split('id="papers"', 1)[1].split("</table>", 1)[0]
    papers = {}
    for row in re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', section, re.S)[1:]:
        name = re.sub(r"<[^>]+>", "", row.split("<br>")[0].split("</th>")[0]).strip()
        papers[name] = re.findall(r'href="([^"]+)">([^<]+)<span', row)
    return papers


def test_the_review_page_lists_every_paper_with_its_formats(client, world):
    client.force_login(world.maya)
    papers = _papers(client.get(reverse("review_detail", args=[world.review.pk])).content.decode())
    assert [label for _, label in papers["Interim report"]] == ["Word", "PDF", "printable page"]
    assert [label for _, label in papers["Final report"]] == ["Word", "PDF", "printable page"]
    conclusions = papers["Table of conclusions against each action"]
    assert [label for _, label in conclusions] == ["Word", "PDF", "printable page", "Excel", "CSV"]
    assert conclusions[1][0] == reverse("conclusions_export", args=[world.review.pk, "pdf"])
    for meeting in (world.last_meeting, world.next_meeting):
        which = f"{meeting.title}, {meeting.date:%-d %B %Y}"
        assert f"Agenda: {which}" in papers and f"Notes: {which}" in papers
        assert (reverse("meeting_notes_export", args=[world.review.pk, meeting.pk, "pdf"]), "PDF") in papers[
            f"Notes: {which}"
        ]


def test_every_printable_paper_listed_opens(client, world):
    client.force_login(world.clara)
    papers = _papers(client.get(reverse("review_detail", args=[world.review.pk])).content.decode())
    printable = [url for links in papers.values() for url, label in links if label == "printable page"]
    assert len(printable) == 3 + 2 * 2
    for url in printable:
        assert client.get(url).status_code == 200, url


def test_officers_who_cannot_download_papers_see_no_papers_section(client, world):
    client.force_login(world.olivia)
    html = client.get(reverse("review_detail", args=[world.review.pk])).content.decode()
    assert 'id="papers"' not in html and "conclusions.pdf" not in html


def test_draft_notes_are_listed_as_drafts_and_agreed_ones_with_their_date(client, world):
    NoteItem.objects.create(meeting=world.last_meeting, heading="Caseloads", body="Heard")
    agree_notes(actor=world.clara, meeting=world.last_meeting, agreed_on=world.last_meeting.date)
    client.force_login(world.maya)
    html = client.get(reverse("review_detail", args=[world.review.pk])).content.decode()
    assert f"Agreed on {world.last_meeting.date:%-d %B %Y}" in html
    assert "Draft: not agreed yet" in html


def test_the_review_pages_queries_do_not_grow_with_its_meetings(client, world, django_assert_max_num_queries):
    client.force_login(world.maya)
    url = reverse("review_detail", args=[world.review.pk])
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for days in range(1, 9):
        Meeting.objects.create(
            review=world.review,
            title=f"Extra meeting {days}",
            date=world.next_meeting.date + datetime.timedelta(days=days),
            purpose="More evidence",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert "Agenda: Extra meeting 8" in html
