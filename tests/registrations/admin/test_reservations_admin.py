"""Organisers reserve seats per country on a part's page: never more than its capacity."""

import pytest
from django.urls import reverse

from registrations.models import CountryReservation, Seat
from tests.factories import make_registration
from tests.registrations.admin.test_admin import part_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    from registrations.roles import ORGANISERS

    user = django_user_model.objects.create_user("organiser", "org@example.cz", "organiser-password", is_staff=True)
    user.groups.add(django_user_model.groups.rel.model.objects.get(name=ORGANISERS))
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def with_reservations(data: dict, **seats_by_country) -> dict:
    data = {**data, "reservations-TOTAL_FORMS": len(seats_by_country), "reservations-INITIAL_FORMS": 0}
    for n, (country, seats) in enumerate(seats_by_country.items()):
        data[f"reservations-{n}-country"] = country
        data[f"reservations-{n}-seats"] = seats
    return data


def test_an_organiser_reserves_the_bus_for_the_four_countries(staff_client, olomouc):
    url = reverse("admin:registrations_part_change", args=[olomouc.tour.pk])
    page = staff_client.get(url).content.decode()
    assert "reservations-TOTAL_FORMS" in page
    response = staff_client.post(url, with_reservations(part_form(olomouc.tour), CZ=12, SK=11, PL=11, HU=11))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert dict(CountryReservation.objects.values_list("country", "seats")) == {"CZ": 12, "SK": 11, "PL": 11, "HU": 11}


@pytest.mark.parametrize("language", ["en", "cs"])
def test_reservations_above_the_capacity_are_refused_with_a_clear_message(staff_client, olomouc, language):
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    url = reverse("admin:registrations_part_change", args=[olomouc.tour.pk])
    response = staff_client.post(url, with_reservations(part_form(olomouc.tour), CZ=12, SK=12, PL=11, HU=11))
    assert response.status_code == 200
    expected = {
        "en": "The reserved seats (46) exceed the capacity of the part (45).",
        "cs": "Vyhrazená místa (46) přesahují kapacitu části programu (45).",
    }[language]
    assert expected in response.content.decode()
    assert not CountryReservation.objects.exists()


def test_a_capacity_lowered_below_the_reservations_is_refused(staff_client, olomouc):
    CountryReservation.objects.create(part=olomouc.tour, country="CZ", seats=20)
    url = reverse("admin:registrations_part_change", args=[olomouc.tour.pk])
    data = part_form(olomouc.tour, capacity=10)
    data.update(
        {
            "reservations-TOTAL_FORMS": 1,
            "reservations-INITIAL_FORMS": 1,
            "reservations-0-id": CountryReservation.objects.get().pk,
            "reservations-0-part": olomouc.tour.pk,
            "reservations-0-country": "CZ",
            "reservations-0-seats": 20,
        }
    )
    response = staff_client.post(url, data)
    assert "The reserved seats (20) exceed the capacity of the part (10)." in response.content.decode()
    olomouc.tour.refresh_from_db()
    assert olomouc.tour.capacity == 45


def test_a_part_without_a_capacity_cannot_reserve_seats(staff_client, olomouc):
    url = reverse("admin:registrations_part_change", args=[olomouc.tour.pk])
    response = staff_client.post(url, with_reservations(part_form(olomouc.tour, capacity=""), CZ=5))
    assert "Seats can be reserved only on a part with a capacity." in response.content.decode()


def test_a_smaller_reservation_hands_its_seats_to_the_waiting_list(staff_client, olomouc):
    tour = olomouc.tour
    tour.capacity = 2
    tour.save()
    reservation = CountryReservation.objects.create(part=tour, country="CZ", seats=2)
    waiting = make_registration(olomouc, parts=[tour], seat_status="waitlisted", country="SK")
    data = part_form(tour)
    data.update(
        {
            "reservations-TOTAL_FORMS": 1,
            "reservations-INITIAL_FORMS": 1,
            "reservations-0-id": reservation.pk,
            "reservations-0-part": tour.pk,
            "reservations-0-country": "CZ",
            "reservations-0-seats": 1,
        }
    )
    response = staff_client.post(reverse("admin:registrations_part_change", args=[tour.pk]), data, follow=True)
    assert Seat.objects.get(registration=waiting).status == "confirmed"
    assert "1 person moved up from the waiting list" in response.content.decode()


def test_the_overview_shows_free_seats_per_country_and_the_release_date(staff_client, olomouc):
    from v4project import clock

    tour = olomouc.tour
    tour.reservations_release_at = clock.now()
    tour.save()
    CountryReservation.objects.create(part=tour, country="CZ", seats=12)
    CountryReservation.objects.create(part=tour, country="HU", seats=11)
    make_registration(olomouc, parts=[tour], seat_status="confirmed", country="HU")
    response = staff_client.get(reverse("admin:registrations_registration_overview", args=[olomouc.pk]))
    html = response.content.decode()
    assert f'id="country-seats-{tour.pk}"' in html
    assert "Seats reserved per country: Study tour" in html
    assert "become open to everyone and go to the waiting list in its order" in html
    (reserved,) = response.context["reserved_parts"]
    assert [(row["country"], row["left"]) for row in reserved.country_seats] == [("CZ", 12), ("HU", 10)]
    assert (reserved.open_seats, reserved.open_seats_left) == (22, 22)


def test_the_same_country_twice_is_refused_without_an_error_page(staff_client, olomouc):
    url = reverse("admin:registrations_part_change", args=[olomouc.tour.pk])
    data = with_reservations(part_form(olomouc.tour), CZ=5)
    data.update({"reservations-TOTAL_FORMS": 2, "reservations-1-country": "CZ", "reservations-1-seats": 3})
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Please correct the duplicate data for" in response.content.decode()
    assert not CountryReservation.objects.exists()


def test_moving_someone_up_by_hand_keeps_the_seats_reserved_for_another_country(staff_client, olomouc):
    tour = olomouc.tour
    tour.capacity = 2
    tour.save()
    CountryReservation.objects.create(part=tour, country="CZ", seats=1)
    make_registration(olomouc, parts=[tour], seat_status="confirmed", country="SK")
    slovak = make_registration(olomouc, parts=[tour], seat_status="waitlisted", country="SK")
    czech = make_registration(olomouc, parts=[tour], seat_status="waitlisted", country="CZ")
    changelist = reverse("admin:registrations_registration_changelist")
    staff_client.post(changelist, {"action": "move_up", "_selected_action": [slovak.pk]})
    assert Seat.objects.get(registration=slovak).status == "waitlisted"
    staff_client.post(changelist, {"action": "move_up", "_selected_action": [czech.pk]})
    assert Seat.objects.get(registration=czech).status == "confirmed"
