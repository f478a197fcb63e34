"""The registrant's rights over their data (download, delete) and its anonymisation after the event.

Deleting or anonymising never changes the seat rules: seats are released through the same services
as a cancellation, so the waiting list moves up as it would.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation

from events.models import Event
from v4project import clock

from ..mail.send import email_enqueue, email_enqueue_farewell
from ..models import EmailLog, PortalAccessLog, Registration
from ..tokens import new_checkin_code, new_token, token_hash
from . import traces
from .registration import registration_cancel

logger = logging.getLogger(__name__)

# Fields that identify a person; blanked by anonymisation. Country, languages, diet, parts, seats and
# times stay: they are the counts of the grant report, and identify no one on their own.
PERSONAL_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "organisation",
    "position",
    "diet_other",
    "accessibility_needs",
    "note",
)


def registration_data(registration: Registration) -> dict:
    """Everything stored about one registrant, for "download my data" (GDPR Art. 15 and 20)."""

    def when(value: datetime.datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "event": {"title": registration.event.title, "slug": registration.event.slug},
        "status": registration.status,
        "first_name": registration.first_name,
        "last_name": registration.last_name,
        "email": registration.email,
        "phone": registration.phone,
        "organisation": registration.organisation,
        "position": registration.position,
        "country": registration.country,
        "language": registration.language,
        "interpretation_language": registration.interpretation_language,
        "diet": registration.diet,
        "diet_other": registration.diet_other,
        "accessibility_needs": registration.accessibility_needs,
        "note": registration.note,
        "consents": {
            "privacy_notice": {
                "version": registration.privacy_version,
                "language": registration.privacy_language,
                "accepted_at": when(registration.privacy_accepted_at),
            },
            "photographs_and_video": registration.consent_photos,
            "sharing_with_partner_associations": registration.consent_sharing,
        },
        "parts": [
            {
                "part": seat.part.name,
                "date": seat.part.date.isoformat(),
                "status": seat.status,
                "since": when(seat.since),
                "checked_in_at": when(seat.checked_in_at),
            }
            for seat in registration.seats.select_related("part")
        ],
        "emails": [
            {"kind": log.kind, "language": log.language, "created": when(log.created), "sent_at": when(log.sent_at)}
            for log in registration.emails.order_by("created")
        ],
        "created": when(registration.created),
        "updated": when(registration.updated),
        "confirmed_at": when(registration.confirmed_at),
    }


def registration_data_exported(*, registration: Registration) -> None:
    """Tell the registrant their data was downloaded: if someone else holds their link, they learn of it."""
    with transaction.atomic():
        email_enqueue(registration, EmailLog.Kind.DATA_EXPORTED)


def registration_erase(*, registration: Registration) -> None:
    """Delete the registration and everything stored about the person: its seats go to the waiting list
    first (as on a cancellation), then the registration, its e-mail log and its name in the admin's change
    log (registrations/traces.py). Staff deleting a registration in the admin come here too; no e-mail."""
    with transaction.atomic():
        registration_cancel(registration=registration, notify=False)
        traces.forget_deleted(Registration.objects.filter(pk=registration.pk))
        registration.delete()


def registration_delete(*, registration: Registration) -> None:
    """The registrant's own "delete everything" (GDPR Art. 17): erased as above, and told by a last e-mail,
    whose log keeps the address only until it has left."""
    with transaction.atomic():
        registration_erase(registration=registration)
        email_enqueue_farewell(registration, EmailLog.Kind.DATA_DELETED)


def events_due_for_anonymisation(*, today: datetime.date | None = None) -> QuerySet[Event]:
    """Events whose last day is more than ANONYMISE_AFTER_DAYS ago and that still hold personal data."""
    today = today or clock.today()
    cutoff = today - datetime.timedelta(days=settings.ANONYMISE_AFTER_DAYS)
    ended = Q(end_date__lt=cutoff) | Q(end_date__isnull=True, start_date__lt=cutoff)
    pending = Q(registrations__anonymised_at__isnull=True)
    return Event.objects.filter(ended & pending).distinct().order_by("start_date")


def event_anonymise(*, event: Event, now: datetime.datetime | None = None) -> int:
    """Blank every personal field of the event's registrations, their e-mail log, their names in the admin's
    change log and the portal and export log of the event. Returns how many registrations were anonymised."""
    now = now or timezone.now()
    with transaction.atomic():
        registrations = list(event.registrations.select_for_update().filter(anonymised_at__isnull=True))
        traces.forget_anonymised(event.registrations.all())
        for registration in registrations:
            for field in PERSONAL_FIELDS:
                setattr(registration, field, "")
            # Unique per event, so an address is needed; it reaches no one and names no one.
            registration.email = f"anonymised-{registration.pk}@anonymised.invalid"
            # The private link and the door code stop working.
            registration.token_hash, registration.legacy_token_hash = token_hash(new_token()), None
            registration.checkin_code = new_checkin_code()
            registration.anonymised_at = now
        Registration.objects.bulk_update(
            registrations,
            [*PERSONAL_FIELDS, "email", "token_hash", "legacy_token_hash", "checkin_code", "anonymised_at"],
            batch_size=500,
        )
        PortalAccessLog.objects.filter(event=event).update(user=None, username="", detail={})
    logger.info("anonymised event=%s registrations=%d", event.slug, len(registrations))
    return len(registrations)


def anonymisation_summary(event: Event) -> dict:
    """What the dry run reports for one event."""
    with translation.override(settings.LANGUAGE_CODE):
        title = str(event.title)
    registrations = event.registrations.filter(anonymised_at__isnull=True)
    return {
        "event": title,
        "last_day": event.last_day,
        "registrations": registrations.count(),
        "email_log": EmailLog.objects.filter(registration__event=event).exclude(recipient="").count(),
        "portal_log": PortalAccessLog.objects.filter(event=event).exclude(username="").count(),
    }
