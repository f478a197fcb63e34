"""The staff roles: Editors edit the content, Organisers run the registrations (see registrations/roles.py)."""

from django.db import migrations

from registrations.roles import create_staff_groups


def create_groups(apps, schema_editor):
    create_staff_groups(apps)


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
