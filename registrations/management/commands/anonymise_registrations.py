"""Blank the personal data of past events' registrations (run daily from cron or a systemd timer)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from registrations.services import privacy


class Command(BaseCommand):
    help = (
        "Blank every personal field of the registrations of events that ended more than "
        "ANONYMISE_AFTER_DAYS days ago, with their e-mail log and portal log; counts stay."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List what would be anonymised; change nothing.")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        events = list(privacy.events_due_for_anonymisation())
        if not events:
            self.stdout.write(
                f"Nothing to anonymise (events that ended over {settings.ANONYMISE_AFTER_DAYS} days ago)."
            )
            return
        for event in events:
            summary = privacy.anonymisation_summary(event)
            line = (
                f"{summary['event']} (last day {summary['last_day']}): {summary['registrations']} registrations, "
                f"{summary['email_log']} e-mail log entries, {summary['portal_log']} portal log entries"
            )
            if dry_run:
                self.stdout.write(f"Would anonymise {line}")
            else:
                privacy.event_anonymise(event=event)
                self.stdout.write(self.style.SUCCESS(f"Anonymised {line}"))
