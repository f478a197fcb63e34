"""What goes with a registration: its calendar file (confirmed parts) and the QR code for the door."""

import io

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from events.calendar import Entry, calendar_bytes, location_of

from ..models import Part, Registration


def checkin_url(registration: Registration) -> str:
    """What the door QR code holds: the check-in code only, never the private link."""
    with translation.override(registration.language):
        path = reverse("registrations:checkin_card", kwargs={"code": registration.checkin_code})
    return f"{settings.SITE_URL}{path}"


def qr_png(data: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def qr_svg(data: str, *, title: str = "") -> bytes:
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="svg", border=4, xmldecl=False, omitsize=True, title=title or None)
    return buffer.getvalue()


def parts_calendar_bytes(registration: Registration, parts: list[Part]) -> bytes:
    """One whole-day entry per part, in the registrant's language; the link is the public event page, as
    calendars get shared."""
    event = registration.event
    with translation.override(registration.language):
        url = f"{settings.SITE_URL}{event.get_absolute_url()}"
        entries = [
            Entry(
                uid=f"{event.slug}-part-{part.pk}-{registration.checkin_code[:8]}",
                first_day=part.date,
                last_day=part.date,
                summary=f"{event.title}: {part.name}",
                description=part.description,
                url=url,
                location=location_of(event),
            )
            for part in parts
        ]
        return calendar_bytes(entries, name=event.title)
