"""The documents' input built from registrations, for the callers that have them (the admin, the private
page, a scheduled job). Reads only; the filters (confirmed only, not printed yet, a selection) stay with the
caller, which passes the registrations it chose."""

import datetime
from collections.abc import Iterable

from django.utils import translation

from v4project import clock

from ..mail.attachments import checkin_url
from ..models import Part, Registration, Seat
from .attendance import AttendanceRow, AttendanceSheet
from .badges import Badge
from .certificates import AttendedPart, Certificate, certificates_pdf


def badge_for(registration: Registration) -> Badge:
    return Badge(
        first_name=registration.first_name,
        last_name=registration.last_name,
        language=registration.language,
        organisation=registration.organisation,
        country=registration.country,
        role=registration.role,
        checkin_url=checkin_url(registration),
    )


def badges_for(registrations: Iterable[Registration]) -> list[Badge]:
    return [badge_for(registration) for registration in registrations]


def certificate_for(registration: Registration, *, issued_on: datetime.date | None = None) -> Certificate | None:
    """The certificate of a registration checked in for at least one part (None otherwise), its texts in the
    registrant's language. Three queries (the seats with their parts, the event, its host) unless the
    registration came with its event and host (`select_related("event__host")`)."""
    attended = list(
        Seat.objects.filter(registration=registration, checked_in_at__isnull=False)
        .select_related("part")
        .order_by("part__date", "part__order", "part_id")
    )
    if not attended:
        return None
    event = registration.event
    with translation.override(registration.language):
        return Certificate(
            language=registration.language,
            first_name=registration.first_name,
            last_name=registration.last_name,
            organisation=registration.organisation,
            event_title=event.title,
            start_date=event.start_date,
            end_date=event.end_date,
            city=event.city,
            venue=event.venue,
            parts=[AttendedPart(name=seat.part.name, date=seat.part.date) for seat in attended],
            issued_on=issued_on or clock.today(),
            organiser=event.host.name,
        )


def has_attended(registration: Registration) -> bool:
    """Checked in for at least one part: the one condition of a certificate (`certificate_for`)."""
    return Seat.objects.filter(registration=registration, checked_in_at__isnull=False).exists()


def certificate_pdf(registration: Registration) -> bytes | None:
    """The registrant's own certificate as a one-page PDF in their language, for the private page and the
    thank-you e-mail; None unless they were checked in for at least one part."""
    certificate = certificate_for(registration)
    return None if certificate is None else certificates_pdf([certificate])


def certificate_filename(registration: Registration) -> str:
    return f"certificate-{registration.event.slug}.pdf"


def attendance_sheet_for(part: Part) -> AttendanceSheet:
    """Who holds a confirmed seat on the part (active registrations), with the texts in the active language.
    The same people as the admin's printable sheet (reports.attendance_registrations)."""
    confirmed = Seat.objects.filter(part=part, status=Seat.Status.CONFIRMED).values("registration_id")
    people = Registration.objects.filter(pk__in=confirmed, status=Registration.Status.ACTIVE).values_list(
        "first_name", "last_name", "organisation", "country"
    )
    return AttendanceSheet(
        event_title=part.event.title,
        city=part.event.city,
        part_name=part.name,
        date=part.date,
        rows=[AttendanceRow(*person) for person in people],
    )
