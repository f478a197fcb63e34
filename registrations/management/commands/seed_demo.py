"""The development demo: the real content (`load_content`), an account for each role and about 60 demo
registrations. Development only: it refuses to run with DEBUG off, because its accounts share a password
printed in the README. Running it again changes nothing: objects are found by their natural keys, demo
registrations that exist are left as they are, and an existing user's password is never changed."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from registrations.content import load_content
from registrations.demo import demo_user, seed_demo_accounts, seed_demo_registrations

DEFAULT_DEMO_PASSWORD = "demo-password-v4"  # noqa: S105 - the demo's published default, README says so
SITE = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Development only: the real content, demo accounts for every role and demo registrations."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates accounts with a published password and made-up registrations, so it runs "
                "only with DEBUG on (development). On a live site use `manage.py load_content` and "
                "`manage.py createsuperuser`."
            )
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        with transaction.atomic():
            parts = load_content()
            demo_user("admin", password, is_staff=True, is_superuser=True)
            accounts = seed_demo_accounts(password)
            created = seed_demo_registrations()
        self.stdout.write(self.style.SUCCESS("Content loaded: 4 partner associations, 4 workshops, 5 pages."))
        self.stdout.write(f"Registration parts of Olomouc: {len(parts)}.")
        self.stdout.write(f"Demo registrations for Olomouc created now: {created} (marked as demo data).")
        self.stdout.write(f"Admin: {SITE}/admin/  user: admin  password: {password}")
        self.stdout.write(f"Demo accounts (password: {password}, set when each account was created):")
        for username, role in accounts:
            self.stdout.write(f"  {username:<12} {role}")
        self.stdout.write(
            f"Sign-in: {SITE}/cs/account/sign-in/  Check-in: {SITE}/cs/checkin/  Portal: {SITE}/cs/portal/"
        )
