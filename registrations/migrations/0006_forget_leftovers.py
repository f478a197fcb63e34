"""Remove the personal data earlier versions left behind (registrations/traces.py says what now keeps it
from coming back): words searched for in the portal and export log, addresses in the e-mail log of
registrations deleted in the admin, and names of deleted or anonymised registrations and addresses of
e-mail log entries in the admin's change log."""

from django.db import migrations
from django.db.models import Q, TextField, Value
from django.db.models.functions import Cast, Concat


def without_search(detail):
    cleaned, searched = {}, False
    for key, value in detail.items():
        if key == "q":
            searched = searched or bool(value)
        elif isinstance(value, dict):
            inner = without_search(value)
            searched = inner.pop("searched", False) or searched
            cleaned[key] = inner
        else:
            cleaned[key] = value
    if searched:
        cleaned["searched"] = True
    return cleaned


def forget_leftovers(apps, schema_editor):
    PortalAccessLog = apps.get_model("registrations", "PortalAccessLog")
    EmailLog = apps.get_model("registrations", "EmailLog")
    Registration = apps.get_model("registrations", "Registration")
    LogEntry = apps.get_model("admin", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")

    for entry in PortalAccessLog.objects.exclude(detail={}).only("pk", "detail"):
        cleaned = without_search(entry.detail)
        if cleaned != entry.detail:
            PortalAccessLog.objects.filter(pk=entry.pk).update(detail=cleaned)

    EmailLog.objects.filter(registration__isnull=True).exclude(recipient="").update(recipient="", subject="", error="")

    types = {
        content_type.model: content_type.pk
        for content_type in ContentType.objects.filter(
            app_label="registrations", model__in=["emaillog", "registration"]
        )
    }
    if "emaillog" in types:
        LogEntry.objects.filter(content_type_id=types["emaillog"]).update(object_repr=Concat(Value("#"), "object_id"))
    if "registration" in types:
        named = Registration.objects.filter(anonymised_at__isnull=True).annotate(text_pk=Cast("pk", TextField()))
        gone = LogEntry.objects.filter(content_type_id=types["registration"]).filter(
            ~Q(object_id__in=named.values("text_pk"))
        )
        gone.update(object_repr=Concat(Value("#"), "object_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0005_rate_limit_table"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forget_leftovers, migrations.RunPython.noop)]
