from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Project and workshops")

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from v4project.logs import log_admin_action

        post_save.connect(log_admin_action, sender=LogEntry, dispatch_uid="log_admin_action")
