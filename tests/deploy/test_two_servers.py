"""Two app servers and two task workers that share nothing but the database and Redis, as docs/deploy.md
runs several machines: each server has its own MEDIA_ROOT (no shared disk), its own memory of cached pages,
and learns of a change made anywhere from Redis."""

import collections
import concurrent.futures
import http.cookiejar
import re
import urllib.request

import pytest
import redis

from registrations.models import EmailLog, Registration, Seat
from tests.factories import make_coming_event, make_part, make_registration
from tests.servers import free_port, start_gunicorn
from tests.smtp import smtp_server
from tests.workers import log_of, start_worker, stop
from v4project.pagecache import version

pytestmark = pytest.mark.django_db(transaction=True)

# A Redis database of the tests' own, emptied before and after.
REDIS_URL = "redis://127.0.0.1:6379/12"
DATABASE_TASKS = "django_tasks_db.DatabaseBackend"
SEATS_LEFT = re.compile(r"(\d+) seats? left")


@pytest.fixture
def shared_redis(settings):
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    # This test process saves content too, like a third server: its changes are published as theirs are.
    settings.REDIS_URL = REDIS_URL
    yield client
    client.flushdb()


class Browser:
    """One visitor of one server, with its own cookies."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def post_form(self, path: str) -> int:
        """GET the page for its CSRF token, then POST its form, as a browser does."""
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path)).group(1)
        request = urllib.request.Request(
            self.base + path, data=f"csrfmiddlewaretoken={token}".encode(), headers={"Referer": self.base + path}
        )
        with self.opener.open(request, timeout=30) as response:
            return response.status


def seats_left(html: str) -> int:
    return int(SEATS_LEFT.search(html).group(1))


def anonymous_page(base: str, path: str) -> str:
    """A visitor without cookies: the one the page cache answers."""
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.read().decode()


def test_a_change_on_one_server_is_seen_on_the_other_and_a_burst_across_both_overbooks_nothing(
    tmp_path, settings, shared_redis
):
    settings.TASKS = {"default": {"BACKEND": DATABASE_TASKS}}
    event = make_coming_event(title_en="Closing seminar")
    part = make_part(event, capacity=20)
    pending = [make_registration(event, parts=[part], language="en") for _ in range(41)]
    environment = {"REDIS_URL": REDIS_URL, "TEST_TASKS_BACKEND": DATABASE_TASKS}
    ports = free_port(), free_port()
    media = [tmp_path / f"media-{n}" for n in (0, 1)]
    for folder in media:
        # Each machine ran `migrate`, which leaves a page cache stamp in its own MEDIA_ROOT: without Redis,
        # each server would go by its own and keep serving its pages after a change made on the other.
        folder.mkdir()
        (folder / version.STAMP_NAME).write_text(folder.name)
    servers = [
        start_gunicorn(port, env={**environment, "TEST_MEDIA_ROOT": str(folder)})
        for port, folder in zip(ports, media, strict=True)
    ]
    with smtp_server() as (sink, smtp_port):
        workers = [start_worker(smtp_port=smtp_port, REDIS_URL=REDIS_URL) for _ in range(2)]
        try:
            one, other = (f"http://127.0.0.1:{port}" for port in ports)
            form = f"/en/events/{event.slug}/register/"
            for base in (one, other):
                anonymous_page(base, form)  # kept in each server's memory
                assert seats_left(anonymous_page(base, form)) == 20

            # A confirmation on one server: the other's cached form shows the seat taken, at once.
            first = pending.pop()
            assert Browser(one).post_form(f"/en/registration/{first.token}/confirm/") == 200
            assert seats_left(anonymous_page(other, form)) == 19
            assert seats_left(anonymous_page(one, form)) == 19

            # A content save elsewhere (here, this test's process): both servers show it at once.
            event.title_en = "Closing seminar in Olomouc"
            event.save()
            for base in (one, other):
                assert "Closing seminar in Olomouc" in anonymous_page(base, f"/en/events/{event.slug}/")

            # The other 40 confirm at once, half on each server, for the 19 seats left.
            def confirm(pair: tuple[int, Registration]) -> int:
                n, registration = pair
                return Browser(ports_base[n % 2]).post_form(f"/en/registration/{registration.token}/confirm/")

            ports_base = (one, other)
            with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
                statuses = list(pool.map(confirm, enumerate(pending)))
            assert statuses == [200] * 40

            seats = collections.Counter(Seat.objects.filter(part=part).values_list("status", flat=True))
            assert seats == {"confirmed": 20, "waitlisted": 21}
            for base in (one, other):
                assert "full — you will join the waiting list" in anonymous_page(base, form)

            # Every confirmation e-mail leaves once, whichever worker took it.
            sink.wait_for(41, seconds=90)
            received = collections.Counter(sink.recipients())
        finally:
            for worker in workers:
                stop(worker)
            for server in servers:
                server.terminate()
                server.wait(timeout=20)
    assert received == {registration.email: 1 for registration in [*pending, first]}, log_of(workers[0])
    assert not EmailLog.objects.filter(sent_at__isnull=True).exists()
