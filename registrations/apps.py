"""The registrations app: collations for SQLite, the staff groups, its models feeding the page cache."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from .collation import register_sqlite_collations

        connection_created.connect(register_sqlite_collations)

        from django.db.models.signals import post_migrate

        from .roles import ensure_staff_groups

        post_migrate.connect(ensure_staff_groups, sender=self, dispatch_uid="ensure_staff_groups")

        from django.db.models.signals import post_save

        from events.models import Event

        from .services.messaging import on_event_created

        post_save.connect(on_event_created, sender=Event, dispatch_uid="registrations_default_rules")

        from v4project import pagecache

        from .models import CountryReservation, Part, Seat

        # The event page's registration box shows each part's seats left: a confirmation, a cancellation,
        # a new capacity or a country reservation empties the public page cache.
        pagecache.watch(Part, Seat, CountryReservation)
