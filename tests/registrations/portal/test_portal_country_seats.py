"""The portal shows every partner the free seats per country of a part that reserves seats for countries."""

import pytest

from registrations.models import CountryReservation
from tests.registrations.portal.portal_world import list_url, login

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["partner-pl", "organiser"])
def test_the_participant_list_shows_free_seats_per_country_of_everyone(client, accounts, olomouc, role):
    # Two confirmed on the bus from each country (portal_world), whoever the partner may see.
    for country in ("CZ", "SK", "PL", "HU"):
        CountryReservation.objects.create(part=olomouc.tour, country=country, seats=5)
    login(client, role)
    response = client.get(list_url())
    html = response.content.decode()
    assert "Seats reserved per country: Study tour" in html
    (tour,) = [part for part in response.context["parts"] if part.country_seats]
    assert [(row["label"], row["reserved"], row["left"]) for row in tour.country_seats] == [
        ("Czechia", 5, 3),
        ("Slovakia", 5, 3),
        ("Poland", 5, 3),
        ("Hungary", 5, 3),
    ]
    assert (tour.open_seats, tour.open_seats_left) == (25, 25)


def test_without_reservations_the_portal_shows_no_such_table(client, accounts, olomouc):
    login(client, "partner-hu")
    assert "Seats reserved per country" not in client.get(list_url()).content.decode()
