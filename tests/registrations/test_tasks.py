"""The automatic e-mails' job (registrations/tasks.py `send_automatic_emails`): the two rules every event
comes with, sent at their moment, once per registrant however often the job runs, to nobody who registered
later or cancelled; the reminder's cancel link frees the seat for the waiting list at once."""

import datetime
import importlib
import re
from email import message_from_bytes
from email import policy as email_policy

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone

from registrations import tasks
from registrations.models import AutomaticRule, EmailLog, Registration, RuleDelivery, Seat
from registrations.services import messaging
from registrations.services import registration as services
from tests.factories import make_event, make_registration
from v4project import clock

pytestmark = pytest.mark.django_db


def at(day: int, hour: int = 9, minute: int = 5) -> datetime.datetime:
    """A moment of June 2023 in Prague."""
    return timezone.make_aware(datetime.datetime(2023, 6, day, hour, minute))


def rule(event, kind) -> AutomaticRule:
    return AutomaticRule.objects.get(event=event, kind=kind)


def run(now, capture) -> int:
    with capture(execute=True):
        return messaging.rules_send_due(now=now)


def test_every_new_event_comes_with_a_reminder_and_a_thank_you(olomouc):
    reminder = rule(olomouc, "reminder")
    thanks = rule(olomouc, "thank_you")
    assert reminder.is_active
    assert thanks.is_active
    assert messaging.rule_moment(reminder) == at(19, 9, 0)  # two days before 21 June, in the morning
    assert messaging.rule_moment(thanks) == at(23, 9, 0)  # the day after the last day, 22 June
    assert thanks.checked_in == "yes"
    assert reminder.seat_status == "confirmed"  # those holding a seat; not the waiting list or the unconfirmed
    olomouc.seminar.start_time = datetime.time(9, 30)
    olomouc.seminar.save()
    reminder.unit, reminder.amount = "hours", 3
    assert messaging.rule_moment(reminder) == at(21, 6, 30)


def test_the_migration_gives_existing_events_their_two_rules(olomouc):
    migration = importlib.import_module("registrations.migrations.0014_messages_and_rules")
    AutomaticRule.objects.all().delete()
    migration.default_rules(apps, None)
    migration.default_rules(apps, None)  # run again: nothing doubled
    assert sorted(AutomaticRule.objects.filter(event=olomouc).values_list("kind", flat=True)) == [
        "reminder",
        "thank_you",
    ]


def test_the_reminder_goes_once_however_often_the_job_runs(olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="sk")
    assert run(at(19, 8, 55), django_capture_on_commit_callbacks) == 0  # not yet
    assert run(at(19), django_capture_on_commit_callbacks) == 1
    assert run(at(19, 9, 15), django_capture_on_commit_callbacks) == 0
    # The job as the worker runs it, in a new task: still nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_automatic_emails.call()
    assert [email.to for email in mail.outbox] == [[registration.email]]
    assert RuleDelivery.objects.get().registration == registration


def test_a_record_without_its_email_is_never_left_behind(olomouc, django_capture_on_commit_callbacks, settings):
    """A worker that dies between the record and the e-mail loses both (one transaction): the next run sends."""
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    settings.TASKS = {"default": {"BACKEND": "tests.registrations.test_tasks.DyingBackend"}}
    with pytest.raises(RuntimeError):
        messaging.rules_send_due(now=at(19))
    assert not RuleDelivery.objects.exists()
    assert not EmailLog.objects.exists()
    settings.TASKS = {"default": {"BACKEND": "tests.tasks.RunOnCommitBackend"}}
    assert run(at(19, 9, 20), django_capture_on_commit_callbacks) == 1
    assert [email.to for email in mail.outbox] == [[registration.email]]


class DyingBackend:
    """A task backend whose worker stops when the e-mail is about to be queued."""

    def __new__(cls, *args, **kwargs):
        from tests.tasks import RunOnCommitBackend

        class Dying(RunOnCommitBackend):
            def enqueue(self, task, args, kwargs):
                raise RuntimeError("the worker stopped")

        return Dying(*args, **kwargs)


