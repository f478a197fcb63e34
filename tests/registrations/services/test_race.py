"""The race: many confirmations at once for the last seats, against a live server on a real database.

Each of 50 threads first opens its confirmation page (GET) to receive the CSRF cookie and token, as a
browser would: the confirm POST keeps Django's CSRF protection rather than trusting the URL token alone.
A barrier then releases all 50 POSTs at the same moment. The live server answers each in its own thread
with its own database connection, so the seat lock is what stands between them and overbooking.

The control runs take the guards away from the outside: the confirmation gets no transaction (each query
commits on its own, so SQLite no longer lets one writer in at a time) and no row lock, and the
gap between counting the seats and taking them is widened, so it overbooks every time, not only when the
scheduler happens to interleave threads. It proves the main test would catch a missing lock.

With seats reserved per country, bursts from four countries at once never give a country more than its
reservation and the open seats, nor the bus more than its capacity; the same control shows the overbooking.
"""

import contextlib
import http.client
import re
import threading
import time
import types
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import translation

from registrations import selectors
from registrations.models import CountryReservation, Seat
from registrations.services import registration
from tests.factories import make_coming_event, make_part, make_registration

CONFIRMATIONS = 50
SEATS_LEFT = 10
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def confirm_concurrently(urls: list[str], data: dict | None = None) -> list[int]:
    """POST each confirmation URL at the same moment (the URLs may point at different servers), with the
    form's CSRF token and `data`."""
    barrier = threading.Barrier(len(urls), timeout=120)

    def confirm(url: str) -> int:
        address = urllib.parse.urlsplit(url)
        path = address.path
        page = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        page.request("GET", path)
        response = page.getresponse()
        html = response.read().decode()
        cookie = response.getheader("Set-Cookie").split(";")[0]
        token = CSRF_INPUT.search(html).group(1)
        page.close()
        post = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        body = urllib.parse.urlencode({**(data or {}), "csrfmiddlewaretoken": token}, doseq=True)
        headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
        post.connect()  # connected beforehand, so the 50 requests really arrive together
        barrier.wait()
        post.request("POST", path, body=body, headers=headers)
        status = post.getresponse().status
        post.close()
        return status

    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        return list(pool.map(confirm, urls))


def prepare():
    """A bus with 12 seats of which 2 are taken, and 50 people who registered and have not yet confirmed."""
    event = make_coming_event()
    bus = make_part(event, capacity=SEATS_LEFT + 2)
    for _ in range(2):
        make_registration(event, parts=[bus], seat_status="confirmed")
    pending = [make_registration(event, parts=[bus], language="en") for _ in range(CONFIRMATIONS)]
    with translation.override("en"):
        paths = [reverse("registrations:confirm", kwargs={"token": r.token}) for r in pending]
    return bus, paths


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_confirmations_never_overbook_ten_seats(live_server):
    bus, paths = prepare()
    statuses = confirm_concurrently([live_server.url + path for path in paths])
    assert statuses == [302] * CONFIRMATIONS  # every confirmation answered: no 500, no 503 "busy"
    new_seats = Seat.objects.filter(part=bus).exclude(registration__confirmed_at=None)
    assert Seat.objects.filter(part=bus, status="confirmed").count() == bus.capacity
    assert new_seats.filter(status="waitlisted").count() == CONFIRMATIONS - SEATS_LEFT
    assert Seat.objects.filter(part=bus).count() == CONFIRMATIONS + 2


@pytest.mark.django_db(transaction=True)
def test_without_the_lock_the_same_race_overbooks(live_server, monkeypatch):
    without_the_lock(monkeypatch)
    bus, paths = prepare()
    confirm_concurrently([live_server.url + path for path in paths])
    assert Seat.objects.filter(part=bus, status="confirmed").count() > bus.capacity


def without_the_lock(monkeypatch) -> None:
    """The control runs' confirmation: no transaction, no row lock, and a wide gap between counting the
    seats and taking them."""
    counted = selectors.seats_on_parts

    def counted_slowly(*args, **kwargs):
        answer = counted(*args, **kwargs)
        time.sleep(0.5)
        return answer

    no_transaction = types.SimpleNamespace(atomic=lambda *args, **kwargs: contextlib.nullcontext())
    monkeypatch.setattr(registration, "transaction", no_transaction)
    monkeypatch.setattr(QuerySet, "select_for_update", lambda queryset, *args, **kwargs: queryset)
    monkeypatch.setattr(selectors, "seats_on_parts", counted_slowly)


