"""Two-factor sign-in: offered to every account, required of superusers and organisers when the setting says
so; an authenticator app's code or a recovery code, each once; wrong codes count towards the lockout."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from tests.registrations.staff_users import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-123"
LOCKED = "Too many failed attempts. Please try again in 15 minutes."


def code_of(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def with_two_factor(user) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    two_factor.recovery_codes_renew(user=user)
    return device


def sign_in(client, user, *, next_url: str = "", address: str = "203.0.113.7"):
    data = {"username": user.get_username(), "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/en/account/sign-in/", data, REMOTE_ADDR=address)


def enter_code(client, code: str, *, address: str = "203.0.113.7"):
    return client.post("/en/account/sign-in/code/", {"code": code}, REMOTE_ADDR=address)


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_without_two_factor_the_password_signs_in_and_lands_on_the_portal(client):
    partner = make_user("partner")
    response = sign_in(client, partner)
    assert response["Location"] == "/en/portal/"
    assert is_signed_in(client)
    page = client.get("/en/account/two-factor/").content.decode()
    assert reverse("accounts:two_factor_set_up") in page


def test_setting_it_up_takes_the_apps_first_code_and_gives_ten_recovery_codes(client):
    partner = make_user("partner")
    client.force_login(partner)
    page = client.get("/en/account/two-factor/set-up/").content.decode()
    device = TOTPDevice.objects.get(user=partner, confirmed=False)
    assert 'src="data:image/svg+xml' in page
    assert 'alt="QR code for your authenticator app"' in page
    assert two_factor.secret_for_typing(device) in page
    wrong = client.post("/en/account/two-factor/set-up/", {"code": "000000" if code_of(device) != "000000" else "1"})
    assert "This code is not valid. Please try again." in wrong.content.decode()
    assert not two_factor.has_two_factor(partner)
    device.throttle_reset()
    response = client.post("/en/account/two-factor/set-up/", {"code": code_of(device)})
    assert response["Location"] == "/en/account/two-factor/recovery-codes/"
    assert two_factor.has_two_factor(partner)
    codes = client.get(response["Location"]).content.decode()
    stored = list(StaticToken.objects.filter(device__user=partner).values_list("token", flat=True))
    assert len(stored) == 10
    assert all(f"{token[:4]} {token[4:]}" in codes for token in stored)


def test_the_qr_code_stays_the_same_until_the_app_is_confirmed(client):
    client.force_login(make_user("partner"))
    first = client.get("/en/account/two-factor/set-up/").context["qr"]
    again = client.get("/en/account/two-factor/set-up/").context["qr"]
    assert first == again
    assert TOTPDevice.objects.count() == 1


def test_with_two_factor_the_password_alone_does_not_sign_in(client):
    partner = make_user("partner")
    device = with_two_factor(partner)
    response = sign_in(client, partner, next_url="/en/portal/events/")
    assert response["Location"] == "/en/account/sign-in/code/"
    assert not is_signed_in(client)
    assert client.get("/en/portal/").status_code == 302  # still anonymous
    response = enter_code(client, code_of(device))
    assert response["Location"] == "/en/portal/events/"
    assert is_signed_in(client)
    assert client.get("/en/portal/").status_code == 200


def test_a_recovery_code_signs_in_once(client):
    partner = make_user("partner")
    with_two_factor(partner)
    code = StaticToken.objects.filter(device__user=partner).first().token
    sign_in(client, partner)
    response = enter_code(client, f"{code[:4]}-{code[4:].upper()}")
    assert response["Location"] == "/en/account/two-factor/"  # where new codes can be made
    assert is_signed_in(client)
    client.logout()
    sign_in(client, partner)
    TOTPDevice.objects.update(throttling_failure_count=0)
    assert "This code is not valid" in enter_code(client, code).content.decode()
    assert not is_signed_in(client)


def test_wrong_codes_count_towards_the_lockout(client):
    partner = make_user("partner")
    device = with_two_factor(partner)
    for _ in range(4):
        sign_in(client, partner)
        assert "This code is not valid" in enter_code(client, "12345x").content.decode()
    sign_in(client, partner)
    assert LOCKED in enter_code(client, "12345x").content.decode()
    TOTPDevice.objects.update(throttling_failure_count=0)
    response = sign_in(client, partner)
    assert LOCKED in response.content.decode()
    assert not is_signed_in(client)
    assert device


def test_the_code_step_expires_after_five_minutes(client, monkeypatch):
    partner = make_user("partner")
    device = with_two_factor(partner)
    sign_in(client, partner)
    later = time.time() + 5 * 60 + 1
    monkeypatch.setattr("accounts.views.time.time", lambda: later)
    response = enter_code(client, code_of(device))
    assert response["Location"] == "/en/account/sign-in/"
    assert not is_signed_in(client)


def test_a_session_without_the_code_is_signed_out_once_the_account_has_two_factor(client, monkeypatch):
    partner = make_user("partner")
    client.force_login(partner)
    assert client.get("/en/portal/").status_code == 200
    with_two_factor(partner)  # e.g. set up in another browser
    later = time.time() + 61  # such a session is looked at again within a minute
    monkeypatch.setattr("accounts.middleware.time.time", lambda: later)
    response = client.get("/en/portal/")
    assert response["Location"] == "/en/account/sign-in/?next=/en/portal/"
    assert not is_signed_in(client)


@override_settings(TWO_FACTOR_REQUIRED=True)
@pytest.mark.parametrize("role", ["organiser", "superuser"])
def test_when_required_organisers_and_superusers_reach_nothing_before_setting_it_up(client, role):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    user = make_user(role)
    user.set_password(PASSWORD)
    user.save()
    response = sign_in(client, user, next_url="/admin/")
    assert response["Location"] == "/en/account/two-factor/set-up/?next=%2Fadmin%2F"
    for path in ("/admin/", "/en/portal/", "/en/checkin/"):
        assert client.get(path)["Location"].startswith("/en/account/two-factor/set-up/?next="), path
    page = client.get("/en/account/two-factor/set-up/?next=/admin/")
    assert "Your account needs two-factor sign-in" in page.content.decode()
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/en/account/two-factor/set-up/?next=/admin/", {"code": code_of(device)})
    assert response["Location"] == "/en/account/two-factor/recovery-codes/?next=%2Fadmin%2F"
    assert 'href="/admin/"' in client.get(response["Location"]).content.decode()
    assert client.get("/admin/").status_code == 200
    # …and it cannot be turned off.
    client.post("/en/account/two-factor/turn-off/")
    assert two_factor.has_two_factor(user)


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_when_required_partners_and_editors_are_only_offered_it(client):
    for role in ("partner", "editor"):
        user = make_user(role)
        assert sign_in(client, user)["Location"] in {"/en/portal/", "/admin/"}
        assert client.get("/en/account/two-factor/").status_code == 200
        client.logout()


def test_a_partner_can_turn_it_off_after_showing_a_code(client):
    partner = make_user("partner")
    device = with_two_factor(partner)
    sign_in(client, partner)
    enter_code(client, code_of(device))
    client.post("/en/account/two-factor/turn-off/")
    assert not two_factor.has_two_factor(partner)


def test_new_recovery_codes_replace_the_old_ones(client):
    partner = make_user("partner")
    device = with_two_factor(partner)
    old = set(two_factor.recovery_codes(partner))
    sign_in(client, partner)
    enter_code(client, code_of(device))
    client.post("/en/account/two-factor/recovery-codes/")
    new = set(two_factor.recovery_codes(partner))
    assert len(new) == 10
    assert not old & new


def test_account_pages_need_a_signed_in_user(client):
    for name in ("two_factor", "two_factor_set_up", "recovery_codes"):
        response = client.get(reverse(f"accounts:{name}"))
        assert response.status_code == 302
        assert "/account/sign-in/?next=" in response["Location"]


def test_a_superuser_turns_two_factor_off_for_someone_who_lost_everything(client):
    partner = make_user("partner")
    with_two_factor(partner)
    boss = get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    device = with_two_factor(boss)
    sign_in(client, boss)
    enter_code(client, code_of(device))
    client.post(
        "/admin/auth/user/",
        {"action": "turn_off_two_factor", "_selected_action": [partner.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert not two_factor.has_two_factor(partner)
