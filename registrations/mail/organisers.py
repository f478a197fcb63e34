"""The organisers' e-mails to registrants: a message written in the admin, and the automatic e-mails of the
rules (reminder, thank you with the certificate of attendance, own text). Each is built for one registrant
when it is sent, in their language; a text left empty in that language comes in English (the admin warns
before sending), and the built-in reminder and thank-you texts are translated unless staff wrote their own
opening for that language."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from v4project.mail import contact_address

from .. import selectors
from ..models import AutomaticRule, Message, Registration, Seat
from ..printing.sources import certificate_filename, certificate_pdf
from .attachments import checkin_url, parts_calendar_bytes
from .build import QR_CONTENT_ID, RegistrationEmail, absolute, qr_attachment
from .placeholders import fill_html, fill_text, text_in, values

# The opening paragraph of the built-in automatic e-mails, in the registrant's language.
BUILT_IN_SUBJECTS = {
    AutomaticRule.Kind.REMINDER: lambda: _("Reminder: %(title)s"),
    AutomaticRule.Kind.THANK_YOU: lambda: _("Thank you for taking part: %(title)s"),
}
BUILT_IN_OPENINGS = {
    AutomaticRule.Kind.REMINDER: lambda: _(
        "We look forward to seeing you at “{event}”. Below are your parts of the programme and the practical "
        "information; the calendar file and the QR code for the registration desk are attached."
    ),
    AutomaticRule.Kind.THANK_YOU: lambda: _(
        "Thank you for taking part in “{event}”. We hope the exchange of experience will be useful for your "
        "town or municipality."
    ),
}


def _context(registration: Registration, token: str | None) -> dict:
    event = registration.event
    rows = selectors.registration_parts_by_status(registration)
    parts = [row["part"] for row in rows]
    manage_url = absolute(reverse("registrations:manage", kwargs={"token": token})) if token else ""
    return {
        "registration": registration,
        "event": event,
        "event_url": absolute(event.get_absolute_url()),
        "rows": rows,
        "confirmed_parts": [row["part"] for row in rows if row["status"] == Seat.Status.CONFIRMED],
        "manage_url": manage_url,
        "resend_url": absolute(reverse("registrations:resend")),
        "language": registration.language,
        "qr_cid": QR_CONTENT_ID,
        "placeholder_values": values(registration, parts=parts, link=manage_url),
    }


def _email(template: str, context: dict, *, subject: str, to: str) -> RegistrationEmail:
    context = {**context, "contact_email": contact_address()}
    message = RegistrationEmail(
        subject=" ".join(subject.split()), body=render_to_string(f"emails/{template}.txt", context), to=[to]
    )
    message.attach_alternative(render_to_string(f"emails/{template}.html", context), "text/html")
    return message


def build_message_email(registration: Registration, *, message: Message, token: str | None) -> RegistrationEmail:
    with translation.override(registration.language):
        context = _context(registration, token)
        filled = context["placeholder_values"]
        subject, _language = text_in(message, "subject", registration.language)
        body, body_language = text_in(message, "body", registration.language)
        context.update(
            body_text=fill_text(body, filled), body_html=fill_html(body, filled), text_language=body_language
        )
        return _email("message", context, subject=fill_text(subject, filled), to=registration.email)


def rule_texts(rule: AutomaticRule, language: str) -> tuple[str, str, str]:
    """(subject, opening, language of the opening) of a rule's e-mail, in the active language: what staff
    wrote for it, else the built-in text of the kind (a rule of their own: English)."""
    subject, _subject_language = text_in(rule, "subject", language)
    opening, opening_language = text_in(rule, "opening", language)
    if rule.kind in BUILT_IN_OPENINGS:
        own_subject = (getattr(rule, f"subject_{language}", "") or "").strip()
        own_opening = (getattr(rule, f"opening_{language}", "") or "").strip()
        subject = own_subject or BUILT_IN_SUBJECTS[rule.kind]() % {"title": "{event}"}
        opening = own_opening or BUILT_IN_OPENINGS[rule.kind]()
        opening_language = language
    return subject, opening, opening_language


def build_rule_email(registration: Registration, *, rule: AutomaticRule, token: str | None) -> RegistrationEmail:
    with translation.override(registration.language):
        context = _context(registration, token)
        filled = context["placeholder_values"]
        subject, opening, opening_language = rule_texts(rule, registration.language)
        reminder = rule.kind == AutomaticRule.Kind.REMINDER
        # The thank-you carries the certificate of attendance, for whoever was checked in (whatever the rule's
        # recipients: staff may widen them). One page in a subset of the project's font: some 12 kB.
        certificate = certificate_pdf(registration) if rule.kind == AutomaticRule.Kind.THANK_YOU else None
        context.update(
            opening_text=fill_text(opening, filled),
            opening_html=fill_html(opening, filled),
            text_language=opening_language,
            reminder=reminder,
            certificate_attached=certificate is not None,
            cancel_url=(
                absolute(reverse("registrations:cancel", kwargs={"token": token}))
                if token and reminder and registration.status == Registration.Status.ACTIVE
                else ""
            ),
        )
        email = _email("automatic", context, subject=fill_text(subject, filled), to=registration.email)
        if reminder and context["confirmed_parts"]:
            calendar = parts_calendar_bytes(registration, context["confirmed_parts"])
            email.attach(f"{registration.event.slug}.ics", calendar, "text/calendar")
            email.attach(qr_attachment(checkin_url(registration)))
        if certificate is not None:
            email.attach(certificate_filename(registration), certificate, "application/pdf")
        return email
