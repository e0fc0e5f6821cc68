"""Reminders timed to the meeting cycle, with a fixed clock: exactly the right e-mails, once."""

import datetime
import smtplib
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from actionplan.models import ProgressUpdate
from scrutiny.people.models import Role
from scrutiny.review.models import Meeting, ReminderSent
from scrutiny.review.reminders import send_reminders

from .factories import ask as make_request
from .factories import make_action, make_user

D = datetime.date
TODAY = D(2012, 6, 1)  # a Friday; the meeting below is on Wednesday 6 June 2012
RAISED_ON = D(2012, 5, 1)


def at(day: datetime.date):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def record_update(action, author, day):
    update = ProgressUpdate(action=action, author=author, status=action.status, note="Update", created_at=at(day))
    update.save()


@pytest.fixture
def cycle(world, settings):
    settings.REMINDER_DAYS_BEFORE_MEETING = 7
    settings.REMINDER_STALE_WEEKS = 6
    settings.SITE_URL = "https://scrutiny.example.org"
    w = world
    w.olivia.email = "olivia@wcc.example"
    w.olivia.save()
    w.arjun.email = "arjun@arden.example"
    w.arjun.save()
    w.maya.email = "maya@wcc.example"  # a member: never sent officers' reminders
    w.maya.save()
    make_user("gone", Role.OFFICER, agency=w.wcc, email="gone@wcc.example", is_active=False)
    w.meeting = Meeting.objects.create(
        review=w.review, number=3, title="Looked after children", date=D(2012, 6, 6), purpose="Evidence"
    )
    w.later_meeting = Meeting.objects.create(
        review=w.review, number=4, title="Final", date=D(2012, 7, 4), purpose="Evidence"
    )

    w.overdue = w.wcc_action
    w.overdue.target_date = D(2012, 5, 20)
    w.overdue.save()
    record_update(w.overdue, w.olivia, D(2012, 5, 25))
    w.due_by_meeting = make_action(
        w.wcc_plan, w.area1, reference="1.2", description="Due by the meeting", target_date=D(2012, 6, 5)
    )
    record_update(w.due_by_meeting, w.olivia, D(2012, 5, 28))
    w.stale = make_action(w.wcc_plan, w.area3, reference="3.1", description="Stale action", target_date=D(2012, 12, 1))
    record_update(w.stale, w.olivia, D(2012, 3, 1))
    w.fine = make_action(w.wcc_plan, w.area3, reference="3.2", description="On track", target_date=D(2012, 12, 1))
    record_update(w.fine, w.olivia, D(2012, 5, 30))
    w.done = make_action(
        w.wcc_plan,
        w.area1,
        reference="1.3",
        description="Completed late",
        target_date=D(2012, 4, 1),
        status="completed",
        completed_on=D(2012, 5, 1),
    )
    w.arden_overdue = w.arden_action
    w.arden_overdue.target_date = D(2012, 5, 1)
    w.arden_overdue.save()
    record_update(w.arden_overdue, w.arjun, D(2012, 5, 31))
    return w


def test_each_officer_gets_one_email_listing_exactly_their_agencys_actions(cycle):
    run = send_reminders(today=TODAY)

    assert sorted(m.to[0] for m in mail.outbox) == ["arjun@arden.example", "olivia@wcc.example"]
    olivia_mail = next(m for m in mail.outbox if m.to == ["olivia@wcc.example"])
    assert olivia_mail.subject == "3 actions to update before the meeting on 6 June 2012"
    body = olivia_mail.body
    assert "Overdue: the target date was 20 May 2012" in body
    assert "Due by the meeting: the target date is 5 June 2012" in body
    assert "No update since 1 March 2012" in body
    assert "On track" not in body and "Completed late" not in body and "unscheduled care" not in body
    assert f"https://scrutiny.example.org/actions/{cycle.overdue.pk}/" in body
    arjun_mail = next(m for m in mail.outbox if m.to == ["arjun@arden.example"])
    assert "Audit of unscheduled care notifications" in arjun_mail.body
    assert "Caseloads" not in arjun_mail.body
    assert len(run.sent) == 2
    record = ReminderSent.objects.get(recipient=cycle.olivia, meeting=cycle.meeting)
    assert set(record.actions.all()) == {cycle.overdue, cycle.due_by_meeting, cycle.stale}
    assert record.history.latest().actions.count() == 3  # the history keeps what was listed


def test_it_never_sends_the_same_reminder_twice(cycle):
    send_reminders(today=TODAY)
    send_reminders(today=TODAY)
    send_reminders(today=TODAY + datetime.timedelta(days=1))
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.count() == 2


def test_nothing_is_sent_before_the_window_opens_and_a_missed_day_is_caught_up(cycle):
    send_reminders(today=D(2012, 5, 29))  # eight days before the meeting
    assert mail.outbox == []
    send_reminders(today=D(2012, 6, 3))  # the cron missed the first days of the window
    assert len(mail.outbox) == 2


def test_nothing_is_sent_on_the_day_of_the_meeting(cycle):
    send_reminders(today=D(2012, 6, 6))
    assert mail.outbox == []


