"""Seats reserved per country: the country's reserved seat first, then an open one, then the waiting list;
on the release date the unused reserved seats go to the waiting list in its order."""

import datetime

import pytest
from django.core import mail

from registrations import tasks
from registrations.models import CountryReservation, EmailLog, Seat
from registrations.selectors import waitlist_position
from registrations.services import registration as services
from registrations.services import reservations
from tests.factories import make_registration
from v4project import clock

pytestmark = pytest.mark.django_db


def reserve(part, *, capacity=None, release_at=None, **seats_by_country):
    if capacity is not None:
        part.capacity = capacity
    part.reservations_release_at = release_at
    part.save()
    for country, seats in seats_by_country.items():
        CountryReservation.objects.create(part=part, country=country, seats=seats)
    return part


def confirm(event, part, country, **overrides):
    registration = make_registration(event, parts=[part], country=country, **overrides)
    services.registration_confirm(registration=registration)
    return registration


def status(registration, part) -> str:
    return Seat.objects.get(registration=registration, part=part).status


def test_a_confirmation_takes_its_countrys_reserved_seat_then_an_open_one_then_waits(olomouc):
    tour = reserve(olomouc.tour, capacity=4, CZ=1, SK=1)  # two open seats
    czech = [confirm(olomouc, tour, "CZ") for _ in range(4)]
    assert [status(person, tour) for person in czech] == ["confirmed", "confirmed", "confirmed", "waitlisted"]
    # The Slovak reserved seat is still there for a Slovak; a Pole finds the bus full.
    assert status(confirm(olomouc, tour, "SK"), tour) == "confirmed"
    assert status(confirm(olomouc, tour, "PL"), tour) == "waitlisted"
    assert status(confirm(olomouc, tour, "OTHER"), tour) == "waitlisted"
    assert Seat.objects.filter(part=tour, status="confirmed").count() == 4


def test_a_country_without_a_free_reserved_seat_waits_while_another_countrys_stay_free(olomouc):
    tour = reserve(olomouc.tour, capacity=3, HU=2)  # one open seat
    assert status(confirm(olomouc, tour, "PL"), tour) == "confirmed"
    late = confirm(olomouc, tour, "PL")
    assert status(late, tour) == "waitlisted"
    assert status(confirm(olomouc, tour, "HU"), tour) == "confirmed"
    assert status(confirm(olomouc, tour, "HU"), tour) == "confirmed"
    assert status(late, tour) == "waitlisted"


def test_without_reservations_the_bus_fills_as_before(olomouc):
    tour = reserve(olomouc.tour, capacity=2)
    statuses = [status(confirm(olomouc, tour, country), tour) for country in ("HU", "PL", "SK")]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]


def test_a_freed_reserved_seat_goes_to_the_first_waiting_from_its_country(olomouc, django_capture_on_commit_callbacks):
    tour = reserve(olomouc.tour, capacity=2, CZ=1)
    czech = confirm(olomouc, tour, "CZ")
    confirm(olomouc, tour, "SK")  # the open seat
    polish = confirm(olomouc, tour, "PL")
    second_czech = confirm(olomouc, tour, "CZ", language="hu")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=czech)
    assert status(second_czech, tour) == "confirmed"
    assert status(polish, tour) == "waitlisted"
    assert waitlist_position(Seat.objects.get(registration=polish)) == 1
    (moved_up,) = [message for message in mail.outbox if message.to == [second_czech.email]]
    assert "Tanulmányút" in moved_up.body


def test_on_the_release_date_unused_reserved_seats_go_to_the_waiting_list_in_its_order(
    olomouc, django_capture_on_commit_callbacks
):
    now = clock.now()
    tour = reserve(olomouc.tour, capacity=3, release_at=now + datetime.timedelta(days=1), CZ=2)
    confirm(olomouc, tour, "SK")  # the open seat
    first = confirm(olomouc, tour, "PL", language="pl")
    second = confirm(olomouc, tour, "HU", language="hu")
    third = confirm(olomouc, tour, "SK")
    assert [status(person, tour) for person in (first, second, third)] == ["waitlisted"] * 3
    mail.outbox.clear()
    # Before the date, the job changes nothing.
    assert tasks.release_country_reservations.call() == 0
    assert status(first, tour) == "waitlisted"

    tour.reservations_release_at = now - datetime.timedelta(minutes=1)
    tour.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.release_country_reservations.call() == 2
    assert [status(person, tour) for person in (first, second, third)] == ["confirmed", "confirmed", "waitlisted"]
    assert waitlist_position(Seat.objects.get(registration=third)) == 1
    assert {message.to[0] for message in mail.outbox} == {first.email, second.email}
    polish = next(message for message in mail.outbox if message.to == [first.email])
    assert "Wizyta studyjna" in polish.body
    assert EmailLog.objects.filter(kind=EmailLog.Kind.MOVED_UP).count() == 2
    # Released once: the next run, and a later Czech confirmation, find only the waiting list.
    assert tasks.release_country_reservations.call() == 0
    assert status(confirm(olomouc, tour, "CZ"), tour) == "waitlisted"


def test_after_the_release_a_cancelled_seat_goes_to_the_first_in_line_whatever_the_country(olomouc):
    tour = reserve(olomouc.tour, capacity=2, release_at=clock.now() - datetime.timedelta(hours=1), CZ=1)
    czech = confirm(olomouc, tour, "CZ")
    confirm(olomouc, tour, "SK")
    hungarian, second_czech = confirm(olomouc, tour, "HU"), confirm(olomouc, tour, "CZ")
    reservations.reservations_release_due()
    services.registration_cancel(registration=czech)
    assert status(hungarian, tour) == "confirmed"
    assert status(second_czech, tour) == "waitlisted"


def test_moving_the_release_date_back_into_the_future_puts_the_reservations_in_force_again(olomouc):
    tour = reserve(olomouc.tour, capacity=1, release_at=clock.now() - datetime.timedelta(hours=1), CZ=1)
    reservations.reservations_release_due()
    tour.refresh_from_db()
    assert tour.reservations_released_at is not None
    tour.reservations_release_at = clock.now() + datetime.timedelta(days=3)
    reservations.part_save(part=tour)
    tour.refresh_from_db()
    assert tour.reservations_released_at is None
    assert status(confirm(olomouc, tour, "SK"), tour) == "waitlisted"
    assert status(confirm(olomouc, tour, "CZ"), tour) == "confirmed"
