"""The sign-in lockout (django-axes): 5 failures per user name and address in 15 minutes, 20 per account from
all addresses; counts in the database, where a flood of other posts cannot evict them."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.db.models import F
from django.urls import reverse
from django.utils import translation

from accounts.lockout import ACCOUNT_FAILURE_LIMIT, locked_out_message

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-123"
LOCKED = "Too many failed attempts. Please try again in 15 minutes."
ADDRESS = "203.0.113.7"


@pytest.fixture
def partner_user():
    return get_user_model().objects.create_user("partner-hu", "partner-hu@example.org", PASSWORD)


def sign_in_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("accounts:sign_in")


def attempt(client, password: str, *, address: str = ADDRESS, username: str = "partner-hu", **headers):
    return client.post(sign_in_url(), {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def sign_out(client) -> None:
    client.logout()


def minutes_pass(minutes: float) -> None:
    """Every recorded attempt moves that far into the past (django-axes reads its own clock)."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=minutes))


def test_five_failures_lock_the_pair_out_even_with_the_right_password(client, partner_user):
    for _ in range(4):
        assert LOCKED not in attempt(client, "wrong-password").content.decode()
    fifth = attempt(client, "wrong-password")
    assert fifth.status_code == 429
    assert LOCKED in fifth.content.decode()
    response = attempt(client, PASSWORD)
    assert not signed_in(response)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_the_lockout_message_is_in_the_visitors_language(client, partner_user):
    for _ in range(5):
        attempt(client, "wrong-password")
    with translation.override("cs"):
        url = reverse("accounts:sign_in")
    response = client.post(url, {"username": "partner-hu", "password": PASSWORD}, REMOTE_ADDR=ADDRESS)
    html = response.content.decode()
    assert '<html lang="cs">' in html
    with translation.override("cs"):
        assert locked_out_message() in html
        assert locked_out_message() != LOCKED


def test_lockout_holds_only_for_that_user_name_and_address(client, partner_user):
    get_user_model().objects.create_user("partner-sk", password=PASSWORD)
    for _ in range(5):
        attempt(client, "wrong-password")
    assert signed_in(attempt(client, PASSWORD, address="198.51.100.1"))
    sign_out(client)
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
    sign_out(client)
    for _ in range(4):
        attempt(client, "wrong-password")
    assert signed_in(attempt(client, PASSWORD))


def test_lockout_lasts_fifteen_minutes_and_refused_attempts_do_not_extend_it(client, partner_user):
    for _ in range(5):
        attempt(client, "wrong-password")
    minutes_pass(14)
    for _ in range(3):  # still locked, and these neither count nor start the 15 minutes again
        assert LOCKED in attempt(client, "wrong-password").content.decode()
    assert not signed_in(attempt(client, PASSWORD))
    minutes_pass(1.1)
    assert signed_in(attempt(client, PASSWORD))


def test_only_failures_within_fifteen_minutes_count(client, partner_user):
    for _ in range(4):
        attempt(client, "wrong-password")
    minutes_pass(16)
    attempt(client, "wrong-password")
    assert signed_in(attempt(client, PASSWORD))


def test_failures_spread_over_many_addresses_lock_the_account_everywhere(client, partner_user):
    for n in range(ACCOUNT_FAILURE_LIMIT):
        attempt(client, "wrong-password", address=f"198.51.100.{n + 1}")
    response = attempt(client, PASSWORD, address="192.0.2.99")
    assert not signed_in(response)
    assert LOCKED in response.content.decode()
    minutes_pass(15.1)
    assert signed_in(attempt(client, PASSWORD, address="192.0.2.99"))


def test_one_address_alone_cannot_lock_the_account_for_everyone(client, partner_user):
    for _ in range(ACCOUNT_FAILURE_LIMIT * 2):
        attempt(client, "wrong-password")
    assert signed_in(attempt(client, PASSWORD, address="192.0.2.99"))


def test_a_flood_of_posts_from_many_addresses_wipes_no_lockout(client, partner_user, olomouc):
    """The database cache culls a third of its rows past 300 entries: 320 harmless posts used to wipe every
    lockout and rate limit there. The counts live in tables of their own now."""
    for _ in range(5):
        attempt(client, "wrong-password")
    for _ in range(10):
        client.post(reverse("registrations:register", kwargs={"slug": olomouc.slug}), {}, REMOTE_ADDR=ADDRESS)
    resend = reverse("registrations:resend")
    for n in range(320):
        client.post(resend, {"email": "nobody@example.org"}, REMOTE_ADDR=f"10.{n // 250}.{n % 250}.1")
    assert LOCKED in attempt(client, PASSWORD).content.decode()
    register = client.post(reverse("registrations:register", kwargs={"slug": olomouc.slug}), {}, REMOTE_ADDR=ADDRESS)
    assert register.status_code == 429


def test_sign_in_page_of_the_admin_is_the_same_with_its_lockout(client):
    editor = get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)
    assert editor
    response = client.get("/admin/login/?next=/admin/registrations/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/sign-in/?next=%2Fadmin%2Fregistrations%2F"
    for _ in range(5):
        attempt(client, "wrong-password", username="editor")
    assert LOCKED in attempt(client, PASSWORD, username="editor").content.decode()
    response = client.post(
        sign_in_url(), {"username": "editor", "password": PASSWORD, "next": "/admin/"}, REMOTE_ADDR="198.51.100.1"
    )
    assert response["Location"] == "/admin/"


def test_the_admin_still_admits_only_staff(client, partner_user):
    assert signed_in(attempt(client, PASSWORD))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_organisers_see_lockouts_in_the_admin_and_lift_them(client, partner_user):
    from tests.registrations.staff_users import make_user

    for _ in range(5):
        attempt(client, "wrong-password")
    organiser = make_user("organiser")
    client.force_login(organiser)
    page = client.get("/admin/accounts/loginlockout/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "partner-hu" in page
    assert ADDRESS in page
    assert "locked out until" in page
    response = client.post(
        "/admin/accounts/loginlockout/",
        {"action": "lift", "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True))},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    client.logout()
    assert signed_in(attempt(client, PASSWORD))


def test_editors_do_not_see_the_lockouts(client, partner_user):
    from tests.registrations.staff_users import make_user

    client.force_login(make_user("editor"))
    assert client.get("/admin/accounts/loginlockout/").status_code == 403


def test_the_lockouts_page_speaks_the_organisers_language(client, partner_user):
    from tests.registrations.staff_users import make_user

    for _ in range(5):
        attempt(client, "wrong-password")
    client.force_login(make_user("organiser"))
    page = client.get("/admin/accounts/loginlockout/", HTTP_ACCEPT_LANGUAGE="cs").content.decode().lower()
    for label in ("zablokovaná přihlášení", "ip adresa", "neúspěšné pokusy ze všech adres", "zablokováno do"):
        assert label in page, label
    assert "attempt time" not in page
    assert "failed logins" not in page