def test_the_reminder_carries_the_practical_information_qr_calendar_and_a_cancel_link(
    olomouc, client, django_capture_on_commit_callbacks
):
    olomouc.practical_information_en = "Parking behind the city hall."
    olomouc.save()
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    going = make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed", language="en")
    waiting = make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted", language="en")
    run(at(19), django_capture_on_commit_callbacks)
    email = next(email for email in mail.outbox if email.to == [going.email])
    assert email.subject == "Reminder: Closing seminar (en)"
    assert "Parking behind the city hall." in email.body
    parsed = message_from_bytes(email.message().as_bytes(), policy=email_policy.default)
    attached = {part.get_filename(): part.get_content_type() for part in parsed.iter_attachments()}
    assert attached == {f"{olomouc.slug}.ics": "text/calendar", "checkin-qr.png": "image/png"}
    cancel = re.search(r"http://[^/]+(/en/registration/[^/\s]+/cancel/)", email.body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(cancel).status_code == 200
        assert client.post(cancel).status_code == 302
    assert Registration.objects.get(pk=going.pk).status == "cancelled"
    assert Seat.objects.get(registration=waiting).status == "confirmed"  # moved up at once
    assert any(email.to == [waiting.email] and "seat" in email.subject.lower() for email in mail.outbox)


def test_nobody_who_registered_after_the_moment_or_cancelled_gets_the_reminder(
    olomouc, django_capture_on_commit_callbacks
):
    early = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    make_registration(olomouc, parts=[olomouc.seminar])  # never confirmed the address: holds no seat
    cancelled = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    services.registration_cancel(registration=cancelled, notify=False)
    late = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    # Confirmed after the reminder's moment (records keep the real time; the site runs on its calendar).
    Registration.objects.filter(pk=late.pk).update(confirmed_at=clock.to_real(at(19, 12)))
    # The worker was down in the morning and the job runs at noon.
    run(at(19, 12, 30), django_capture_on_commit_callbacks)
    assert [email.to for email in mail.outbox] == [[early.email]]


def test_a_rule_is_never_sent_late_nor_switched_off(olomouc, django_capture_on_commit_callbacks):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    assert run(at(20, 9, 10), django_capture_on_commit_callbacks) == 0  # more than a day late
    AutomaticRule.objects.filter(kind="reminder").update(is_active=False)
    assert run(at(19), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_the_thank_you_goes_the_day_after_only_to_those_checked_in(olomouc, django_capture_on_commit_callbacks):
    came = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="pl")
    Seat.objects.filter(registration=came).update(checked_in_at=at(21, 8))
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")  # did not come
    run(at(23), django_capture_on_commit_callbacks)
    (email,) = mail.outbox
    assert email.to == [came.email]
    assert "Closing seminar (pl)" in email.subject
    assert "cancel/" not in email.body  # no cancel link after the event


def test_staff_override_the_opening_in_one_language_and_the_others_keep_the_built_in_text(
    olomouc, django_capture_on_commit_callbacks
):
    reminder = rule(olomouc, "reminder")
    reminder.opening_cs = "Autobus odjíždí v 8:15 od radnice, {name}."
    reminder.save()
    czech = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="cs")
    slovak = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="sk")
    run(at(19), django_capture_on_commit_callbacks)
    by_address = {email.to[0]: email for email in mail.outbox}
    assert f"Autobus odjíždí v 8:15 od radnice, Jana {czech.last_name}." in by_address[czech.email].body
    slovak_body = by_address[slovak.email].body
    assert "Autobus" not in slovak_body
    assert "Closing seminar (sk)" in slovak_body


def test_a_rule_relative_to_a_part_goes_at_the_parts_time(django_capture_on_commit_callbacks, before_the_seminar):
    from tests.factories import make_part

    event = make_event()
    tour = make_part(event, date=datetime.date(2023, 6, 22), start_time=datetime.time(8, 15))
    AutomaticRule.objects.create(
        event=event,
        part=tour,
        kind="other",
        amount=12,
        unit="hours",
        direction="before",
        anchor="start",
        subject_en="Tomorrow: {event}",
        opening_en="The bus leaves at 8:15.",
    )
    rider = make_registration(event, parts=[tour], seat_status="confirmed", language="hu")
    assert run(at(21, 20, 10), django_capture_on_commit_callbacks) == 0  # 12 hours before 8:15 is 20:15
    assert run(at(21, 20, 20), django_capture_on_commit_callbacks) == 1
    (email,) = mail.outbox
    assert email.to == [rider.email]
    assert email.subject.startswith("Tomorrow: ")
    assert "The bus leaves at 8:15." in email.body


def pdf_attachments(email) -> list[tuple[str, bytes]]:
    files = [attachment for attachment in email.attachments if isinstance(attachment, tuple)]  # not MIME parts
    return [(name, content) for name, content, mimetype in files if mimetype == "application/pdf"]


def test_the_thank_you_carries_the_certificate_in_the_participants_language(
    olomouc, django_capture_on_commit_callbacks
):
    from tests.registrations.printing.pdfs import text

    came = make_registration(
        olomouc,
        parts=[olomouc.seminar, olomouc.tour],
        seat_status="confirmed",
        language="pl",
        first_name="Łukasz",
        last_name="Żółć",
    )
    Seat.objects.filter(registration=came, part=olomouc.seminar).update(checked_in_at=at(21, 8))
    run(at(23), django_capture_on_commit_callbacks)
    (email,) = mail.outbox
    ((name, pdf),) = pdf_attachments(email)
    assert name == "certificate-olomouc-test.pdf"
    assert len(email.message().as_bytes()) < 100_000  # one page in a font subset, not the whole font
    certificate = text(pdf)
    assert "Zaświadczenie o udziale" in certificate
    assert "Łukasz Żółć" in certificate
    assert "Closing seminar (pl)" in certificate
    assert "Seminarium i warsztaty" in certificate
    assert "Wizyta studyjna" not in certificate  # checked in for the seminar only
    assert "W załączniku przesyłamy zaświadczenie o udziale (PDF)." in email.body


def test_the_certificate_goes_only_to_those_checked_in_whoever_the_thank_you_goes_to(
    olomouc, django_capture_on_commit_callbacks
):
    AutomaticRule.objects.filter(event=olomouc, kind="thank_you").update(checked_in="")  # staff widened it
    came = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="hu")
    Seat.objects.filter(registration=came).update(checked_in_at=at(21, 8))
    absent = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="hu")
    run(at(23), django_capture_on_commit_callbacks)
    by_address = {email.to[0]: email for email in mail.outbox}
    assert len(pdf_attachments(by_address[came.email])) == 1
    assert pdf_attachments(by_address[absent.email]) == []
    assert "Részvételi igazolását mellékeljük" not in by_address[absent.email].body


def test_no_other_automatic_e_mail_carries_a_certificate(olomouc, django_capture_on_commit_callbacks):
    reminder = rule(olomouc, "reminder")
    came = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    Seat.objects.filter(registration=came).update(checked_in_at=at(18, 8))  # checked in early, by mistake
    run(messaging.rule_moment(reminder) + datetime.timedelta(minutes=5), django_capture_on_commit_callbacks)
    (email,) = mail.outbox
    assert pdf_attachments(email) == []
