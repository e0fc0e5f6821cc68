"""Reminders timed to the meeting cycle.

Run daily (cron: `manage.py send_reminders`). From REMINDER_DAYS_BEFORE_MEETING days before each
meeting until the day before it, every active officer whose agency leads open actions that are
overdue, due by the meeting, or without an update for REMINDER_STALE_WEEKS weeks, or whose agency
has open information requests from the meeting's review, gets one e-mail listing them; so does the review's
clerk when responses to its recommendations, or monitoring updates on them, are overdue (clerk_reminders.py). A ReminderSent row per officer and meeting means a rerun, or the next day's run,
never sends it again; a run that misses a day catches up the next.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action
from scrutiny.people.models import Role, User

from .clerk_reminders import address_of, remind_clerks
from .models import InformationRequest, Meeting, ReminderSent, Review

logger = logging.getLogger(__name__)


@dataclass
class ActionDue:
    action: Action
    reasons: list[str]
    url: str = ""


@dataclass
class RequestOpen:
    info_request: InformationRequest
    overdue: bool
    url: str = ""


@dataclass
class AgencyAgenda:
    actions: list[ActionDue]
    requests: list[RequestOpen]

    def __bool__(self):
        return bool(self.actions or self.requests)


@dataclass
class ReminderRun:
    sent: list[ReminderSent] = field(default_factory=list)
    already_sent: int = 0
    nothing_to_say: int = 0
    failed: list[str] = field(default_factory=list)

    def count_sending(self, send, recipient, *details) -> None:
        """Send one reminder with `send(recipient, *details)` and count what became of it: sent, already
        sent (another run got there first), or failed (logged: one mail server refusal must not stop the
        others' reminders)."""
        try:
            reminder = send(recipient, *details)
        except Exception:
            logger.exception("Could not send a reminder to %s", address_of(recipient))
            self.failed.append(address_of(recipient))
            return
        if reminder is None:
            self.already_sent += 1
        else:
            self.sent.append(reminder)


def meetings_to_remind_about(today: datetime.date):
    """Meetings from today (exclusive) to REMINDER_DAYS_BEFORE_MEETING days ahead."""
    window_end = today + datetime.timedelta(days=settings.REMINDER_DAYS_BEFORE_MEETING)
    return (
        Meeting.objects.filter(date__gt=today, date__lte=window_end)
        .exclude(review__state=Review.State.CLOSED)
        .select_related("review__inspection")
        .order_by("date", "id")
    )


def _action_url(action) -> str:
    return settings.SITE_URL + reverse("action_detail", args=[action.pk])


def actions_needing_attention(agency_id, meeting: Meeting, today: datetime.date) -> list[ActionDue]:
    stale_before = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(weeks=settings.REMINDER_STALE_WEEKS), datetime.time.min)
    )
    actions = (
        Action.objects.for_inspection(meeting.review.inspection)
        .for_agency(agency_id)
        .open()
        .with_last_update()
        .select_related("area")
        .order_by("target_date", "area__number", "reference", "id")
    )
    due = []
    for action in actions:
        reasons = []
        if action.is_overdue(on=today):
            reasons.append(f"Overdue: the target date was {action.target_date:%-d %B %Y}")
        elif action.target_date and action.target_date <= meeting.date:
            reasons.append(f"Due by the meeting: the target date is {action.target_date:%-d %B %Y}")
        if action.last_update_at is None:
            reasons.append("No progress update has been recorded")
        elif action.last_update_at < stale_before:
            last = timezone.localtime(action.last_update_at)
            reasons.append(f"No update since {last:%-d %B %Y}")
        if reasons:
            due.append(ActionDue(action=action, reasons=reasons, url=_action_url(action)))
    return due


def open_requests_for(agency_id, meeting: Meeting, today: datetime.date) -> list[RequestOpen]:
    """The review's open requests asked of the agency, the overdue (then the soonest due) first."""
    requests = (
        InformationRequest.objects.filter(review_id=meeting.review_id)
        .for_agency(agency_id)
        .open()
        .order_by("due_by", "raised_on", "id")
    )
    items = [
        RequestOpen(
            info_request=info_request,
            overdue=info_request.is_overdue(on=today),
            url=settings.SITE_URL + info_request.get_absolute_url(),
        )
        for info_request in requests
    ]
    return sorted(items, key=lambda item: not item.overdue)


def agenda_for(agency_id, meeting: Meeting, today: datetime.date) -> AgencyAgenda:
    return AgencyAgenda(
        actions=actions_needing_attention(agency_id, meeting, today),
        requests=open_requests_for(agency_id, meeting, today),
    )


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def reminder_subject(agenda: AgencyAgenda, meeting: Meeting) -> str:
    parts = []
    if agenda.actions:
        parts.append(f"{_counted(len(agenda.actions), 'action')} to update")
    if agenda.requests:
        parts.append(f"{_counted(len(agenda.requests), 'information request')} to answer")
    return f"{' and '.join(parts)} before the meeting on {meeting.date:%-d %B %Y}"


def officers_to_remind():
    return (
        User.objects.filter(role=Role.OFFICER, is_active=True, agency__isnull=False)
        .select_related("agency", "person")
        .order_by("agency_id", "username")
    )


def send_reminders(*, today: datetime.date | None = None) -> ReminderRun:
    today = today or timezone.localdate()
    run = ReminderRun()
    meetings = list(meetings_to_remind_about(today))
    if not meetings:
        return run
    officers = [officer for officer in officers_to_remind() if address_of(officer)]
    for meeting in meetings:
        remind_clerks(meeting, today, run)
        already = set(ReminderSent.objects.filter(meeting=meeting).values_list("recipient_id", flat=True))
        by_agency: dict = {}
        for officer in officers:
            if officer.pk in already:
                run.already_sent += 1
                continue
            if officer.agency_id not in by_agency:
                by_agency[officer.agency_id] = agenda_for(officer.agency_id, meeting, today)
            agenda = by_agency[officer.agency_id]
            if not agenda:
                run.nothing_to_say += 1
                continue
            run.count_sending(_send_one, officer, meeting, agenda)
    return run


def _send_one(officer, meeting, agenda: AgencyAgenda) -> ReminderSent | None:
    address = address_of(officer)
    context = {
        "officer": officer,
        "meeting": meeting,
        "items": agenda.actions,
        "requests": agenda.requests,
        "site_url": settings.SITE_URL,
        "service_name": settings.SERVICE_NAME,
        "council_name": settings.COUNCIL_NAME,
    }
    subject = reminder_subject(agenda, meeting)
    body = render_to_string("reminders/officer_reminder.txt", context)
    try:
        # The record and the e-mail stand or fall together: if sending fails, nothing is recorded
        # and tomorrow's run tries again; if another run got there first, the constraint stops us.
        with transaction.atomic():
            reminder = ReminderSent(recipient=officer, meeting=meeting, email=address)
            reminder.save()
            reminder.actions.set([item.action for item in agenda.actions])
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    except IntegrityError:
        return None
    logger.info("Reminder sent to %s before meeting %s", address, meeting.pk)
    return reminder
