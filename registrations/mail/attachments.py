"""What goes with a registration: its calendar file (confirmed parts) and the QR code for the door."""

import io

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from events.calendar import Entry, calendar_bytes, location_of, with_practical_information
from events.models import Event

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


def part_entry_description(part: Part, event: Event) -> str:
    """What a part includes, where to meet and the event's practical information, in the active language."""
    meeting = f"{gettext('Where to meet')}: {part.meeting_place}" if part.meeting_place else ""
    text = "\n\n".join(filter(None, [part.description, meeting]))
    return with_practical_information(text, event.practical_information)


def parts_calendar_bytes(registration: Registration, parts: list[Part]) -> bytes:
    """One entry per part, in the registrant's language: from its start to its end time in Prague time, or the
    whole day when it has no times; the link is the public event page, as calendars get shared."""
    event = registration.event
    with translation.override(registration.language):
        url = f"{settings.SITE_URL}{event.get_absolute_url()}"
        entries = [
            Entry(
                uid=f"{event.slug}-part-{part.pk}-{registration.checkin_code[:8]}",
                first_day=part.date,
                last_day=part.date,
                summary=f"{event.title}: {part.name}",
                description=part_entry_description(part, event),
                url=url,
                location=part.meeting_place or location_of(event),
                starts_at=part.starts_at,
                ends_at=part.ends_at,
            )
            for part in parts
        ]
        return calendar_bytes(entries, name=event.title)
