"""Two-factor sign-in on django-otp: a code from an authenticator app (TOTP) and ten recovery codes.

Offered to every account; required of superusers and organisers when `settings.TWO_FACTOR_REQUIRED` is on.
A user has it once their app's first code has confirmed the device. Recovery codes work once each.
"""

import base64

import segno
from django.conf import settings
from django.db import transaction
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from registrations.roles import ORGANISERS

RECOVERY_CODES = 10
DEVICE_NAME = "authenticator app"


def is_required(user) -> bool:
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=ORGANISERS).exists()


def has_two_factor(user) -> bool:
    """One query: a confirmed authenticator app (recovery codes only ever come with one)."""
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(*, user) -> TOTPDevice:
    """The not yet confirmed app being set up: the same one on every visit, so the QR code stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_data_uri(device: TOTPDevice) -> str:
    """The device's otpauth:// address as a QR code, an SVG `data:` address for an <img> with its alt text."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32 in groups of four, for an app that cannot scan (what `config_url` carries)."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def two_factor_confirm(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app being set up with its first code: it replaces any earlier app and the recovery codes
    are made anew. Returns the new recovery codes, or None when the code is wrong."""
    if not device.verify_token(normalise(code)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    return recovery_codes_renew(user=device.user)


@transaction.atomic
def recovery_codes_renew(*, user) -> list[str]:
    """Ten new recovery codes; the earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes(user) -> list[str]:
    return list(StaticToken.objects.filter(device__user=user).order_by("pk").values_list("token", flat=True))


@transaction.atomic
def two_factor_turn_off(*, user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def normalise(code: str) -> str:
    """What people type: "123 456", "abcd-efgh", "ABCD EFGH" (recovery codes are lower case)."""
    return "".join(code.split()).replace("-", "").lower()


def verify(*, user, code: str):
    """The device that accepts this code (app or recovery code, each used once), or None. django-otp slows
    down repeated wrong codes on each device by itself."""
    code = normalise(code)
    if not code or len(code) > 16:
        return None
    return match_token(user, code)
