"""What goes with a registration: its calendar file (confirmed parts) and the QR code for the door."""

import datetime
import io

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from icalendar import Event as CalendarEvent

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
    """One whole-day entry per part; the link is the public event page, as calendars get shared."""
    event = registration.event
    with translation.override(registration.language):
        url = f"{settings.SITE_URL}{event.get_absolute_url()}"
        calendar = Calendar()
        calendar.add("prodid", "-//SMO CR//V4 partnership//EN")
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", event.title)
        location = ", ".join(text for text in (event.venue, event.address, event.city) if text)
        for part in parts:
            entry = CalendarEvent()
            entry.add("uid", f"{event.slug}-part-{part.pk}-{registration.checkin_code[:8]}@v4-partnership")
            entry.add("dtstamp", timezone.now())
            entry.add("dtstart", part.date)
            # DTEND of an all-day entry is exclusive: the next day.
            entry.add("dtend", part.date + datetime.timedelta(days=1))
            entry.add("summary", f"{event.title}: {part.name}")
            if location:
                entry.add("location", location)
            entry.add("description", f"{part.description}\n\n{url}".strip())
            entry.add("url", url)
            calendar.add_component(entry)
    return calendar.to_ical()