# Seats reserved per country: a bus of 20 keeps 4 seats each for Czechia, Slovakia and Poland (Hungary
# reserves none), 8 are open to everyone; ten people of each of the four countries confirm at once.
RESERVED = {"CZ": 4, "SK": 4, "PL": 4}
BUS = 20
PER_COUNTRY = 10


def prepare_reserved_bus():
    event = make_coming_event()
    bus = make_part(event, capacity=BUS)
    for country, reserved in RESERVED.items():
        CountryReservation.objects.create(part=bus, country=country, seats=reserved)
    pending = [
        make_registration(event, parts=[bus], language="en", country=country)
        for _ in range(PER_COUNTRY)
        for country in ("CZ", "SK", "PL", "HU")
    ]
    with translation.override("en"):
        paths = [reverse("registrations:confirm", kwargs={"token": r.token}) for r in pending]
    return bus, paths


def confirmed_by_country(bus) -> dict[str, int]:
    confirmed = Seat.objects.filter(part=bus, status="confirmed")
    return dict(confirmed.values_list("registration__country").annotate(count=Count("pk")).order_by())


@pytest.mark.django_db(transaction=True)
def test_bursts_from_four_countries_keep_each_countrys_reservation_and_the_capacity(live_server):
    bus, paths = prepare_reserved_bus()
    statuses = confirm_concurrently([live_server.url + path for path in paths])
    assert statuses == [302] * len(paths)
    counts = confirmed_by_country(bus)
    open_seats = BUS - sum(RESERVED.values())
    assert sum(counts.values()) == BUS  # the bus is full, never more
    for country in ("CZ", "SK", "PL", "HU"):
        # Never more than the country's reservation and every open seat; and its reservation is its own:
        # ten people wanted seats from each country, so each reserving country has all its reserved seats.
        assert counts.get(country, 0) <= RESERVED.get(country, 0) + open_seats, counts
        assert counts.get(country, 0) >= RESERVED.get(country, 0), counts
    # Whoever took an open seat, exactly the open seats went beyond the reservations.
    assert sum(max(counts.get(c, 0) - RESERVED.get(c, 0), 0) for c in counts) == open_seats
    assert Seat.objects.filter(part=bus, status="waitlisted").count() == len(paths) - BUS


@pytest.mark.django_db(transaction=True)
def test_without_the_lock_the_reservation_burst_overbooks(live_server, monkeypatch):
    without_the_lock(monkeypatch)
    bus, paths = prepare_reserved_bus()
    confirm_concurrently([live_server.url + path for path in paths])
    counts = confirmed_by_country(bus)
    open_seats = BUS - sum(RESERVED.values())
    overbooked_country = any(counts.get(c, 0) > RESERVED.get(c, 0) + open_seats for c in counts)
    assert sum(counts.values()) > BUS or overbooked_country, counts


@pytest.mark.django_db(transaction=True)
def test_simultaneous_changes_on_private_pages_never_overbook_the_bus(live_server):
    """Twenty registrants of the seminar add the study tour at the same moment, five seats left on the bus:
    the parts' locks (PostgreSQL) and SQLite's immediate write transactions let them in one at a time.
    (SQLite without them answers most of them "busy": each change reads before it writes.)"""
    from tests.registrations.conftest import form_data

    event = make_coming_event()
    seminar, bus = make_part(event, order=1), make_part(event, order=2, capacity=7)
    for _ in range(2):
        make_registration(event, parts=[bus], seat_status="confirmed")
    changing = [make_registration(event, parts=[seminar], seat_status="confirmed", language="en") for _ in range(20)]
    with translation.override("en"):
        paths = [reverse("registrations:manage", kwargs={"token": r.token}) for r in changing]
    data = {key: value for key, value in form_data(event).items() if key not in {"email", "privacy", "website"}}
    statuses = confirm_concurrently([live_server.url + path for path in paths], {**data, "parts": [seminar.pk, bus.pk]})
    assert statuses == [302] * len(paths)  # every change saved or refused by the rules: none "busy", none 500
    assert Seat.objects.filter(part=bus, status="confirmed").count() == bus.capacity
    assert Seat.objects.filter(part=bus, status="waitlisted").count() == len(paths) - 5
