"""Overdue responses and overdue monitoring updates, flagged on the review's dashboard and in the clerk's reminder,
with the clock fixed."""

import re
from datetime import date
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from scrutiny.review.models import Meeting, ReminderSent
from scrutiny.review.reminders import send_reminders
from scrutiny.review.services.monitoring import record_response
from scrutiny.review.services.recommendations import add_recommendation, record_report_dates

pytestmark = pytest.mark.django_db
D = date
TODAY = D(2013, 9, 10)
real_localdate = timezone.localdate


@pytest.fixture
def fixed_clock():
    def localdate(value=None, timezone=None):
        return TODAY if value is None else real_localdate(value, timezone)

    with mock.patch("django.utils.timezone.localdate", side_effect=localdate):
        yield TODAY


@pytest.fixture
def cycle(world, settings):
    """Received 10 January 2013: responses due by 9 March. One never answered; one answered 1 March, its
    6-month update due 1 September and not come; one answered 1 August, its first update not due until February."""
    settings.REMINDER_DAYS_BEFORE_MEETING = 7
    settings.SITE_URL = "https://scrutiny.example.org"
    record_report_dates(actor=world.clara, review=world.review, report_received_on=D(2013, 1, 10))

    def recommend(text):
        return add_recommendation(
            actor=world.clara, review=world.review, kind="recommendation", text=text, addressed_to="Cabinet"
        )

    def respond(recommendation, on):
        record_response(
            actor=world.clara,
            recommendation=recommendation,
            response="accepted",
            executive_response="Accepted.",
            executive_response_on=on,
            response_reasons="",
            lead=None,
            implementation_due_on=None,
            update_months="6, 12",
            today=on,
        )

    world.silent = recommend("Publish caseloads monthly.")
    world.no_update = recommend("Train every social worker.")
    respond(world.no_update, D(2013, 3, 1))
    world.on_time = recommend("Audit the plans.")
    respond(world.on_time, D(2013, 8, 1))
    world.clara.email = "clara@wcc.example"
    world.clara.save()
    world.meeting = Meeting.objects.create(
        review=world.review, number=5, title="Monitoring", date=D(2013, 9, 12), purpose="Monitoring"
    )
    return world


def test_the_dashboard_flags_the_overdue_response_and_the_overdue_update(client, cycle, fixed_clock):
    client.force_login(cycle.maya)
    response = client.get(f"/reviews/{cycle.review.pk}/dashboard/")
    page = response.content.decode()
    flags = response.context["recommendation_flags"]
    assert [r.pk for r in flags.responses_overdue] == [cycle.silent.pk]
    assert [r.pk for r in flags.updates_overdue] == [cycle.no_update.pk]
    # One of each: in the singular, as the clerk's reminder says it.
    text = " ".join(page.split())
    assert re.search(r">1</span> response to recommendations overdue", text)
    assert re.search(r">1</span> monitoring update overdue", text)
    assert "the response was due by 9 March 2013" in page
    assert "a monitoring update was due by 1 September 2013" in page
    assert cycle.on_time.get_absolute_url() not in page


def test_nothing_is_flagged_before_anything_falls_due(client, cycle):
    with mock.patch("django.utils.timezone.localdate", return_value=D(2013, 2, 1)):
        client.force_login(cycle.maya)
        response = client.get(f"/reviews/{cycle.review.pk}/dashboard/")
    flags = response.context["recommendation_flags"]
    assert not flags.responses_overdue and not flags.updates_overdue
    assert "Recommendations waiting too long" not in response.content.decode()


def test_the_clerk_is_reminded_of_both_before_the_meeting_once(cycle):
    run = send_reminders(today=TODAY)
    to_clara = [message for message in mail.outbox if message.to == ["clara@wcc.example"]]
    assert len(to_clara) == 1
    message = to_clara[0]
    assert message.subject == (
        "1 response to recommendations overdue and 1 monitoring update overdue before the meeting on 12 September 2013"
    )
    assert "Publish caseloads monthly." in message.body and "The response was due by 9 March 2013" in message.body
    assert "Train every social worker." in message.body and "The update was due by 1 September 2013" in message.body
    assert "Audit the plans." not in message.body
    assert f"https://scrutiny.example.org{cycle.silent.get_absolute_url()}" in message.body
    assert ReminderSent.objects.filter(recipient=cycle.clara, meeting=cycle.meeting).count() == 1
    assert any(reminder.recipient == cycle.clara for reminder in run.sent)
    mail.outbox.clear()
    send_reminders(today=TODAY)
    assert not [message for message in mail.outbox if message.to == ["clara@wcc.example"]]


def test_no_reminder_to_the_clerk_when_nothing_is_overdue(cycle):
    Meeting.objects.create(review=cycle.review, number=4, title="Earlier", date=D(2013, 3, 8), purpose="Evidence")
    run = send_reminders(today=D(2013, 3, 5))  # the response is due by 9 March: not yet late
    assert not [message for message in mail.outbox if message.to == ["clara@wcc.example"]]
    assert run.nothing_to_say >= 1


def test_the_updates_overdue_figure_opens_exactly_the_recommendations_it_counts(client, cycle, fixed_clock):
    client.force_login(cycle.maya)
    dashboard = client.get(f"/reviews/{cycle.review.pk}/dashboard/").content.decode()
    link = re.search(r'href="([^"]*updates_overdue=on)"', dashboard).group(1).replace("&amp;", "&")
    register = client.get(link)
    assert [r.pk for r in register.context["items"]] == [cycle.no_update.pk]
    page = register.content.decode()
    assert "Only monitoring updates overdue" in page and cycle.silent.get_absolute_url() not in page
