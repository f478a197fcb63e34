"""Building the e-mails to registrants: always in the registrant's language, plain text with an HTML
alternative, the calendar file and the door's QR code where seats are reported."""

import email.message
import email.policy

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from events.models import Event

from .. import selectors
from ..models import EmailLog, Part, Registration, Seat
from .attachments import checkin_url, parts_calendar_bytes, qr_png

QR_CONTENT_ID = "checkin-qr@v4-partnership"
# E-mails that report seats carry the calendar file and the QR code for the door.
WITH_ATTACHMENTS = {EmailLog.Kind.REGISTRATION_CONFIRMED, EmailLog.Kind.MOVED_UP, EmailLog.Kind.CHANGED}


class RegistrationEmail(EmailMultiAlternatives):
    """Text bodies go as 8bit unless a line passes RFC 5322's 998 characters, as Django sent them before
    6.0. With the email package's default of 78, every private link (longer than that) would be cut by
    quoted-printable soft line breaks: unreadable in the console backend a newcomer reads the links from,
    and in any raw view of the message."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def email_context(registration: Registration, *, kind: str, token: str | None, part: Part | None) -> dict:
    """Everything the templates need; call inside `translation.override(registration.language)`."""
    event = registration.event
    rows = selectors.registration_parts_by_status(registration)
    confirmed_parts = [row["part"] for row in rows if row["status"] == Seat.Status.CONFIRMED]
    context = {
        "kind": kind,
        "registration": registration,
        "name": registration.full_name(registration.language),
        "event": event,
        "event_url": absolute(event.get_absolute_url()),
        "rows": rows,
        "has_confirmed": bool(confirmed_parts),
        "has_waitlisted": any(row["status"] == Seat.Status.WAITLISTED for row in rows),
        "moved_up_part": part,
        "resend_url": absolute(reverse("registrations:resend")),
        "register_url": absolute(reverse("registrations:register", kwargs={"slug": event.slug})),
        "site_url": settings.SITE_URL,
        "language": registration.language,
        "qr_cid": QR_CONTENT_ID,
    }
    if token:
        context["manage_url"] = absolute(reverse("registrations:manage", kwargs={"token": token}))
        if registration.status == Registration.Status.PENDING:
            context["confirm_url"] = absolute(reverse("registrations:confirm", kwargs={"token": token}))
    context["confirmed_parts"] = confirmed_parts
    if registration.substitute_for_id:
        # A colleague's offer: who offers the place, and which parts it holds.
        original = registration.substitute_for
        if original is not None:
            context["offered_by"] = original.full_name(registration.language)
            context["rows"] = selectors.registration_parts_by_status(original)
    return context


def render(kind: str, context: dict, *, to: str) -> RegistrationEmail:
    """The e-mail of `kind` from its three templates, in the active language."""
    # A subject is one line: collapse whatever line breaks the template left.
    subject = " ".join(render_to_string(f"emails/{kind}_subject.txt", context).split())
    message = RegistrationEmail(subject=subject, body=render_to_string(f"emails/{kind}.txt", context), to=[to])
    message.attach_alternative(render_to_string(f"emails/{kind}.html", context), "text/html")
    return message


def build_message(
    registration: Registration, *, kind: str, token: str | None = None, part: Part | None = None
) -> RegistrationEmail:
    """An e-mail to a registrant, in their language; with `token`, it carries their private link."""
    with translation.override(registration.language):
        context = email_context(registration, kind=kind, token=token, part=part)
        message = render(kind, context, to=registration.email)
        if kind in WITH_ATTACHMENTS and context["confirmed_parts"]:
            calendar = parts_calendar_bytes(registration, context["confirmed_parts"])
            message.attach(f"{registration.event.slug}.ics", calendar, "text/calendar")
            message.attach(qr_attachment(checkin_url(registration)))
    return message


def build_farewell(*, kind: str, event: Event | None, language: str, to: str) -> RegistrationEmail:
    """The last e-mail about a registration that is gone (its data deleted): it knows only the event."""
    with translation.override(language):
        context = {"kind": kind, "event": event, "language": language, "site_url": settings.SITE_URL}
        context["event_url"] = absolute(event.get_absolute_url()) if event else settings.SITE_URL
        return render(kind, context, to=to)


def qr_attachment(url: str) -> email.message.MIMEPart:
    """The check-in QR code as an inline image, shown by the HTML part (`cid:`) and kept as a file."""
    part = email.message.MIMEPart()
    part.set_content(qr_png(url), maintype="image", subtype="png", disposition="inline", filename="checkin-qr.png")
    part["Content-ID"] = f"<{QR_CONTENT_ID}>"
    return part
