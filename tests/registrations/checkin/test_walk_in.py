"""Walk-ins at the door: added and checked in at once, on every list; a full part warns, and only the staff
member's explicit decision seats the person over capacity, which the overview shows."""

import re

import pytest
from django.core import mail
from django.urls import reverse as django_reverse
from django.utils import translation

from registrations.admin.reports import event_overview
from registrations.models import PortalAccessLog, Registration, Seat
from registrations.printing.sources import attendance_sheet_for
from tests.factories import make_registration
from tests.registrations.staff_users import ROLES, client_for

pytestmark = pytest.mark.django_db


def reverse(name: str, *args, **kwargs) -> str:
    with translation.override("en"):
        return django_reverse(name, *args, **kwargs)


WALK_IN = {"first_name": "Ödön", "last_name": "Győrffy", "organisation": "Szentendre", "country": "HU", "email": ""}


@pytest.fixture
def organiser(client):
    return client_for(client, "organiser")


def add(client, part, **overrides):
    return client.post(reverse("registrations:checkin_walk_in", args=[part.pk]), {**WALK_IN, **overrides})


def test_a_walk_in_is_added_checked_in_and_on_the_list_the_sheet_and_the_overview(
    organiser, olomouc, django_capture_on_commit_callbacks
):
    page = organiser.get(reverse("registrations:checkin_day", args=[olomouc.seminar.pk]))
    assert reverse("registrations:checkin_walk_in", args=[olomouc.seminar.pk]) in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = add(organiser, olomouc.seminar)
    assert response.status_code == 302
    assert response["Location"] == reverse("registrations:checkin_day", args=[olomouc.seminar.pk])
    registration = Registration.objects.get(last_name="Győrffy")
    assert registration.status == Registration.Status.ACTIVE
    assert registration.language == "hu"  # the country's language, for any later e-mail
    seat = registration.seats.get()
    assert (seat.part, seat.status, seat.over_capacity) == (olomouc.seminar, Seat.Status.CONFIRMED, False)
    assert seat.checked_in_at is not None
    # On the door's list as arrived, with its count…
    day = organiser.get(response["Location"]).content.decode()
    assert "Ödön Győrffy: added and checked in." in day
    assert "Arrived 1 of 1 expected" in day
    # …on the attendance sheet, in the overview's figures, and logged as staff's doing.
    assert [row.last_name for row in attendance_sheet_for(olomouc.seminar).rows] == ["Győrffy"]
    seminar = event_overview(olomouc)["parts"][0]
    assert (seminar.confirmed_count, seminar.over_capacity_count) == (1, 0)
    log = PortalAccessLog.objects.get()
    assert (log.action, log.detail["walk_in"]) == ("checkin", True)
    assert mail.outbox == []  # no address, no e-mail


def test_a_walk_in_with_an_address_receives_the_link_to_their_registration_in_their_language(
    organiser, olomouc, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add(organiser, olomouc.seminar, country="PL", first_name="Łukasz", last_name="Żółć", email="lukasz@example.pl")
    [message] = mail.outbox
    assert message.to == ["lukasz@example.pl"]
    assert "/pl/registration/" in message.body


def test_two_walk_ins_without_an_address_are_both_added(organiser, olomouc):
    add(organiser, olomouc.seminar)
    add(organiser, olomouc.seminar, first_name="Anna", last_name="Kovács")
    assert Registration.objects.filter(email="").count() == 2


def test_an_address_already_registered_is_refused_with_a_message(organiser, olomouc):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", email="known@example.org")
    response = add(organiser, olomouc.seminar, email="KNOWN@example.org")
    assert response.status_code == 200
    assert "already registered for this event" in response.content.decode()
    assert not Registration.objects.filter(last_name="Győrffy").exists()


def test_a_full_part_warns_and_seats_nobody_without_the_staff_decision(organiser, olomouc):
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    form = organiser.get(reverse("registrations:checkin_walk_in", args=[olomouc.tour.pk])).content.decode()
    assert "This part of the programme is full (capacity: 1)" in form
    assert 'name="over_capacity"' in form
    assert 'name="warned"' in form
    response = add(organiser, olomouc.tour)
    assert response.status_code == 200
    assert not Registration.objects.filter(last_name="Győrffy").exists()
    # The staff member confirms: seated over capacity, recorded on the seat and in the overview.
    response = add(organiser, olomouc.tour, over_capacity="on", warned="True")
    assert response.status_code == 302
    seat = Seat.objects.get(registration__last_name="Győrffy")
    assert (seat.status, seat.over_capacity) == (Seat.Status.CONFIRMED, True)
    tour = event_overview(olomouc)["parts"][1]
    assert (tour.confirmed_count, tour.over_capacity_count) == (2, 1)
    overview = organiser.get(reverse("admin:registrations_registration_overview", args=[olomouc.pk]))
    assert "(of which 1 over capacity by staff decision)" in re.sub(r"\s+", " ", overview.content.decode())


def test_the_last_seat_taken_meanwhile_turns_into_the_warning(organiser, olomouc):
    """The form was opened with a seat free; it went before the form was sent: nobody is seated silently."""
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    organiser.get(reverse("registrations:checkin_walk_in", args=[olomouc.tour.pk]))
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    response = add(organiser, olomouc.tour, over_capacity="on")  # not offered yet, so not taken into account
    assert response.status_code == 200
    assert "This part of the programme is full" in response.content.decode()
    assert not Registration.objects.filter(last_name="Győrffy").exists()


def test_bad_input_is_a_clear_message(organiser, olomouc):
    response = add(organiser, olomouc.seminar, first_name="Ödön\nBcc: x@example.org", country="XX", email="nope")
    html = response.content.decode()
    assert response.status_code == 200
    assert "on one line" in html
    assert "Select a valid choice" in html
    assert not Registration.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_organisers_add_walk_ins(client, olomouc, role):
    response = add(client_for(client, role), olomouc.seminar)
    assert Registration.objects.exists() == (role == "organiser")
    assert response.status_code == {"anonymous": 302, "partner": 403, "editor": 403, "organiser": 302}[role]
