"""The clerk's reminder before each meeting: the review's recommendations whose response, or whose monitoring
update, is overdue. Sent by the same daily run as the officers' reminders (reminders.send_reminders), once per
clerk and meeting (ReminderSent)."""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from scrutiny.people.models import Role, User

from .models import Meeting, ReminderSent, ReviewMembership
from .reporting.register import MonitoringFlags, monitoring_flags

logger = logging.getLogger(__name__)


def clerks_of(review):
    return (
        User.objects.filter(
            role=Role.CLERK,
            is_active=True,
            person__memberships__review=review,
            person__memberships__role=ReviewMembership.Role.CLERK,
        )
        .select_related("person")
        .distinct()
        .order_by("username")
    )


def address_of(user) -> str:
    """Where a reminder to this user goes: their own address, else their person's."""
    return user.email or (user.person.email if user.person_id else "")


def clerk_subject(flags: MonitoringFlags, meeting: Meeting) -> str:
    parts = []
    if flags.responses_overdue:
        count = len(flags.responses_overdue)
        parts.append(f"{count} response{'s' if count != 1 else ''} to recommendations overdue")
    if flags.updates_overdue:
        count = len(flags.updates_overdue)
        parts.append(f"{count} monitoring update{'s' if count != 1 else ''} overdue")
    return f"{' and '.join(parts)} before the meeting on {meeting.date:%-d %B %Y}"


def remind_clerks(meeting: Meeting, today: datetime.date, run) -> None:
    """Adds to `run` (reminders.ReminderRun) what was sent, skipped or failed."""
    clerks = [clerk for clerk in clerks_of(meeting.review) if address_of(clerk)]
    if not clerks:
        return
    flags = monitoring_flags(meeting.review, today)
    already = set(ReminderSent.objects.filter(meeting=meeting).values_list("recipient_id", flat=True))
    for clerk in clerks:
        if clerk.pk in already:
            run.already_sent += 1
        elif not flags:
            run.nothing_to_say += 1
        else:
            run.count_sending(_send_one, clerk, meeting, flags)


def _send_one(clerk, meeting: Meeting, flags: MonitoringFlags) -> ReminderSent | None:
    address = address_of(clerk)
    context = {
        "clerk": clerk,
        "meeting": meeting,
        "flags": flags,
        "site_url": settings.SITE_URL,
        "service_name": settings.SERVICE_NAME,
        "council_name": settings.COUNCIL_NAME,
    }
    body = render_to_string("reminders/clerk_reminder.txt", context)
    try:
        with transaction.atomic():
            reminder = ReminderSent(recipient=clerk, meeting=meeting, email=address)
            reminder.save()
            send_mail(clerk_subject(flags, meeting), body, settings.DEFAULT_FROM_EMAIL, [address])
    except IntegrityError:
        return None
    logger.info("Clerk's reminder sent to %s before meeting %s", address, meeting.pk)
    return reminder
