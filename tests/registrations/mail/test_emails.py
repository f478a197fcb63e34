"""E-mails: in the registrant's language, text and HTML, with the calendar and QR code; failures recorded."""

import datetime
import email

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from registrations.mail.build import QR_CONTENT_ID
from registrations.models import EmailLog, Registration
from registrations.services import registration as services
from tests.factories import make_registration

pytestmark = pytest.mark.django_db


def translated(language: str, message: str) -> str:
    with translation.override(language):
        return gettext(message)


def html_of(message) -> str:
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


def attachment_types(message) -> dict:
    """{filename: content type} of a sent message, read back from its MIME form."""
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    return {part.get_filename(): part.get_content_type() for part in parsed.iter_attachments()}


def test_polish_registrant_gets_a_polish_confirmation_with_calendar_and_qr(olomouc, django_capture_on_commit_callbacks):
    olomouc.tour.capacity = 0
    olomouc.tour.save()
    registration = make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour], language="pl")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    (message,) = mail.outbox
    assert message.to == [registration.email]
    assert "Closing seminar (pl)" in message.subject
    assert message.subject.startswith(translated("pl", "Your registration: %(title)s").split("%")[0])
    assert "Seminarium i warsztaty, 21 czerwca 2023" in message.body
    assert "Wizyta studyjna, 22 czerwca 2023" in message.body
    with translation.override("pl"):
        manage = reverse("registrations:manage", kwargs={"token": registration.token})
    assert f"http://127.0.0.1:8000{manage}" in message.body
    assert manage.startswith("/pl/")
    html = html_of(message)
    assert '<html lang="pl">' in html
    assert "Seminarium i warsztaty" in html
    assert f"cid:{QR_CONTENT_ID}" in html
    assert attachment_types(message) == {f"{olomouc.slug}.ics": "text/calendar", "checkin-qr.png": "image/png"}
    ics = next(content for name, content, _type in message.attachments[:1])
    assert "Seminarium i warsztaty" in ics
    assert "Wizyta studyjna" not in ics
    assert registration.token not in ics  # calendars get shared: no private link in them
    log = EmailLog.objects.get()
    assert (log.kind, log.language, log.error) == ("registration_confirmed", "pl", "")
    assert log.sent_at is not None


