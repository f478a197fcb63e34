"""The staff roles: Editors edit the content, Organisers run the registrations.

Created by a data migration and again after every `migrate` (and every test flush), so the groups and
their permissions always exist, with the permissions listed here.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
ORGANISERS = "Organisers"
EDITOR_MODELS = {"events": ["partner", "event", "programmeitem", "photo", "document", "page"]}
ORGANISER_MODELS = {"registrations": ["part", "registration", "seat", "emaillog", "reportedattendance"]}
ORGANISER_EXTRA = [
    ("registrations", "export_registration"),
    ("registrations", "checkin_registration"),
    ("registrations", "anonymise_registration"),
    ("registrations", "view_all_countries"),
    ("registrations", "view_portalaccesslog"),
    ("registrations", "view_partnermembership"),
    ("events", "view_event"),
    ("events", "view_partner"),
    # Sign-in lockouts (accounts): organisers see them and lift them.
    ("accounts", "view_loginlockout"),
    ("accounts", "delete_loginlockout"),
]


def _model_permissions(Permission, models: dict[str, list[str]]) -> list:
    """A model that a later migration creates (this runs in a migration, too) is added by the next migrate."""
    return list(
        Permission.objects.filter(
            content_type__app_label__in=models,
            codename__in=[
                f"{action}_{name}"
                for names in models.values()
                for name in names
                for action in ("add", "change", "delete", "view")
            ],
        )
    )


def create_staff_groups(apps) -> None:
    """Create or update both groups; `apps` is the migration's app registry or the real one."""
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        # A migration's app registry has no models modules, which create_permissions insists on; the
        # real registry must keep its own (Django's post_migrate receivers depend on it).
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.set(_model_permissions(Permission, EDITOR_MODELS))
    organisers, _ = Group.objects.get_or_create(name=ORGANISERS)
    # A permission of an app not migrated yet (this runs in a migration, too) is added by the next migrate.
    extra = [
        permission
        for app_label, codename in ORGANISER_EXTRA
        for permission in Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    ]
    organisers.permissions.set([*_model_permissions(Permission, ORGANISER_MODELS), *extra])


def ensure_staff_groups(sender, apps=global_apps, **kwargs) -> None:
    """post_migrate receiver (a flush sends it without `apps`, as Django's own receivers expect)."""
    create_staff_groups(apps)
