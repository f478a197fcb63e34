"""Login lockout on the portal and the admin: 5 failures per (user name, address) in 15 minutes."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from registrations import lockout

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-123"
LOCKED = "Too many failed attempts. Please try again in 15 minutes."
ADDRESS = "203.0.113.7"
UNREACHABLE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1"}
}


@pytest.fixture
def partner_user():
    return get_user_model().objects.create_user("partner-hu", password=PASSWORD)


def portal_login_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("registrations:portal_login")


def attempt(client, password: str, *, address: str = ADDRESS, username: str = "partner-hu", url=None, **headers):
    return client.post(
        url or portal_login_url(), {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def signed_in(response) -> bool:
    return response.status_code == 302


def test_five_failures_lock_the_pair_out_even_with_the_right_password(client, partner_user):
    for _ in range(4):
        assert LOCKED not in attempt(client, "wrong-password").content.decode()
    assert LOCKED in attempt(client, "wrong-password").content.decode()
    response = attempt(client, PASSWORD)
    assert not signed_in(response)
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_holds_only_for_that_user_name_and_address(client, partner_user):
    get_user_model().objects.create_user("partner-sk", password=PASSWORD)
    for _ in range(5):
        attempt(client, "wrong-password")
    assert signed_in(attempt(client, PASSWORD, address="198.51.100.1"))
    client.logout()
    assert signed_in(attempt(client, PASSWORD, username="partner-sk"))


def test_user_name_case_does_not_give_fresh_attempts(client, partner_user):
    for username in ("partner-hu", "Partner-HU", "PARTNER-hu", "partner-HU", " partner-hu"):
        attempt(client, "wrong-password", username=username)
    assert LOCKED in attempt(client, PASSWORD).content.decode()


def test_forged_x_forwarded_for_neither_resets_nor_changes_the_count(client, partner_user):
    for n in range(5):
        attempt(client, "wrong-password", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert not signed_in(response)
    assert LOCKED in response.content.decode()


def test_success_before_the_limit_starts_the_count_afresh(client, partner_user):
    for _ in range(4):
        attempt(client, "wrong-password")
    assert signed_in(attempt(client, PASSWORD))
    client.logout()
    for _ in range(4):
        attempt(client, "wrong-password")
    assert signed_in(attempt(client, PASSWORD))


def test_lockout_lasts_fifteen_minutes_then_ends():
    start = 1_700_000_000.0
    for n in range(5):
        lockout.record_failure(username="partner-hu", address=ADDRESS, now=start + n)
    assert lockout.is_locked_out(username="partner-hu", address=ADDRESS, now=start + 4 + 14 * 60)
    assert not lockout.is_locked_out(username="partner-hu", address=ADDRESS, now=start + 4 + 15 * 60 + 1)
    # …and the old failures no longer count: a new failure is the first of five.
    assert not lockout.record_failure(username="partner-hu", address=ADDRESS, now=start + 4 + 15 * 60 + 2)


def test_only_failures_within_fifteen_minutes_count():
    start = 1_700_000_000.0
    for n in range(4):
        assert not lockout.record_failure(username="partner-hu", address=ADDRESS, now=start + n)
    assert not lockout.record_failure(username="partner-hu", address=ADDRESS, now=start + 15 * 60 + 1)
    assert not lockout.is_locked_out(username="partner-hu", address=ADDRESS, now=start + 15 * 60 + 2)


def test_user_can_sign_in_again_after_the_lockout(client, partner_user, monkeypatch):
    for _ in range(5):
        attempt(client, "wrong-password")
    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr(lockout.time, "time", lambda: later)
    assert signed_in(attempt(client, PASSWORD))


def test_login_fails_closed_when_the_cache_is_down(client, partner_user):
    # A context manager, not the `settings` fixture: the cache must work again for the autouse clean-up.
    with override_settings(CACHES=UNREACHABLE_CACHE):
        response = attempt(client, PASSWORD)
    assert not signed_in(response)
    assert "Signing in is not possible right now. Please try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_login_has_the_same_lockout(client):
    editor = get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    admin_login = reverse("admin:login")
    for _ in range(5):
        attempt(client, "wrong-password", username="editor", url=admin_login, HTTP_ACCEPT_LANGUAGE="en")
    response = attempt(client, PASSWORD, username="editor", url=admin_login, HTTP_ACCEPT_LANGUAGE="en")
    assert not signed_in(response)
    assert LOCKED in response.content.decode()
    assert signed_in(attempt(client, PASSWORD, username="editor", url=admin_login, address="198.51.100.1"))


def test_admin_login_still_admits_only_staff(client, partner_user):
    response = attempt(client, PASSWORD, url=reverse("admin:login"))
    assert not signed_in(response)
    assert "_auth_user_id" not in client.session
