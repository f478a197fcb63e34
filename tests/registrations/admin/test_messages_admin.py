"""The admin pages for talking to registrants: a message written in tabs, its recipients counted and those
who will get English named before it goes, a preview for a real recipient in each language, then sent; the
automatic e-mails with their built-in or overridden opening; the digest subscription of each organiser."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail

from registrations.models import AutomaticRule, DigestSubscription, EmailLog, Message
from tests.factories import make_registration
from tests.registrations.staff_users import client_for

pytestmark = pytest.mark.django_db

ADD = "/admin/registrations/message/add/"


def message_data(event, **overrides) -> dict:
    data = {
        "event": event.pk,
        "seat_status": "",
        "country": "",
        "checked_in": "",
        "send_at_0": "",
        "send_at_1": "",
        **{f"subject_{code}": "" for code in ("cs", "sk", "pl", "hu", "en")},
        **{f"body_{code}": "" for code in ("cs", "sk", "pl", "hu", "en")},
        "subject_cs": "Odjezd autobusu",
        "body_cs": "Dobrý den, {name}, autobus odjíždí v 8:15. {link}",
        "subject_en": "The bus leaves",
        "body_en": "Dear {name}, the bus leaves at 8:15. {link}",
    }
    data.update(overrides)
    return data


@pytest.fixture
def organiser(client):
    return client_for(client, "organiser")


def test_an_organiser_writes_checks_and_sends_a_message(organiser, olomouc, django_capture_on_commit_callbacks):
    czech = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="cs")
    hungarian = make_registration(
        olomouc, parts=[olomouc.tour], seat_status="waitlisted", language="hu", first_name="Ödön", last_name="Győrffy"
    )
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", country="PL")  # filtered out
    response = organiser.post(ADD, message_data(olomouc, country="CZ"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    message = Message.objects.get()
    Message.objects.filter(pk=message.pk).update(country="")
    message.parts.set([])
    change = organiser.get(f"/admin/registrations/message/{message.pk}/change/").content.decode()
    assert "3 recipients match the filters." in change
    # Hungarian is empty: Győrffy Ödön will get English, and the page says so.
    assert "these recipients will get it in English" in change
    assert "Győrffy Ödön (hu)" in change
    # A preview for a real recipient in each language, never with a real private link.
    assert f"Dobrý den, Jana {czech.last_name}" in change
    assert "Dear Győrffy Ödön" in change
    assert czech.token not in change
    assert hungarian.token not in change
    assert "/registration/preview/" in change
    confirm = organiser.get(f"/admin/registrations/message/{message.pk}/send/").content.decode()
    assert "3 recipients match the filters." in confirm
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(f"/admin/registrations/message/{message.pk}/send/")
    assert response.status_code == 302
    assert len(mail.outbox) == 3
    assert all(len(email.to) == 1 and not email.bcc and not email.cc for email in mail.outbox)
    assert EmailLog.objects.filter(kind="message").count() == 3
    message.refresh_from_db()
    assert message.recipient_count == 3
    assert message.scheduled_by is not None
    assert LogEntry.objects.filter(object_id=str(message.pk), change_message__contains="3 recipients").exists()
    # Sent: it can no longer change, nor go twice.
    before = message.subject_en
    organiser.post(f"/admin/registrations/message/{message.pk}/change/", message_data(olomouc, subject_en="Other"))
    message.refresh_from_db()
    assert message.subject_en == before
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(f"/admin/registrations/message/{message.pk}/send/")
    assert len(mail.outbox) == 3


def test_an_unknown_placeholder_is_refused_with_a_message_in_the_staff_language(client, olomouc):
    organiser = client_for(client, "organiser", language="cs")
    response = organiser.post(ADD, message_data(olomouc, body_cs="Dobrý den, {jmeno}"))
    assert response.status_code == 200
    assert "Neznámá zástupná značka {jmeno}" in response.content.decode()
    assert not Message.objects.exists()


def test_english_is_required_as_the_fallback(organiser, olomouc):
    response = organiser.post(ADD, message_data(olomouc, body_en=""))
    assert response.status_code == 200
    assert not Message.objects.exists()


def test_parts_of_another_event_are_refused(organiser, olomouc):
    from tests.factories import make_event, make_part

    other = make_part(make_event())
    response = organiser.post(ADD, {**message_data(olomouc), "parts": [other.pk]})
    assert response.status_code == 200
    assert not Message.objects.exists()


@pytest.mark.parametrize("role", ["editor", "partner"])
def test_only_organisers_write_and_send_messages(client, olomouc, role):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", email="secret@example.org")
    message = Message.objects.create(event=olomouc, subject_en="Hi", body_en="Hi {name}")
    staff = client_for(client, role)
    for url in [ADD, f"/admin/registrations/message/{message.pk}/change/"]:
        response = staff.get(url)
        assert response.status_code in {302, 403}
        assert b"secret@example.org" not in response.content
    response = staff.post(f"/admin/registrations/message/{message.pk}/send/")
    assert response.status_code in {302, 403}
    assert mail.outbox == []


def test_the_rule_page_previews_the_built_in_and_the_overridden_opening(organiser, olomouc):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="sk")
    reminder = AutomaticRule.objects.get(event=olomouc, kind="reminder")
    page = organiser.get(f"/admin/registrations/automaticrule/{reminder.pk}/change/").content.decode()
    assert "2023-06-19 09:00" in page
    assert "Tešíme sa na Vás na akcii „Closing seminar (sk)“." in page
    reminder.opening_sk = "Autobus odchádza o 8:15."
    reminder.save()
    page = organiser.get(f"/admin/registrations/automaticrule/{reminder.pk}/change/").content.decode()
    assert "Autobus odchádza o 8:15." in page
    assert "Wish you" not in page


def test_an_organiser_subscribes_to_the_digest_and_sees_only_their_own(client, olomouc):
    from tests.registrations.staff_users import make_user

    colleague = make_user("editor")
    DigestSubscription.objects.create(user=colleague, language="cs")
    organiser = client_for(client, "organiser", language="hu")
    page = organiser.get("/admin/registrations/digestsubscription/add/")
    assert page.status_code == 200
    response = organiser.post(
        "/admin/registrations/digestsubscription/add/", {"user": colleague.pk, "language": "hu", "is_active": "on"}
    )
    assert response.status_code == 302
    mine = DigestSubscription.objects.exclude(user=colleague).get()
    assert mine.user.username.startswith("organiser")
    assert mine.language == "hu"
    listing = organiser.get("/admin/registrations/digestsubscription/").content.decode()
    assert colleague.username not in listing
