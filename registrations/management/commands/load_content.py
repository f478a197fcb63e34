"""Load the project's real content in five languages: partners, the four workshops, the Olomouc programme,
the content pages and the registration parts. Safe in production: it creates no account and no
registration, running it again changes nothing, and nothing staff have changed since is overwritten
(events/seed.py)."""

from django.core.management.base import BaseCommand

from events.models import Event, Page, Partner
from registrations.content import load_content


class Command(BaseCommand):
    help = "Load the project's real content in five languages (safe on a live site: it keeps staff's edits)."

    def handle(self, *args, **options) -> None:
        parts = load_content()
        self.stdout.write(
            self.style.SUCCESS(
                f"Content: {Partner.objects.count()} partner associations, {Event.objects.count()} workshops, "
                f"{Page.objects.count()} pages; registration parts of Olomouc: {len(parts)}."
            )
        )
