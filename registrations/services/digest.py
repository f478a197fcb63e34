"""The organisers' daily digest: what happened in the last day (new registrations, cancellations, moves on
the waiting list, e-mails that failed), per event, in the language each subscriber chose. Counts and links to
the admin only: the digest carries no registrant's name or address."""

import datetime
import logging

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event
from v4project.mail import SiteEmail

from ..models import DigestSubscription, EmailLog, Registration, Seat

logger = logging.getLogger(__name__)
DAY = datetime.timedelta(days=1)


def digest_rows(*, since: datetime.datetime, until: datetime.datetime) -> list[dict]:
    """One row per event where something happened between `since` and `until`."""
    window = {"__gte": since, "__lt": until}

    def within(field: str) -> Q:
        return Q(**{f"{field}{key}": value for key, value in window.items()})

    rows = []
    for event in Event.objects.order_by("start_date", "pk"):
        registrations = Registration.objects.filter(event=event)
        seats = Seat.objects.filter(part__event=event)
        emails = EmailLog.objects.filter(event=event)
        row = {
            "event": event,
            "new": registrations.filter(within("confirmed_at")).count(),
            "cancelled": registrations.filter(within("updated"), status=Registration.Status.CANCELLED).count(),
            "waitlisted": seats.filter(within("since"), status=Seat.Status.WAITLISTED).count(),
            "moved_up": emails.filter(within("created"), kind=EmailLog.Kind.MOVED_UP).count(),
            "failed": emails.filter(within("failed_at")).count(),
        }
        if any(row[key] for key in ("new", "cancelled", "waitlisted", "moved_up", "failed")):
            rows.append(row)
    return rows


def digest_send_due(*, now: datetime.datetime | None = None) -> int:
    """Each active subscriber's digest of the last day, once a day (a second run the same day sends nothing).
    Nothing happened: no e-mail. Returns how many were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    rows = digest_rows(since=now - DAY, until=now)
    sent = 0
    subscriptions = DigestSubscription.objects.filter(is_active=True).exclude(last_sent_on=today)
    for subscription in subscriptions.select_related("user"):
        if not subscription.user.is_active or not subscription.user.email or not subscription.user.is_staff:
            continue
        if rows:
            try:
                digest_message(subscription, rows=rows, day=today).send()
            except Exception:  # the next run tries again: one failing address never stops the others
                logger.exception("daily digest for user %s failed", subscription.user_id)
                continue
            sent += 1
        DigestSubscription.objects.filter(pk=subscription.pk).update(last_sent_on=today)
    return sent


def digest_message(subscription: DigestSubscription, *, rows: list[dict], day: datetime.date) -> SiteEmail:
    with translation.override(subscription.language):
        context = {
            "rows": rows,
            "day": day,
            "language": subscription.language,
            "registrations_url": f"{settings.SITE_URL}{reverse('admin:registrations_registration_changelist')}",
            "failed_url": f"{settings.SITE_URL}{reverse('admin:registrations_emaillog_changelist')}?state=failed",
        }
        subject = " ".join(render_to_string("emails/digest_subject.txt", context).split())
        body = render_to_string("emails/digest.txt", context)
        return SiteEmail(subject=subject, body=body, to=[subscription.user.email], language=subscription.language)
