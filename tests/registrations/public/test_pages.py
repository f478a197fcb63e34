"""The registration box on the event page and the call on the home page: content and query counts."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_open_event, make_part, make_registration

pytestmark = pytest.mark.django_db


def event_url(event, language="en"):
    with translation.override(language):
        return reverse("events:detail", kwargs={"slug": event.slug})


def home_url(language="en"):
    with translation.override(language):
        return reverse("events:home")


def test_event_page_shows_seats_left_and_the_register_button(client, olomouc):
    olomouc.tour.capacity = 2
    olomouc.tour.save()
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted")
    make_registration(olomouc, parts=[olomouc.tour])  # pending: holds no seat
    html = client.get(event_url(olomouc)).content.decode()
    assert "1 seat left" in html
    assert "119 seats left" not in html
    assert "120 seats left" in html
    with translation.override("en"):
        assert reverse("registrations:register", kwargs={"slug": olomouc.slug}) in html


def test_full_part_is_announced_as_waiting_list(client, olomouc):
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    assert "full — you will join the waiting list" in client.get(event_url(olomouc)).content.decode()


def test_home_page_calls_to_register_with_a_link_to_the_form(client, olomouc):
    html = client.get(home_url()).content.decode()
    with translation.override("en"):
        assert reverse("registrations:register", kwargs={"slug": olomouc.slug}) in html
    assert "Study tour" in html


def add_load(size: int) -> None:
    for _ in range(size):
        event = make_open_event()
        part = make_part(event, capacity=5)
        for _ in range(size):
            make_registration(event, parts=[part], seat_status="confirmed")


@pytest.mark.parametrize("size", [1, 6])
def test_event_page_queries_stay_few_whatever_the_data(client, olomouc, size, django_assert_max_num_queries):
    add_load(size)
    for _ in range(size):
        make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour], seat_status="confirmed")
    with django_assert_max_num_queries(10):
        assert client.get(event_url(olomouc)).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_home_page_queries_stay_few_whatever_the_data(client, olomouc, size, django_assert_max_num_queries):
    add_load(size)
    with django_assert_max_num_queries(10):
        response = client.get(home_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="register-call"') == size + 1
