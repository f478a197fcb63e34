"""What a registration leaves outside its own row, and how it goes when the person's data must go.

A registration's e-mails are logged with the address (EmailLog), and Django's admin change log names the
registration as staff saw it (LogEntry.object_repr: "Jana Nováková"). Deleting a registration (the
registrant's own "delete everything", an admin delete, an expired unconfirmed one) removes its e-mail log
and turns those names into ids; anonymising does the same but keeps the e-mail log's rows without their
addresses, for the counts of the grant report.

The portal and export log never stores what staff typed into a search box (`access_detail`), and an e-mail
log entry's name carries no address (EmailLog.__str__), so neither holds a name or an address to forget.
Migration 0006 cleaned what earlier versions had left. The reason staff give for a seat given out of order
(a text change message on the registration) goes with the person too.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, Concat

from ..models import EmailLog, Registration

SEARCH_PARAMETER = "q"


def access_detail(detail: dict) -> dict:
    """A portal or export log entry's filters without the words searched for (they may be a person's name):
    only that a search was made is kept."""
    cleaned = {}
    searched = False
    for key, value in detail.items():
        if key == SEARCH_PARAMETER:
            searched = searched or bool(value)
        elif isinstance(value, dict):
            inner = access_detail(value)
            searched = inner.pop("searched", False) or searched
            cleaned[key] = inner
        else:
            cleaned[key] = value
    if searched:
        cleaned["searched"] = True
    return cleaned


def _as_text(objects: QuerySet) -> QuerySet:
    """A subquery of the objects' primary keys as text: LogEntry.object_id is a text column."""
    return objects.annotate(text_pk=Cast("pk", TextField())).values("text_pk")


def _name_by_id_in_admin_log(*, registrations: QuerySet[Registration], email_logs: QuerySet[EmailLog]) -> None:
    """The admin's change log keeps who did what and when; the object's name becomes its id."""
    registration_type = ContentType.objects.get_for_model(Registration)
    email_log_type = ContentType.objects.get_for_model(EmailLog)
    entries = Q(content_type=registration_type, object_id__in=_as_text(registrations)) | Q(
        content_type=email_log_type, object_id__in=_as_text(email_logs)
    )
    LogEntry.objects.filter(entries).update(object_repr=Concat(Value("#"), "object_id"))
    # Django's own change messages are JSON lists of field names; a text one is the site's own, such as the
    # reason for a seat given out of order (admin/waitlist.py), which staff write about the person.
    registration_entries = LogEntry.objects.filter(
        content_type=registration_type, object_id__in=_as_text(registrations)
    )
    registration_entries.exclude(change_message__startswith="[").exclude(change_message="").update(change_message="")


def forget_deleted(registrations: QuerySet[Registration]) -> None:
    """Call inside the transaction, just before the registrations are deleted: their e-mail log goes, and
    the admin's change log no longer names them."""
    logs = EmailLog.objects.filter(registration__in=registrations.values("pk"))
    _name_by_id_in_admin_log(registrations=registrations, email_logs=logs)
    logs.delete()


def forget_anonymised(registrations: QuerySet[Registration]) -> None:
    """Call inside the transaction, with the registrations about to be blanked: their e-mail log keeps
    kind, language and times but no address, subject or error, and the admin's change log no longer names
    them."""
    logs = EmailLog.objects.filter(registration__in=registrations.values("pk"))
    _name_by_id_in_admin_log(registrations=registrations, email_logs=logs)
    logs.update(recipient="", subject="", error="")
