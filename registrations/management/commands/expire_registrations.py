"""Delete unconfirmed registrations whose confirmation link has expired (run it hourly from cron)."""

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from registrations.services.registration import registration_expire_unconfirmed


class Command(BaseCommand):
    help = "Delete unconfirmed registrations older than the confirmation window (48 hours by default)."

    def handle(self, *args, **options) -> None:
        count = registration_expire_unconfirmed()
        message = ngettext(
            "%(count)d unconfirmed registration deleted.", "%(count)d unconfirmed registrations deleted.", count
        )
        self.stdout.write(message % {"count": count})