def test_the_next_meeting_brings_its_own_reminder(cycle):
    send_reminders(today=TODAY)
    mail.outbox.clear()
    send_reminders(today=D(2012, 6, 27))
    assert sorted(m.to[0] for m in mail.outbox) == ["arjun@arden.example", "olivia@wcc.example"]
    assert "4 July 2012" in mail.outbox[0].subject


def test_an_officer_with_nothing_to_update_gets_no_email(cycle):
    for action in (cycle.arden_overdue,):
        action.status = "completed"
        action.completed_on = D(2012, 5, 30)
        action.save()
    send_reminders(today=TODAY)
    assert [m.to[0] for m in mail.outbox] == ["olivia@wcc.example"]


def test_a_failed_send_is_not_recorded_and_is_tried_again(cycle):
    with mock.patch("scrutiny.review.reminders.send_mail", side_effect=smtplib.SMTPException("refused")):
        run = send_reminders(today=TODAY)
    assert sorted(run.failed) == ["arjun@arden.example", "olivia@wcc.example"]
    assert ReminderSent.objects.count() == 0
    send_reminders(today=TODAY + datetime.timedelta(days=1))
    assert len(mail.outbox) == 2


def test_the_daily_command_reports_what_it_sent(cycle):
    out = StringIO()
    call_command("send_reminders", "--date", "2012-06-01", stdout=out)
    assert "2 sent, 0 already sent earlier" in out.getvalue()
    out = StringIO()
    call_command("send_reminders", "--date", "2012-06-01", stdout=out)
    assert "0 sent, 2 already sent earlier" in out.getvalue()
    assert len(mail.outbox) == 2


def test_the_command_fails_loudly_when_mail_cannot_be_sent(cycle):
    with (
        mock.patch("scrutiny.review.reminders.send_mail", side_effect=smtplib.SMTPException("refused")),
        pytest.raises(CommandError, match="tried again"),
    ):
        call_command("send_reminders", "--date", "2012-06-01", stdout=StringIO())


def ask(review, agency, question, *, raised_on=RAISED_ON, **fields):
    return make_request(review, agency, question, raised_on=raised_on, **fields)


def test_the_reminder_lists_the_agencys_open_information_requests_with_links(cycle):
    overdue = ask(cycle.review, cycle.wcc, "Send the caseload figures for March", due_by=D(2012, 5, 25))
    coming = ask(cycle.review, cycle.wcc, "How many LAC reviews were held on time?", due_by=D(2012, 6, 20))
    ask(cycle.review, cycle.wcc, "Already answered question", status="answered", answer="Yes")
    ask(cycle.review, cycle.arden, "A question for the NHS only")
    ask(cycle.other_review, cycle.wcc, "A question from another review")

    send_reminders(today=TODAY)

    olivia_mail = next(m for m in mail.outbox if m.to == ["olivia@wcc.example"])
    assert olivia_mail.subject == (
        "3 actions to update and 2 information requests to answer before the meeting on 6 June 2012"
    )
    body = olivia_mail.body
    assert "Send the caseload figures for March" in body
    assert "Overdue: the answer was needed by 25 May 2012" in body
    assert "Answer needed by 20 June 2012" in body
    site = "https://scrutiny.example.org"
    assert f"{site}/reviews/{cycle.review.pk}/requests/{overdue.pk}/" in body
    assert f"{site}/reviews/{cycle.review.pk}/requests/{coming.pk}/" in body
    assert body.index("Send the caseload figures") < body.index("How many LAC reviews")
    assert "Already answered" not in body
    assert "for the NHS only" not in body and "another review" not in body
    arjun_mail = next(m for m in mail.outbox if m.to == ["arjun@arden.example"])
    assert "A question for the NHS only" in arjun_mail.body
    assert "Send the caseload figures" not in arjun_mail.body


def test_the_links_in_the_reminder_open_the_request_for_the_officer(cycle, client):
    info_request = ask(cycle.review, cycle.wcc, "Send the caseload figures for March", due_by=D(2012, 6, 20))
    send_reminders(today=TODAY)
    body = next(m for m in mail.outbox if m.to == ["olivia@wcc.example"]).body
    link = next(line.strip() for line in body.splitlines() if f"/requests/{info_request.pk}/" in line)
    client.force_login(cycle.olivia)
    response = client.get(link.removeprefix("https://scrutiny.example.org"))
    assert response.status_code == 200
    assert "Send the caseload figures for March" in response.content.decode()


def test_an_officer_with_only_open_requests_still_gets_a_reminder(cycle):
    cycle.arden_overdue.status = "completed"
    cycle.arden_overdue.completed_on = D(2012, 5, 30)
    cycle.arden_overdue.save()
    ask(cycle.review, cycle.arden, "Send the audit of notifications")

    send_reminders(today=TODAY)

    arjun_mail = next(m for m in mail.outbox if m.to == ["arjun@arden.example"])
    assert arjun_mail.subject == "1 information request to answer before the meeting on 6 June 2012"
    assert "Send the audit of notifications" in arjun_mail.body
    assert "no date set for the answer" in arjun_mail.body
    assert "bring these actions" not in arjun_mail.body
    assert ReminderSent.objects.get(recipient=cycle.arjun).actions.count() == 0


def test_a_reminder_without_requests_says_nothing_about_them(cycle):
    send_reminders(today=TODAY)
    body = next(m for m in mail.outbox if m.to == ["olivia@wcc.example"]).body
    assert "information request" not in body
