"""Two gunicorn processes on one database, as in production with two app servers: confirmations raced
across both never overbook, and the rate limit counts one visitor's attempts on both together."""

import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

from registrations.models import Registration, Seat
from tests.factories import make_coming_event, make_part
from tests.registrations.conftest import form_data
from tests.registrations.services.test_race import CONFIRMATIONS, CSRF_INPUT, SEATS_LEFT, confirm_concurrently, prepare
from tests.servers import free_port, start_gunicorn

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def two_servers(transactional_db):
    ports = [free_port(), free_port()]
    servers = []
    try:
        servers.extend(start_gunicorn(port) for port in ports)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)


def test_confirmations_raced_across_two_processes_never_overbook(two_servers):
    bus, paths = prepare()
    urls = [two_servers[n % 2] + path for n, path in enumerate(paths)]
    statuses = confirm_concurrently(urls)
    assert statuses == [302] * CONFIRMATIONS
    assert Seat.objects.filter(part=bus, status="confirmed").count() == bus.capacity
    assert Seat.objects.filter(part=bus, status="waitlisted").count() == CONFIRMATIONS - SEATS_LEFT


def test_the_rate_limit_counts_attempts_on_both_processes_together(two_servers):
    # The servers run on the real clock: an event a month from now takes registrations.
    event = make_coming_event()
    make_part(event)
    path = f"/cs/events/{event.slug}/register/"
    form = urllib.request.urlopen(two_servers[0] + path, timeout=30)
    cookie = form.headers["Set-Cookie"].split(";")[0]
    token = CSRF_INPUT.search(form.read().decode()).group(1)

    def post(url: str, **changes) -> int:
        data = urlencode({**form_data(event, **changes), "csrfmiddlewaretoken": token}, doseq=True).encode()
        request = urllib.request.Request(url + path, data=data, headers={"Cookie": cookie}, method="POST")
        try:
            return urllib.request.urlopen(request, timeout=30).status
        except urllib.error.HTTPError as error:
            return error.code

    # Ten attempts with an invalid address (the form comes back, 200), alternating between the servers:
    # the eleventh is refused by either, because both count in the shared cache.
    answers = [post(two_servers[n % 2], email="not-an-address") for n in range(10)]
    assert answers == [200] * 10
    assert post(two_servers[0]) == 429
    assert post(two_servers[1]) == 429
    assert not Registration.objects.exists()
