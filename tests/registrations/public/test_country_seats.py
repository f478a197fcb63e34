"""Free seats per country on the event page and the form, where seats are reserved for countries; a
confirmation or a new reservation shows at once (the page cache is emptied)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from registrations.models import CountryReservation
from registrations.services import registration as services
from registrations.services import reservations
from tests.factories import make_registration
from tests.registrations.public.test_pages import event_url
from v4project import clock

pytestmark = pytest.mark.django_db


def form_url(event, language="en"):
    with translation.override(language):
        return reverse("registrations:register", kwargs={"slug": event.slug})


@pytest.fixture
def reserved_bus(olomouc):
    for country, seats in {"CZ": 12, "SK": 11, "PL": 11, "HU": 10}.items():
        CountryReservation.objects.create(part=olomouc.tour, country=country, seats=seats)
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed", country="SK")
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed", country="OTHER")
    return olomouc


def test_the_event_page_shows_free_seats_per_country_and_follows_a_confirmation(client, reserved_bus):
    expected = "Free seats reserved per country: Czechia 12, Slovakia 10, Poland 11, Hungary 10; open to everyone: 0"
    assert expected in client.get(event_url(reserved_bus)).content.decode()
    czech = make_registration(reserved_bus, parts=[reserved_bus.tour], country="CZ")
    services.registration_confirm(registration=czech)
    html = client.get(event_url(reserved_bus)).content.decode()
    assert "Czechia 11, Slovakia 10" in html
    # The seminar reserves nothing: no such line for it.
    assert html.count("Free seats reserved per country") == 1


# The page cache goes out of date when a save commits: these tests commit, as production does.
@pytest.mark.django_db(transaction=True)
def test_a_new_reservation_and_its_release_empty_the_page_cache(client, olomouc, django_assert_num_queries):
    assert "Free seats reserved per country" not in client.get(event_url(olomouc)).content.decode()
    with django_assert_num_queries(0):  # the page is cached
        client.get(event_url(olomouc))
    CountryReservation.objects.create(part=olomouc.tour, country="HU", seats=5)
    assert "Hungary 5; open to everyone: 40" in client.get(event_url(olomouc)).content.decode()
    olomouc.tour.reservations_release_at = clock.now() - datetime.timedelta(minutes=1)
    olomouc.tour.save()
    client.get(event_url(olomouc))
    reservations.reservations_release_due()
    assert "Free seats reserved per country" not in client.get(event_url(olomouc)).content.decode()


def test_the_form_shows_free_seats_per_country_next_to_the_part(client, reserved_bus):
    html = client.get(form_url(reserved_bus)).content.decode()
    assert "Study tour" in html
    assert "Free seats reserved per country: Czechia 12, Slovakia 10, Poland 11, Hungary 10" in html


def test_the_free_seats_per_country_are_in_the_readers_language(client, reserved_bus):
    html = client.get(form_url(reserved_bus, "hu")).content.decode()
    assert "Csehország 12" in html
    assert "Free seats reserved per country" not in html
