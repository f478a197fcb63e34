from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Project and workshops")

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from v4project.logs import log_admin_action

        from . import checks  # noqa: F401 - registers the deployment checks

        post_save.connect(log_admin_action, sender=LogEntry, dispatch_uid="log_admin_action")

        from django.db.models.signals import post_migrate

        from .cache import bump_after_migrate, connect_content_models
        from .models import Document, Event, Page, Partner, Photo, ProgrammeItem

        # Cached public pages show these: any change empties the page cache (events/cache.py).
        connect_content_models(Partner, Event, ProgrammeItem, Photo, Document, Page)
        post_migrate.connect(bump_after_migrate, sender=self, dispatch_uid="page_cache_after_migrate")
