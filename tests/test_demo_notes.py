"""The demo's meetings carry the notes the 2012 report supports (its sections 2.1 to 2.6), say "not
recorded" where it is silent, and are agreed, so the report's appendices read as the real ones."""

import datetime

import pytest
from django.urls import reverse

from scrutiny.people.models import User
from scrutiny.review.models import Meeting, NoteItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    from scrutiny.review.demo import load_demo

    load_demo()
    return {meeting.date: meeting for meeting in Meeting.objects.all()}


def test_every_demo_meeting_has_notes_agreed_and_recorded_by_the_clerk(demo):
    clerk = User.objects.get(username="clerk")
    for meeting in demo.values():
        assert meeting.note_items.exists(), meeting
        assert meeting.notes_locked and meeting.notes_agreed_by == clerk, meeting
        assert meeting.notes_agreed_on >= meeting.date
    assert demo[datetime.date(2012, 5, 8)].notes_agreed_on == datetime.date(2012, 5, 14)


def test_the_notes_follow_the_report_and_say_not_recorded_where_it_is_silent(demo):
    safeguarding = demo[datetime.date(2012, 5, 8)]
    items = {item.heading: item for item in safeguarding.note_items.select_related("area")}
    assert "CareFirst electronic case-file recording system" in items["Area 3: case-file audits"].body
    assert items["Area 4"].area.number == 4 and items["Area 4"].body == "Jenny Butlin-Moran provided a verbal update."
    # What the report does not record is said in an item of its own, marked so that no paper prints it.
    silent = items["Area 4: not recorded"]
    assert silent.source_silent and "not recorded" in silent.body and not items["Area 4"].source_silent
    assert "Billy Webster" in items["Area 8: employment files"].body
    final = demo[datetime.date(2012, 12, 6)]
    assert any("University Hospital Coventry and Warwickshire" in item.body for item in final.note_items.all())
    # Why the agreement stands where it does is kept in the history.
    assert "appendix E" in final.history.latest().history_change_reason
    assert NoteItem.objects.filter(meeting__in=demo.values()).count() == 30


def test_the_final_reports_appendices_are_agreed_notes_not_drafts(client, demo):
    client.login(username="member", password="scrutiny-demo-2012")
    review = demo[datetime.date(2012, 5, 8)].review
    page = client.get(reverse("review_report", args=[review.pk, "final", "html"])).content.decode()
    assert "Draft: these notes have not been agreed yet." not in page
    assert "Appendix C: notes of meeting 2, Safeguarding, 8 May 2012" in page
    assert "presented the checklists used by managers" in page
    # Nothing that only says the report is silent: no silent notes items, no area text the report lacks.
    for silent in ("does not give", "gives no more", "is not recorded.", "not reproduced"):
        assert silent not in page
