"""Messages from the organisers: each recipient gets an e-mail of their own, in their language (English where
theirs was left empty), with the placeholders filled in for them; filters choose who; a message goes once."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from registrations.mail import recipients as recipient_selection
from registrations.mail.placeholders import placeholders_used
from registrations.models import EmailLog, Message, Seat
from registrations.services import messaging
from registrations.services import registration as services
from tests.factories import make_registration
from tests.registrations.staff_users import make_user

pytestmark = pytest.mark.django_db

TEXTS = {
    "subject_cs": "Odjezd autobusu",
    "body_cs": "Dobrý den, {name},\nautobus na „{event}“ odjíždí v 8:15.\n{parts}\nVáš odkaz: {link}",
    "subject_en": "The bus leaves",
    "body_en": "Dear {name},\nthe bus to “{event}” leaves at 8:15.\n{parts}\nYour link: {link}",
}


def make_message(event, **fields) -> Message:
    return Message.objects.create(event=event, **{**TEXTS, **fields})


def send_now(message, user=None) -> None:
    messaging.message_send(message=message, user=user)


def test_each_recipient_gets_their_own_email_in_their_language_with_their_link(
    olomouc, django_capture_on_commit_callbacks
):
    czech = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="cs")
    hungarian = make_registration(
        olomouc, parts=[olomouc.tour], seat_status="confirmed", language="hu", first_name="Ödön", last_name="Győrffy"
    )
    olomouc.tour.start_time, olomouc.tour.end_time = datetime.time(8, 15), datetime.time(18, 0)
    olomouc.tour.meeting_place_hu = "a városháza előtt"
    olomouc.tour.save()
    with django_capture_on_commit_callbacks(execute=True):
        send_now(make_message(olomouc), make_user("organiser"))
    by_address = {email.to[0]: email for email in mail.outbox}
    assert sorted(by_address) == sorted([czech.email, hungarian.email])
    assert all(len(email.to) == 1 and not email.cc and not email.bcc for email in mail.outbox)
    cs = by_address[czech.email]
    assert cs.subject == "Odjezd autobusu"
    assert f"Dobrý den, Jana {czech.last_name}," in cs.body
    assert "„Closing seminar (cs)“" in cs.body
    assert f"/cs/registration/{czech.token}/" in cs.body
    assert "Seminář a workshopy, 21. června 2023" in cs.body
    hu = by_address[hungarian.email]
    # Hungarian was left empty: English, with the name in Hungarian order and the part in Hungarian.
    assert hu.subject == "The bus leaves"
    assert "Dear Győrffy Ödön," in hu.body
    assert "Tanulmányút, 2023. június 22., 08:15–18:00, a városháza előtt" in hu.body
    assert f"/hu/registration/{hungarian.token}/" in hu.body
    html = hu.alternatives[0][0]
    assert '<div lang="en">' in html
    assert f'/hu/registration/{hungarian.token}/" style' in html
    logs = EmailLog.objects.filter(kind=EmailLog.Kind.MESSAGE)
    assert logs.count() == 2
    assert all(log.sent_at for log in logs)
    # The private link never waited in the queue.
    assert czech.token not in str(DBTaskResult.objects.values_list())


def test_filters_choose_the_recipients(olomouc):
    tour_waiting = make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted", country="SK")
    seminar = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", country="PL")
    pending = make_registration(olomouc, parts=[olomouc.tour], country="SK")
    cancelled = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    services.registration_cancel(registration=cancelled, notify=False)
    arrived = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", country="HU")
    Seat.objects.filter(registration=arrived).update(checked_in_at=timezone.now())

    def chosen(**filters):
        return set(recipient_selection.recipients(event=olomouc, **filters))

    assert chosen() == {tour_waiting, seminar, pending, arrived}  # never the cancelled one
    assert chosen(part_ids=[olomouc.tour.pk]) == {tour_waiting, pending}
    assert chosen(seat_status="waitlisted") == {tour_waiting}
    assert chosen(seat_status="confirmed") == {seminar, arrived}
    assert chosen(seat_status="pending") == {pending}
    assert chosen(country="SK") == {tour_waiting, pending}
    assert chosen(checked_in="yes") == {arrived}
    assert chosen(checked_in="no") == {tour_waiting, seminar, pending}
    assert chosen(part_ids=[olomouc.seminar.pk], seat_status="confirmed", checked_in="no") == {seminar}


def test_only_the_filtered_recipients_get_the_message(olomouc, django_capture_on_commit_callbacks):
    waiting = make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted")
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    message = make_message(olomouc, seat_status="waitlisted")
    message.parts.set([olomouc.tour])
    with django_capture_on_commit_callbacks(execute=True):
        send_now(message)
    assert [email.to for email in mail.outbox] == [[waiting.email]]
    message.refresh_from_db()
    assert message.recipient_count == 1
    assert message.sent_at


@translation.override("en")
def test_unknown_placeholders_and_lone_braces_are_refused_with_a_message():
    assert placeholders_used("Dear {name}, see {link}; {{not a placeholder}}") == {"name", "link"}
    for text, words in [
        ("Dear {nmae}", "{nmae}"),
        ("{name.__class__}", "{name.__class__}"),
        ("{name:>999999}", "{name:>999999}"),
        ("{0}", "{0}"),
        ("{}", "{}"),
    ]:
        with pytest.raises(ValidationError) as error:
            placeholders_used(text)
        assert words in error.value.messages[0]
        assert "{name}" in error.value.messages[0]
    with pytest.raises(ValidationError, match="brace has no pair"):
        placeholders_used("Dear {name")


def test_a_message_goes_once_even_when_its_task_runs_twice(olomouc, django_capture_on_commit_callbacks):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    message = make_message(olomouc)
    with django_capture_on_commit_callbacks(execute=True):
        send_now(message)
        send_now(message)  # a second click
    assert messaging.message_deliver(message_id=message.pk) == 0  # the task again (a restarted worker)
    assert len(mail.outbox) == 1


def test_a_message_for_later_waits_and_chooses_its_recipients_then(olomouc, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    later = timezone.now() + datetime.timedelta(hours=3)
    message = make_message(olomouc, send_at=later)
    send_now(message)
    (task,) = DBTaskResult.objects.all()
    assert task.run_after == later
    assert not EmailLog.objects.exists()
    # Someone registers in the meantime; when the task runs, they are among the recipients.
    newcomer = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    assert messaging.message_deliver(message_id=message.pk) == 1
    assert EmailLog.objects.get().registration == newcomer


def test_a_failed_message_can_be_sent_again(olomouc, settings, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="pl")
    locmem = settings.MAILERS
    settings.MAILERS = {"default": {"BACKEND": "tests.registrations.failing_backend.RefusingEmailBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        send_now(make_message(olomouc))
    failed = EmailLog.objects.get(kind="message")
    assert failed.failed_at is not None
    settings.MAILERS = locmem
    with django_capture_on_commit_callbacks(execute=True):
        services.email_resend(log=failed)
    (email,) = mail.outbox
    assert email.to == [registration.email]
    assert email.subject == "The bus leaves"
    assert EmailLog.objects.filter(kind="message", sent_at__isnull=False, message=failed.message).count() == 1
