"""The race: many confirmations at once for the last seats, against a live server on a real database.

Each of 50 threads first opens its confirmation page (GET) to receive the CSRF cookie and token, as a
browser would: the confirm POST keeps Django's CSRF protection rather than trusting the URL token alone.
A barrier then releases all 50 POSTs at the same moment. The live server answers each in its own thread
with its own database connection, so the seat lock is what stands between them and overbooking.

The control run switches the lock off (services.SEAT_LOCKING, a test-only switch: the confirmed seats
are then counted in an autocommit read before the write transaction) and widens the gap between count
and write with services.UNLOCKED_RACE_WINDOW_SECONDS, so it overbooks every time, not only when the
scheduler happens to interleave threads. It proves the main test would catch a missing lock.
"""

import http.client
import re
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import reverse
from django.utils import translation

from registrations import services
from registrations.models import Seat
from tests.factories import make_coming_event, make_part, make_registration

CONFIRMATIONS = 50
SEATS_LEFT = 10
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def confirm_concurrently(urls: list[str]) -> list[int]:
    """POST each confirmation URL at the same moment (the URLs may point at different servers)."""
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
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token})
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
    monkeypatch.setattr(services, "SEAT_LOCKING", False)
    monkeypatch.setattr(services, "UNLOCKED_RACE_WINDOW_SECONDS", 0.5)
    bus, paths = prepare()
    confirm_concurrently([live_server.url + path for path in paths])
    assert Seat.objects.filter(part=bus, status="confirmed").count() > bus.capacity
