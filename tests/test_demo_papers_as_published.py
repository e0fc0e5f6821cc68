"""The demo review's papers opened as the committee would read them (Word and PDF): nothing in them says the
data is a demo or a sample, or that something was not recorded, and a report without a committee date says
"Draft" rather than explaining the app's state."""

import io
import re

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

pytestmark = pytest.mark.django_db

# Words that belong in the app, never in a paper a committee receives.
NOT_FOR_A_COMMITTEE = re.compile(
    r"\bdemo\b|\bsample\b|not recorded|has been recorded|does not give|python-docx", re.IGNORECASE
)


@pytest.fixture
def review(client, db):
    from scrutiny.review.demo import load_demo
    from scrutiny.review.models import Review

    load_demo()
    client.login(username="clerk", password="scrutiny-demo-2012")
    return Review.objects.get(title="Safeguarding Improvement Task & Finish Group")


def word_text(content: bytes) -> str:
    document = WordDocument(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    parts += [document.core_properties.title or "", document.core_properties.author or ""]
    return "\n".join(parts)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def paper_urls(review):
    meetings = review.meetings.order_by("date")
    yield reverse("review_report", args=[review.pk, "final", "{fmt}"])
    yield reverse("review_report", args=[review.pk, "interim", "{fmt}"])
    yield reverse("conclusions_export", args=[review.pk, "{fmt}"])
    for meeting in meetings:
        yield reverse("meeting_agenda", args=[review.pk, meeting.pk, "{fmt}"])
        yield reverse("meeting_notes_export", args=[review.pk, meeting.pk, "{fmt}"])


@pytest.mark.parametrize("fmt, read", [("docx", word_text), ("pdf", pdf_text)])
def test_no_demo_paper_says_demo_sample_or_not_recorded(client, review, fmt, read):
    for url in paper_urls(review):
        response = client.get(url.replace("%7Bfmt%7D", fmt).replace("{fmt}", fmt))
        assert response.status_code == 200, url
        found = NOT_FOR_A_COMMITTEE.findall(read(response.content))
        assert not found, (url, fmt, found)


def test_a_report_without_a_committee_date_is_marked_draft_in_a_word(client, review):
    review.final_report_on = None
    review.save()
    content = client.get(reverse("review_report", args=[review.pk, "final", "docx"])).content
    document = WordDocument(io.BytesIO(content))
    assert document.paragraphs[1].text == f"To the {review.reporting_committee}. Draft"


@pytest.mark.parametrize("fmt, read", [("docx", word_text), ("pdf", pdf_text)])
def test_the_table_of_conclusions_says_the_day_it_stands_at(client, review, fmt, read):
    from django.utils import timezone

    content = client.get(reverse("conclusions_export", args=[review.pk, fmt])).content
    assert f"As they stood on {timezone.localdate():%-d %B %Y}" in read(content)


def test_the_sample_reviews_papers_say_sample_data_but_never_demo(client, review):
    """The second review is invented and says so ("sample data"); its papers still never talk about the demo."""
    from scrutiny.review.demo_sample import load_sample_portfolio
    from scrutiny.review.models import Review

    load_sample_portfolio()
    sample = Review.objects.exclude(pk=review.pk).get(title__contains="sample data")
    for url in paper_urls(sample):
        response = client.get(url.replace("%7Bfmt%7D", "docx").replace("{fmt}", "docx"))
        assert response.status_code == 200, url
        assert not re.findall(r"\bdemo\b", word_text(response.content), re.IGNORECASE), url
    pack = client.get(reverse("prep_pack", args=[sample.pk, sample.meetings.order_by("date").last().pk]))
    assert pack.status_code == 200 and not re.findall(r"\bdemo\b", pack.content.decode(), re.IGNORECASE)
