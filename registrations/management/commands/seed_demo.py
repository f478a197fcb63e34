"""Load the real project content, the registration parts, the demo accounts and the demo registrations.
Running it again changes nothing: every object is found by its natural key and updated in place, and
demo registrations that exist already are left as they are."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from events.seed import seed_content
from registrations.seed import seed_demo_accounts, seed_demo_registrations, seed_parts

DEFAULT_DEMO_PASSWORD = "demo-password-v4"  # noqa: S105 - the demo's published default, README says so
SITE = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Load the project's real content in five languages, the demo accounts and demo registrations."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        seed_content()
        parts = seed_parts()
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        self.seed_admin(password)
        accounts = seed_demo_accounts(password)
        created = seed_demo_registrations()
        self.stdout.write(self.style.SUCCESS("Content loaded: 4 partner associations, 4 workshops, 5 pages."))
        self.stdout.write(f"Registration parts of Olomouc: {len(parts)}.")
        self.stdout.write(f"Demo registrations for Olomouc created now: {created} (marked as demo data).")
        self.stdout.write(f"Admin: {SITE}/admin/  user: admin  password: {password}")
        self.stdout.write(f"Demo accounts (password: {password}):")
        for username, role in accounts:
            self.stdout.write(f"  {username:<12} {role}")
        self.stdout.write(f"Check-in: {SITE}/cs/checkin/  Partner portal: {SITE}/cs/portal/")

    def seed_admin(self, password: str) -> None:
        user, created = get_user_model().objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.com"}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
