"""The content app: its models feed the page cache."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Project and workshops")

    def ready(self) -> None:
        from v4project import pagecache

        from .models import Document, Event, Page, Partner, Photo, ProgrammeItem, registration_moments

        # Cached public pages show these: any change empties the page cache; registration opening and
        # closing change the event pages by themselves.
        pagecache.watch(Partner, Event, ProgrammeItem, Photo, Document, Page)
        pagecache.watch_migrations(self)
        pagecache.changes_at(registration_moments)
