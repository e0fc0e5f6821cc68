import datetime

from django.core.management.base import BaseCommand, CommandError

from scrutiny.review.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each officer the actions their agency leads that need updating before the next meeting. "
        "Run daily (cron); a reminder is never sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="Run as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args, date=None, **options):
        run = send_reminders(today=date)
        for reminder in run.sent:
            self.stdout.write(f"Sent to {reminder.email} before {reminder.meeting}: {reminder.actions.count()} actions")
        self.stdout.write(
            f"{len(run.sent)} sent, {run.already_sent} already sent earlier, {run.nothing_to_say} with nothing to remind."
        )
        if run.failed:
            # A non-zero exit makes cron report it; the failed ones are tried again on the next run.
            raise CommandError(f"Could not send to {', '.join(run.failed)}; they will be tried again on the next run.")
