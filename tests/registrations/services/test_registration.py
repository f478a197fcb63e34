"""The rules of registration, through the services, on the real database."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from registrations.exceptions import ConfirmationExpiredError, RegistrationCancelledError, RegistrationClosedError
from registrations.models import EmailLog, Registration, Seat
from registrations.services import registration as services
from registrations.services import staff
from tests.factories import make_part, make_registration
from v4project import clock

pytestmark = pytest.mark.django_db


def start(event, *, email="jana@example.cz", parts=None, language="cs", **data):
    details = {"first_name": "Jana", "last_name": "Nováková", "organisation": "Obec", "country": "CZ", **data}
    services.registration_start(
        event=event, data={"email": email, **details}, parts=parts or list(event.parts.all()), language=language
    )
    return Registration.objects.filter(email__iexact=email).exclude(status="cancelled").get()


def seat_statuses(registration) -> dict:
    return {seat.part.name_en: seat.status for seat in registration.seats.select_related("part")}


def fill(part, count, status=Seat.Status.CONFIRMED, **overrides):
    return [make_registration(part.event, parts=[part], seat_status=status, **overrides) for _ in range(count)]


def test_pending_registration_holds_no_seat(olomouc, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = start(olomouc)
    assert registration.status == Registration.Status.PENDING
    assert not Seat.objects.exists()
    assert set(registration.requested_parts.all()) == {olomouc.seminar, olomouc.tour}
    assert len(registration.token_hash) == 64
    assert [log.kind for log in EmailLog.objects.all()] == [EmailLog.Kind.CONFIRM_ADDRESS]
    assert len(mail.outbox) == 1


def test_confirm_waitlists_study_tour_when_bus_is_full(olomouc):
    fill(olomouc.tour, 45)
    registration = make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour])
    services.registration_confirm(registration=registration)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ACTIVE
    assert registration.confirmed_at is not None
    assert seat_statuses(registration) == {"Seminar and workshops": "confirmed", "Study tour": "waitlisted"}


def test_confirming_twice_changes_nothing(olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar])
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
        services.registration_confirm(registration=registration)
    assert Seat.objects.count() == 1
    assert EmailLog.objects.filter(kind=EmailLog.Kind.REGISTRATION_CONFIRMED).count() == 1


def test_expired_pending_registration_cannot_be_confirmed(olomouc):
    past = timezone.now() - datetime.timedelta(minutes=1)
    registration = make_registration(olomouc, parts=[olomouc.seminar], confirm_expires_at=past)
    with pytest.raises(ConfirmationExpiredError):
        services.registration_confirm(registration=registration)
    assert not Seat.objects.exists()


def test_waitlist_is_served_in_order_of_confirmation(olomouc):
    small = make_part(olomouc, capacity=1)
    first, second, third = (make_registration(olomouc, parts=[small]) for _ in range(3))
    now = timezone.now()
    for offset, registration in enumerate((first, third, second)):
        services.registration_confirm(registration=registration, now=now + datetime.timedelta(seconds=offset))
    assert Seat.objects.get(registration=first).status == "confirmed"
    services.registration_cancel(registration=first)
    # third confirmed before second, so third moves up first
    assert Seat.objects.get(registration=third).status == "confirmed"
    assert Seat.objects.get(registration=second).status == "waitlisted"


def test_cancellation_promotes_first_waitlisted_and_emails_them(olomouc, django_capture_on_commit_callbacks):
    (holder,) = fill(olomouc.tour, 1)
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    now = timezone.now()
    first = make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted", since=now, language="pl")
    later = make_registration(
        olomouc, parts=[olomouc.tour], seat_status="waitlisted", since=now + datetime.timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=holder)
    assert Seat.objects.get(registration=holder).status == "cancelled"
    assert Seat.objects.get(registration=first).status == "confirmed"
    assert Seat.objects.get(registration=later).status == "waitlisted"
    kinds = {(log.registration_id, log.kind) for log in EmailLog.objects.all()}
    assert kinds == {(holder.pk, "cancelled"), (first.pk, "moved_up")}
    moved_up = next(message for message in mail.outbox if message.to == [first.email])
    assert "Wizyta studyjna" in moved_up.body


def test_larger_capacity_promotes_the_waiting_list(olomouc, django_capture_on_commit_callbacks):
    olomouc.tour.capacity = 2
    olomouc.tour.save()
    fill(olomouc.tour, 2)
    waiting = fill(olomouc.tour, 3, status="waitlisted")
    olomouc.tour.capacity = 4
    with django_capture_on_commit_callbacks(execute=True):
        promoted = staff.part_save(part=olomouc.tour)
    assert [seat.registration for seat in promoted] == waiting[:2]
    assert Seat.objects.filter(part=olomouc.tour, status="confirmed").count() == 4
    assert EmailLog.objects.filter(kind="moved_up").count() == 2


def test_dropping_a_part_promotes_the_first_waiting(olomouc, django_capture_on_commit_callbacks):
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    (holder,) = fill(olomouc.tour, 1)
    holder.requested_parts.add(olomouc.seminar)
    Seat.objects.create(registration=holder, part=olomouc.seminar, status="confirmed", since=timezone.now())
    (waiting,) = fill(olomouc.tour, 1, status="waitlisted")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_update(registration=holder, data={"note": "Only day 1"}, parts=[olomouc.seminar])
    assert seat_statuses(holder) == {"Seminar and workshops": "confirmed", "Study tour": "cancelled"}
    assert Seat.objects.get(registration=waiting).status == "confirmed"
    assert {log.kind for log in EmailLog.objects.all()} == {"changed", "moved_up"}


def test_adding_a_full_part_joins_its_waiting_list(olomouc):
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    fill(olomouc.tour, 1)
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    services.registration_update(registration=registration, data={}, parts=[olomouc.seminar, olomouc.tour])
    assert seat_statuses(registration) == {"Seminar and workshops": "confirmed", "Study tour": "waitlisted"}


def test_readding_a_dropped_part_reuses_its_seat_row(olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour], seat_status="confirmed")
    services.registration_update(registration=registration, data={}, parts=[olomouc.seminar])
    services.registration_update(registration=registration, data={}, parts=[olomouc.seminar, olomouc.tour])
    assert seat_statuses(registration) == {"Seminar and workshops": "confirmed", "Study tour": "confirmed"}


def test_cancelled_registration_cannot_be_changed(olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    services.registration_cancel(registration=registration)
    with pytest.raises(RegistrationCancelledError):
        services.registration_update(registration=registration, data={}, parts=[olomouc.seminar])


def test_registering_again_with_the_same_address_mails_the_existing_link(olomouc, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = start(olomouc, email="Jana@Example.cz")
        start(olomouc, email="jana@example.CZ", first_name="Someone", last_name="Else")
    assert Registration.objects.count() == 1
    first.refresh_from_db()
    assert first.first_name == "Jana"  # the second attempt changed nothing
    assert [log.kind for log in EmailLog.objects.order_by("pk")] == ["confirm_address", "link_again"]
    assert mail.outbox[1].to == ["Jana@Example.cz"]


def test_cancelled_registration_does_not_block_registering_again(olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], email="back@example.cz")
    services.registration_cancel(registration=registration, notify=False)
    start(olomouc, email="BACK@example.cz")
    assert Registration.objects.filter(email__iexact="back@example.cz").count() == 2


def test_expired_pending_registration_is_replaced_by_a_new_one(olomouc):
    past = timezone.now() - datetime.timedelta(hours=1)
    old = make_registration(olomouc, parts=[olomouc.seminar], email="late@example.cz", confirm_expires_at=past)
    new = start(olomouc, email="late@example.cz")
    assert new.pk != old.pk
    assert not Registration.objects.filter(pk=old.pk).exists()


def test_registration_start_refuses_a_closed_event(olomouc):
    olomouc.registration_closes = clock.now() - datetime.timedelta(minutes=1)
    olomouc.registration_opens = clock.now() - datetime.timedelta(days=2)
    olomouc.save()
    with pytest.raises(RegistrationClosedError):
        start(olomouc)


def test_privacy_consent_records_the_version_of_the_text(olomouc):
    registration = start(olomouc, language="pl")
    assert registration.privacy_language == "pl"
    assert len(registration.privacy_version) == 12
    other = start(olomouc, email="other@example.cz", language="hu")
    assert other.privacy_version != registration.privacy_version  # the texts differ by language


def test_expire_command_deletes_only_expired_pending_registrations(olomouc, capsys):
    past = timezone.now() - datetime.timedelta(minutes=5)
    make_registration(olomouc, parts=[olomouc.seminar], confirm_expires_at=past)
    make_registration(olomouc, parts=[olomouc.seminar], confirm_expires_at=past)
    fresh = make_registration(olomouc, parts=[olomouc.seminar])
    active = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", confirm_expires_at=past)
    with translation.override("en"):
        call_command("expire_registrations")
    assert "2 unconfirmed registrations deleted." in capsys.readouterr().out
    assert set(Registration.objects.all()) == {fresh, active}


def test_capacity_is_never_exceeded_by_sequential_confirmations(olomouc):
    part = make_part(olomouc, capacity=3)
    for registration in [make_registration(olomouc, parts=[part]) for _ in range(6)]:
        services.registration_confirm(registration=registration)
    assert Seat.objects.filter(part=part, status="confirmed").count() == 3
    assert Seat.objects.filter(part=part, status="waitlisted").count() == 3


def test_confirmation_locks_the_parts_last_and_takes_few_queries(olomouc, django_capture_on_commit_callbacks):
    """In a burst, every confirmation waits for the one holding the parts' locks: after taking them,
    only the seat count and the new seats' insert come before the commit, however many parts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    registration = make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour])
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=False):
        services.registration_confirm(registration=registration)
    statements = [query["sql"] for query in queries]
    locked = next(n for n, sql in enumerate(statements) if 'FROM "registrations_part"' in sql)
    after_lock = [sql.split()[0] for sql in statements[locked + 1 :] if "SAVEPOINT" not in sql]
    assert after_lock == ["SELECT", "INSERT"], statements[locked:]
    assert len(statements) <= 10
    assert seat_statuses(registration) == {olomouc.seminar.name_en: "confirmed", olomouc.tour.name_en: "confirmed"}


def test_confirming_a_pending_registration_that_staff_gave_a_seat_keeps_one_seat(olomouc):
    """A seat added in the admin before the confirmation is updated, not doubled."""
    olomouc.seminar.capacity = 1
    olomouc.seminar.save()
    registration = make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour])
    Seat.objects.create(registration=registration, part=olomouc.seminar, status="waitlisted", since=timezone.now())
    fill(olomouc.tour, 1)
    services.registration_confirm(registration=registration)
    assert seat_statuses(registration) == {olomouc.seminar.name_en: "confirmed", olomouc.tour.name_en: "confirmed"}
    assert registration.seats.count() == 2
