"""Deployed as docs/deploy.md says: gunicorn behind docs/deploy/nginx.conf, TRUSTED_PROXIES set to nginx's
address. Visitors at different addresses are told apart, a forged X-Forwarded-For changes nothing, and no
secret of a private link reaches nginx's logs, even while the application is down."""

import pytest
from django.contrib.auth import get_user_model

from registrations.models import Registration
from registrations.tokens import new_token
from tests.factories import make_registration
from tests.registrations.conftest import form_data
from tests.servers import Visitor, free_port, start_gunicorn, start_nginx

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-password-123"
LOCKED = "Too many failed attempts. Please try again in 15 minutes."


@pytest.fixture(scope="module")
def app_port(django_db_setup):
    port = free_port()
    server = start_gunicorn(port, env={"TRUSTED_PROXIES": "127.0.0.1", "SECURE_PROXY_SSL_HEADER": "1"})
    yield port
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="module")
def nginx(app_port, tmp_path_factory):
    server = start_nginx(tmp_path_factory.mktemp("nginx"), upstream_port=app_port)
    yield server
    server.stop()


def visitor(nginx, n: int, *, block: int = 1) -> Visitor:
    return Visitor(nginx, f"127.0.{block}.{n}")


def register_path(event) -> str:
    return f"/cs/events/{event.slug}/register/"


def test_fifteen_visitors_from_fifteen_addresses_all_register(nginx, olomouc):
    for n in range(1, 16):
        response = visitor(nginx, n).post_form(register_path(olomouc), form_data(olomouc, email=f"mayor{n}@example.cz"))
        assert response.status == 302, (n, response.status)
        assert response.headers["Location"].endswith("/register/check-your-email/")
    assert Registration.objects.count() == 15


def test_one_address_is_refused_by_its_eleventh_post_whatever_x_forwarded_for_it_sends(nginx, olomouc):
    one = visitor(nginx, 1, block=2)
    for n in range(10):
        forged = {"X-Forwarded-For": f"198.51.100.{n}"}
        response = one.post_form(register_path(olomouc), form_data(olomouc, email="not-an-address"), headers=forged)
        assert response.status == 200, (n, response.status)
    eleventh = one.post_form(register_path(olomouc), form_data(olomouc), headers={"X-Forwarded-For": "198.51.100.200"})
    assert eleventh.status == 429
    assert '<html lang="cs">' in eleventh.text  # the application's page, in the visitor's language
    assert not Registration.objects.exists()
    # Its neighbour is not affected.
    other = visitor(nginx, 2, block=2).post_form(register_path(olomouc), form_data(olomouc))
    assert other.status == 302


def test_a_locked_out_address_does_not_lock_the_user_out_from_another(nginx):
    get_user_model().objects.create_user("partner-sk", "partner-sk@example.org", PASSWORD)
    guesser = visitor(nginx, 1, block=3)
    for _ in range(5):
        guesser.post_form("/en/account/sign-in/", {"username": "partner-sk", "password": "wrong-password"})
    refused = guesser.post_form("/en/account/sign-in/", {"username": "partner-sk", "password": PASSWORD})
    assert refused.status == 429
    assert LOCKED in refused.text
    owner = visitor(nginx, 2, block=3)
    response = owner.post_form("/en/account/sign-in/", {"username": "partner-sk", "password": PASSWORD})
    assert response.status == 302
    assert response.headers["Location"] == "/en/portal/" or response.headers["Location"].startswith("/en/")


def test_nginx_turns_a_flood_of_posts_away_and_hides_its_version(nginx):
    flooder = visitor(nginx, 1, block=4)
    statuses = [flooder.post("/en/account/sign-in/", {"username": "x", "password": "y"}) for _ in range(30)]
    refused = [response for response in statuses if response.status == 429]
    assert refused, [response.status for response in statuses]
    assert "<center>nginx</center>" in refused[0].text  # nginx's own page: the application never saw it
    assert all(response.headers["Server"] == "nginx" for response in statuses)
    # GETs are not counted: the page still opens.
    assert flooder.get("/en/account/sign-in/").status == 200


def test_private_links_reach_the_access_log_without_their_secret(nginx, olomouc):
    registration = make_registration(olomouc, parts=list(olomouc.parts.all()), seat_status="confirmed")
    reset_token = "c4x9zt-" + new_token()[:20]
    reader = visitor(nginx, 1, block=5)
    assert reader.get(f"/cs/registration/{registration.token}/").status == 200
    reader.get(f"/cs/checkin/{registration.checkin_code}/")
    reader.get(f"/cs/account/reset/MTI/{reset_token}/")
    reader.get("/cs/registration/link/")
    logs = nginx.logs(containing='"GET /cs/registration/link/"')
    for secret in (registration.token, registration.checkin_code, reset_token):
        assert secret not in logs
    assert '"GET /cs/registration/[private]/" 200' in logs
    assert '"GET /cs/registration/link/"' in logs


def test_no_secret_reaches_the_error_log_while_the_application_is_down(tmp_path):
    closed_port = free_port()  # nothing listens there: every request fails at the upstream
    nginx = start_nginx(tmp_path / "nginx", upstream_port=closed_port)
    try:
        token = new_token()
        reader = Visitor(nginx, "127.0.6.1")
        paths = [
            f"/cs/registration/{token}/",
            f"/cs/registration/{token}/confirm/",
            f"/cs/checkin/{token[:12]}/",
            f"/cs/account/reset/MTI/{token}/",
        ]
        for path in paths:
            assert reader.get(path).status == 502
        assert reader.get("/cs/events/").status == 502  # the control: this one is logged in full
    finally:
        nginx.stop()
    errors = nginx.error_log.read_text()
    assert "/cs/events/" in errors
    assert "upstream" in errors
    assert token not in nginx.logs()
    assert token[:12] not in nginx.logs()
