"""The project's plumbing as an app, so its checks and log receivers are registered at start-up."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectConfig(AppConfig):
    """The project's plumbing, shared by every app: the page cache, the site's clock, the visitor's address,
    response headers, logs, health and the deployment checks. It knows no app of the domain."""

    name = "v4project"
    verbose_name = _("Site")

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from . import checks  # noqa: F401 - registers the deployment checks
        from .logs import log_admin_action

        post_save.connect(log_admin_action, sender=LogEntry, dispatch_uid="log_admin_action")