def test_hungarian_registrant_gets_hungarian_emails_with_family_name_first(olomouc, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_start(
            event=olomouc,
            data={
                "email": "odon@gyor.hu",
                "first_name": "Ödön",
                "last_name": "Győrffy",
                "organisation": "Győr",
                "country": "HU",
            },
            parts=[olomouc.tour],
            language="hu",
        )
    (message,) = mail.outbox
    assert "Closing seminar (hu)" in message.subject
    assert "Tanulmányút, 2023. június 22." in message.body
    assert "/hu/registration/" in message.body
    assert "/confirm/" in message.body
    assert translated("hu", "Thank you for registering for “%(title)s”.").split("%")[0] in message.body
    assert '<html lang="hu">' in html_of(message)
    assert not message.attachments  # no seat yet: no calendar, no door code
    registration = Registration.objects.get()
    assert registration.full_name("hu") == "Győrffy Ödön"


def test_email_subjects_are_one_line_whatever_the_title(olomouc, django_capture_on_commit_callbacks):
    olomouc.title_cs = "Seminář & workshop <V4>"
    olomouc.save()
    registration = make_registration(olomouc, parts=[olomouc.seminar], language="cs")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    (message,) = mail.outbox
    assert "\n" not in message.subject
    assert "Seminář & workshop <V4>" in message.subject
    assert "Seminář &amp; workshop &lt;V4&gt;" in html_of(message)


def test_failed_send_is_recorded_and_the_registration_kept(olomouc, settings, django_capture_on_commit_callbacks):
    settings.MAILERS = {"default": {"BACKEND": "tests.registrations.failing_backend.FailingEmailBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_start(
            event=olomouc,
            data={"email": "x@example.cz", "first_name": "A", "last_name": "B", "organisation": "C", "country": "CZ"},
            parts=[olomouc.seminar],
            language="sk",
        )
    registration = Registration.objects.get()
    log = EmailLog.objects.get()
    assert log.registration == registration
    assert log.sent_at is None
    assert "SMTPServerDisconnected" in log.error
    # staff resend it once the server is back, in the registrant's language, with a working link
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        services.email_resend(log=log)
    (message,) = mail.outbox
    assert "/sk/registration/" in message.body
    assert EmailLog.objects.filter(sent_at__isnull=False, kind="confirm_address").count() == 1


def test_moved_up_email_names_the_part_and_carries_the_private_link(olomouc, django_capture_on_commit_callbacks):
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    holder = make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    waiting = make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=holder, notify=False)
    (message,) = mail.outbox
    assert message.to == [waiting.email]
    assert "Your place in “Study tour” is now confirmed." in message.body
    # The link is derived when the e-mail is built: the registrant's own, the one they already have.
    assert f"/en/registration/{waiting.token}/" in message.body
    assert "checkin-qr.png" in attachment_types(message)


def test_link_again_is_sent_at_most_once_an_hour(client, olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", email="a@obec.cz")
    with translation.override("en"):
        resend = reverse("registrations:resend")
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(resend, {"email": "A@OBEC.cz"})
        second = client.post(resend, {"email": "a@obec.cz"})
    assert first.status_code == second.status_code == 302
    assert len(mail.outbox) == 1
    old_hash = registration.token_hash
    registration.refresh_from_db()
    assert registration.token_hash == old_hash  # sending the link again never replaces it
    assert f"/registration/{registration.token}/" in mail.outbox[0].body
    EmailLog.objects.update(created=timezone.now() - datetime.timedelta(hours=1, minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(resend, {"email": "a@obec.cz"})
    assert len(mail.outbox) == 2


def test_link_again_gives_the_same_answer_for_unknown_addresses(client, olomouc, django_capture_on_commit_callbacks):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", email="known@obec.cz")
    with translation.override("en"):
        resend = reverse("registrations:resend")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(resend, {"email": "known@obec.cz"}, follow=True)
        unknown = client.post(resend, {"email": "nobody@obec.cz"}, follow=True)
    assert known.content == unknown.content
    assert len(mail.outbox) == 1


def test_link_again_form_is_rate_limited(client, olomouc):
    with translation.override("en"):
        resend = reverse("registrations:resend")
    for _ in range(10):
        client.post(resend, {"email": "x@example.cz"})
    assert client.post(resend, {"email": "x@example.cz"}).status_code == 429


def test_pending_registration_link_again_carries_the_confirm_link(olomouc, django_capture_on_commit_callbacks):
    make_registration(olomouc, parts=[olomouc.seminar], email="p@obec.cz", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_link_again(email="p@obec.cz")
    (message,) = mail.outbox
    assert "/confirm/" in message.body


def test_changed_email_lists_everything_recorded_as_written_proof(olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(
        olomouc,
        parts=[olomouc.seminar],
        seat_status="confirmed",
        language="pl",
        country="PL",
        privacy_version="3fa1c2d4e5b6",
        privacy_accepted_at=datetime.datetime(2023, 6, 1, 8, 15, tzinfo=datetime.UTC),
    )
    data = {
        "phone": "+48123456789",
        "position": "burmistrz",
        "diet": "vegan",
        "accessibility_needs": "Dostęp dla osób na wózku\npętla indukcyjna",
        "note": "",
        "consent_photos": True,
        "consent_sharing": True,
    }
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_update(registration=registration, data=data, parts=[olomouc.seminar, olomouc.tour])
    (message,) = mail.outbox
    with translation.override("pl"):
        wanted = [
            f"- {gettext('Phone')}: +48 12 345 67 89",
            f"- {gettext('Position')}: burmistrz",
            f"- {gettext('Country')}: Polska",
            f"- {gettext('Language of the e-mails')}: polski",
            f"- {gettext('Dietary requirements')}: {gettext('vegan')}",
            f"- {gettext('Accessibility needs')}: Dostęp dla osób na wózku\n  pętla indukcyjna",
            f"- {gettext('Photographs and video')}: {gettext('yes, I agree')}",
            f"- {gettext('Privacy notice')}: "
            + gettext("accepted on %(date)s (version %(version)s)")
            % {"date": "1 czerwca 2023, 10:15", "version": "3fa1c2d4e5b6"},
        ]
    for line in wanted:
        assert line in message.body, line
    assert "Wizyta studyjna" in message.body  # the parts with their seats, as before
    html = html_of(message)
    assert "Dostęp dla osób na wózku<br>pętla indukcyjna" in html
    assert "+48 12 345 67 89" in html
