"""The staff roles: Editors edit the content, Organisers run the registrations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = {"events": ["partner", "event", "programmeitem", "photo", "document", "page"]}
ORGANISER_MODELS = {"registrations": ["part", "registration", "seat", "emaillog"]}
ORGANISER_EXTRA = [
    ("registrations", "export_registration"),
    ("registrations", "checkin_registration"),
    ("registrations", "anonymise_registration"),
    ("registrations", "view_all_countries"),
    ("registrations", "view_portalaccesslog"),
    ("registrations", "view_partnermembership"),
    ("events", "view_event"),
    ("events", "view_partner"),
]


def permissions_for(apps, models: dict[str, list[str]]):
    Permission = apps.get_model("auth", "Permission")
    for app_label, names in models.items():
        for name in names:
            for action in ("add", "change", "delete", "view"):
                yield Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{name}")


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(list(permissions_for(apps, EDITOR_MODELS)))
    organisers, _ = Group.objects.get_or_create(name="Organisers")
    extra = [Permission.objects.get(content_type__app_label=a, codename=c) for a, c in ORGANISER_EXTRA]
    organisers.permissions.set([*permissions_for(apps, ORGANISER_MODELS), *extra])


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Organisers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0002_staff_portal_checkin"),
        ("events", "0002_translate_speakers"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
