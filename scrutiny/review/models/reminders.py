"""A record of every reminder e-mailed, so that the daily run never sends the same one twice."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import link, unique


class ReminderSent(models.Model):
    """One officer's reminder before one meeting, and the actions it listed."""

    recipient = link(settings.AUTH_USER_MODEL, "reminders_received", "sent to")
    meeting = link("review.Meeting", "reminders_sent", "ahead of meeting")
    email = models.EmailField("e-mail address")
    sent_at = models.DateTimeField("sent", default=timezone.now)
    actions = models.ManyToManyField("actionplan.Action", blank=True, related_name="+", verbose_name="actions listed")
    history = HistoricalRecords(m2m_fields=[actions])

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = "reminder sent"
        verbose_name_plural = "reminders sent"
        constraints = [
            unique(
                ["recipient", "meeting"],
                "one_reminder_per_officer_per_meeting",
                "This officer has already been reminded before this meeting.",
            ),
        ]

    def __str__(self):
        return f"Reminder to {self.recipient} before {self.meeting}"
