"""The interim report is the report as it stood at its date (20 June 2012 in the demo), rebuilt from the
history: no conclusion, request, recommendation or wording recorded after that day appears in it."""

import datetime

import pytest
from django.urls import reverse

from scrutiny.review.demo import load_demo
from scrutiny.review.models import Conclusion, Meeting, NoteItem, Recommendation, Review
from scrutiny.review.report import report_document
from scrutiny.review.report_data import report_data

pytestmark = pytest.mark.django_db

INTERIM = datetime.date(2012, 6, 20)


@pytest.fixture
def review(db):
    load_demo()
    return Review.objects.get(title="Safeguarding Improvement Task & Finish Group")


def _report_page(client, review, kind) -> str:
    client.login(username="member", password="scrutiny-demo-2012")
    response = client.get(reverse("review_report", args=[review.pk, kind, "html"]))
    assert response.status_code == 200
    return response.content.decode()


def _text(document) -> str:
    parts = []
    for block in document.blocks:
        if block.kind == "table":
            parts += [cell for row in block.rows for cell in row]
        elif block.kind == "bullets":
            parts += block.items
        elif hasattr(block, "text"):
            parts.append(block.text)
    return "\n".join(parts)


def test_the_demos_interim_report_has_no_later_conclusion_and_no_final_recommendation(client, review):
    assert review.interim_report_on == INTERIM
    later = list(Conclusion.objects.filter(review=review, reached_on__gt=INTERIM))
    earlier = list(Conclusion.objects.filter(review=review, reached_on__lte=INTERIM))
    recommendations = list(Recommendation.objects.filter(review=review))
    assert later and earlier and recommendations  # the demo has all three, so the test can fail

    text = _text(report_document(review, "interim", include_draft_notes=True))
    for conclusion in later:
        assert conclusion.reasoning[:80] not in text
    for recommendation in recommendations:
        assert recommendation.text[:80] not in text
    for conclusion in earlier:
        assert conclusion.reasoning[:80] in text
    assert "The group has made no recommendations yet." in text
    # The December meeting had not happened; the May meetings had.
    assert "Final evidence gathering" not in text and "Looked after children" in text

    # The final report still has them all.
    final = _text(report_document(review, "final", include_draft_notes=True))
    assert all(c.reasoning[:80] in final for c in later)
    formal = [r for r in recommendations if r.kind == Recommendation.Kind.RECOMMENDATION]
    assert formal and all(r.text[:80] in final for r in formal)
    # Observations print in the clerk's own wording (the report's text), which the interim report lacks.
    assert "Observations" in final and "Observations" not in text


def test_the_interim_report_page_reads_the_same_as_the_paper(client, review):
    page = _report_page(client, review, "interim")
    assert "20 June 2012" in page
    december = Conclusion.objects.filter(review=review, reached_on__gt=INTERIM).first()
    assert december.reasoning[:60] not in page
    # The request raised in December and its answer are not there either.
    assert "answers to the group" not in page
    assert "answers to the group" in _report_page(client, review, "final")


def test_notes_agreed_after_the_report_date_print_as_a_draft_there(client, review):
    agreed_later = Meeting.objects.get(review=review, date=datetime.date(2012, 5, 30))
    assert agreed_later.notes_locked and agreed_later.notes_agreed_on > INTERIM
    data = report_data(review, "interim")
    as_it_stood = next(m for m in data.meetings if m.pk == agreed_later.pk)
    assert not as_it_stood.notes_locked
    agreed_before = next(m for m in data.meetings if m.date == datetime.date(2012, 5, 8))
    assert agreed_before.notes_locked and agreed_before.notes_agreed_by.username == "clerk"


def test_text_changed_and_records_added_since_are_not_in_the_interim_report(clerk_user_of_demo):
    review, clerk = clerk_user_of_demo
    item = NoteItem.objects.filter(meeting__review=review, meeting__date=datetime.date(2012, 5, 8)).first()
    before = item.body
    item.body = "Rewritten long after the interim report."
    item._history_user = clerk
    item.save()
    review.remit = "A remit rewritten in 2026."
    review._history_user = clerk
    review.save()

    interim = _text(report_document(review, "interim", include_draft_notes=True))
    assert before[:60] in interim
    assert "Rewritten long after" not in interim and "rewritten in 2026" not in interim
    final = _text(report_document(review, "final", include_draft_notes=True))
    assert "Rewritten long after" in final and "rewritten in 2026" in final


@pytest.fixture
def clerk_user_of_demo(review):
    from scrutiny.people.models import User

    return review, User.objects.get(username="clerk")


def test_the_interim_report_reads_the_history_in_a_fixed_number_of_queries(review, django_assert_max_num_queries):
    # The records as they stood (about 21 queries), and the clerk's text as it stood with what its drafts read.
    with django_assert_max_num_queries(26):
        report_document(Review.objects.get(pk=review.pk), "interim", include_draft_notes=True)


def test_an_interim_report_dated_today_prints_every_record_as_read_from_the_history(world):
    """The history path, with everything it reads: an answered request with its evidence, attendance,
    notes, the meeting's areas and evidence considered, a conclusion and a recommendation."""
    from django.utils import timezone

    from actionplan.models import Evidence
    from scrutiny.core.documents import render_docx
    from scrutiny.review.models import Attendance
    from scrutiny.review.services.requests import answer_request

    from .factories import conclude, request_at_meeting

    meeting = world.last_meeting
    evidence = Evidence(
        inspection=world.inspection, title="Caseload report March", kind=Evidence.Kind.VERBAL, status="received"
    )
    evidence.save()
    meeting.areas.add(world.area2)
    meeting.evidence_considered.add(evidence)
    Attendance.objects.create(meeting=meeting, person=world.maya.person, capacity="member", status="present")
    NoteItem.objects.create(meeting=meeting, heading="Caseloads", area=world.area1, body="Heard about caseloads")
    conclude(world, "satisfied", meeting=meeting, area=world.area1, reasoning="Fine")
    info_request = request_at_meeting(world, meeting=meeting)
    answer_request(actor=world.maya, info_request=info_request, answer="Audit attached", existing_evidence=[evidence])
    Recommendation.objects.create(review=world.review, number=1, text="Keep caseloads down", addressed_to="Cabinet")
    world.review.interim_report_on = timezone.localdate()
    world.review.save()

    data = report_data(world.review, "interim")
    assert data.as_at is not None  # read from the history, not from today's tables
    text = _text(report_document(world.review, "interim", include_draft_notes=True))
    for expected in (
        "Audit attached",
        "Heard about caseloads",
        "Keep caseloads down",
        "Fine",
        "Area 2:",
        "Cllr Maya Patel",
    ):
        assert expected in text, expected
    # In 1.3 (the meeting's evidence considered, from its many-to-many history) and with the answer.
    assert text.count("Caseload report March (verbal evidence)") == 2
    assert render_docx(report_document(world.review, "interim", include_draft_notes=True))[:2] == b"PK"


def test_a_review_typed_in_after_its_interim_report_still_gets_one_with_the_meetings_held_by_then(world):
    """Its history starts after the report's date, so there is nothing to rebuild: the records as they are."""
    world.review.interim_report_on = world.last_meeting.date
    world.review.save()
    data = report_data(world.review, "interim")
    assert data.as_at is None
    assert [m.pk for m in data.meetings] == [world.last_meeting.pk]  # not the meeting still to come
