"""What every e-mail carries: each part's time and meeting place and the event's practical information in the
registrant's language; the headers that let people answer the organisers (Reply-To) and keep out-of-office
replies away (Auto-Submitted), with the e-mail's language; the organisers' address in every footer."""

import datetime
import email
import email.policy
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from registrations.mail.send import email_enqueue, email_enqueue_farewell
from registrations.models import EmailLog
from registrations.services import registration as services
from tests.factories import LANGUAGES, make_registration
from tests.registrations.staff_users import make_user

pytestmark = pytest.mark.django_db


def html_of(message) -> str:
    ((html, _mimetype),) = message.alternatives
    return html


def parsed(message) -> email.message.EmailMessage:
    """The message as it leaves for the mail server."""
    return email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)


@pytest.fixture
def practical(olomouc):
    olomouc.seminar.start_time = datetime.time(9, 0)
    olomouc.seminar.end_time = datetime.time(16, 30)
    for code in LANGUAGES:
        setattr(olomouc.seminar, f"meeting_place_{code}", f"Main entrance ({code})")
        setattr(olomouc, f"practical_information_{code}", f"Interpretation is provided ({code})\nParking: none")
    olomouc.seminar.save()
    olomouc.save()
    return olomouc


def test_confirmation_names_times_place_and_practical_information_in_the_registrants_language(
    practical, django_capture_on_commit_callbacks
):
    registration = make_registration(practical, parts=[practical.seminar, practical.tour], language="cs")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    (message,) = mail.outbox
    assert "- Seminář a workshopy, 21. června 2023, 9:00–16:30: potvrzeno" in message.body
    assert "  Místo srazu: Main entrance (cs)" in message.body
    assert "- Studijní cesta, 22. června 2023: potvrzeno" in message.body  # a whole-day part: the date alone
    assert "Praktické informace\nInterpretation is provided (cs)\nParking: none" in message.body
    assert "(en)" not in message.body
    html = html_of(message)
    assert "<strong>Seminář a workshopy</strong>, 21. června 2023, 9:00–16:30:" in html
    assert "<br>Místo srazu: Main entrance (cs)</li>" in html
    assert "<p>Interpretation is provided (cs)<br>Parking: none</p>" in html


@pytest.mark.parametrize("kind", ["changed", "moved_up", "link_again"])
def test_every_email_about_held_seats_carries_the_practical_information(
    practical, django_capture_on_commit_callbacks, kind
):
    registration = make_registration(practical, parts=[practical.seminar], seat_status="confirmed", language="hu")
    with django_capture_on_commit_callbacks(execute=True):
        email_enqueue(registration, kind, part=practical.seminar if kind == "moved_up" else None)
    (message,) = mail.outbox
    assert "Gyakorlati tudnivalók\nInterpretation is provided (hu)" in message.body
    assert "Találkozási pont: Main entrance (hu)" in message.body
    assert "Interpretation is provided (hu)" in html_of(message)


def test_no_practical_information_no_empty_heading(olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    (message,) = mail.outbox
    assert "Practical information" not in message.body
    assert "Where to meet" not in message.body


def organisers_text(event, kind) -> dict:
    """What a message from the organisers or an automatic e-mail is built from (issue 16's kinds)."""
    from registrations.models import AutomaticRule, Message

    if kind == EmailLog.Kind.MESSAGE:
        return {"message": Message.objects.create(event=event, subject_en="Bus", body_en="Dear {name}")}
    if kind == EmailLog.Kind.AUTOMATIC:
        return {"rule": AutomaticRule.objects.get(event=event, kind=AutomaticRule.Kind.REMINDER)}
    return {}


def every_registration_email(event, capture) -> list:
    """One e-mail of every kind the site sends to registrants, each from its own registration."""
    kinds = [
        kind
        for kind in EmailLog.Kind.values
        if kind != EmailLog.Kind.DATA_DELETED
        and (Path(django_settings.BASE_DIR) / "templates" / "emails" / f"{kind}.txt").exists()
    ]
    with capture(execute=True):
        for kind in kinds:
            registration = make_registration(event, parts=[event.seminar], seat_status="confirmed", language="pl")
            email_enqueue(registration, kind, part=event.seminar, **organisers_text(event, kind))
        email_enqueue_farewell(make_registration(event, language="pl"), EmailLog.Kind.DATA_DELETED)
    assert len(mail.outbox) == len(kinds) + 1
    return mail.outbox


def test_every_email_to_registrants_has_reply_to_auto_submitted_and_its_language(
    olomouc, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_REPLY_TO = "SMO ČR <organisers@example.cz>"
    for message in every_registration_email(olomouc, django_capture_on_commit_callbacks):
        headers = parsed(message)
        assert headers["Reply-To"] == "SMO ČR <organisers@example.cz>", message.subject
        assert headers["Auto-Submitted"] == "auto-generated", message.subject
        assert headers["X-Auto-Response-Suppress"] == "OOF, AutoReply"
        assert headers["Content-Language"] == "pl", message.subject
        assert headers["From"] == settings.DEFAULT_FROM_EMAIL
        footer = "Pytania? Prosimy o kontakt z organizatorami lub po prostu o odpowiedź na tę wiadomość e-mail:"
        assert f"{footer} organisers@example.cz" in message.body, message.subject
        assert '<a href="mailto:organisers@example.cz"' in html_of(message), message.subject


def test_the_language_header_follows_each_registrant(olomouc, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for language in LANGUAGES:
            registration = make_registration(olomouc, parts=[olomouc.seminar], language=language)
            email_enqueue(registration, EmailLog.Kind.CONFIRM_ADDRESS)
    assert [parsed(message)["Content-Language"] for message in mail.outbox] == list(LANGUAGES)


def test_without_an_organisers_address_no_reply_to_and_no_footer_line(
    olomouc, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_REPLY_TO = ""
    registration = make_registration(olomouc, parts=[olomouc.seminar], language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    (message,) = mail.outbox
    assert parsed(message)["Reply-To"] is None
    assert parsed(message)["Auto-Submitted"] == "auto-generated"
    assert "Questions?" not in message.body
    assert "mailto:" not in html_of(message)


def test_the_default_organisers_address_is_smo_cr(olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    (message,) = mail.outbox
    assert message.reply_to == ["smocr@smocr.cz"]
    assert "or simply reply to this e-mail: smocr@smocr.cz" in message.body


def test_password_reset_email_has_the_same_headers_and_footer(client, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_REPLY_TO = "organisers@example.cz"
    make_user("partner")
    with translation.override("sk"):
        url = reverse("accounts:password_reset")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "partner@example.org"}, REMOTE_ADDR="203.0.113.7")
    (message,) = mail.outbox
    headers = parsed(message)
    assert headers["Reply-To"] == "organisers@example.cz"
    assert headers["Auto-Submitted"] == "auto-generated"
    assert headers["Content-Language"] == "sk"
    assert re.search(r"Máte otázky\? .*: organisers@example\.cz", message.body)
    assert "/sk/account/reset/" in message.body
