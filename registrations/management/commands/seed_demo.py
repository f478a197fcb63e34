"""Load the real project content, the registration parts and the demo accounts. Running it again changes
nothing: every object is found by its natural key and updated in place."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from events.seed import seed_content
from registrations.seed import seed_parts

DEFAULT_DEMO_PASSWORD = "demo-password-v4"  # noqa: S105 - the demo's published default, README says so


class Command(BaseCommand):
    help = "Load the project's real content in five languages and the demo accounts."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        seed_content()
        parts = seed_parts()
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
        self.seed_admin(password)
        self.stdout.write(self.style.SUCCESS("Content loaded: 4 partner associations, 4 workshops, 5 pages."))
        self.stdout.write(f"Registration parts of Olomouc: {len(parts)}.")
        self.stdout.write(f"Admin: http://127.0.0.1:8000/admin/  user: admin  password: {password}")

    def seed_admin(self, password: str) -> None:
        user, created = get_user_model().objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.com"}
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
