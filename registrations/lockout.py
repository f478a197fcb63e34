"""Login lockout for the portal and the admin: after 5 failed attempts for one user name from one address
within 15 minutes, that pair is refused for 15 minutes, even with the right password.

The counts live in Django's cache, shared by every app process. The address is REMOTE_ADDR only: an
X-Forwarded-For header is whatever the client chose to send, so a count keyed on it could be reset at
will. If the cache cannot be read or written, logins are refused ("fail closed"): an attacker who can
make the cache fail must not get unlimited guesses.
"""

import hashlib
import logging
import time

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

LIMIT = 5
WINDOW_SECONDS = 15 * 60
LOCKOUT_SECONDS = 15 * 60


class LockoutUnavailableError(Exception):
    """The cache that holds the counts failed: the caller must refuse the login."""


def _key(*, username: str, address: str) -> str:
    # Case-folded, so "Partner-HU" and "partner-hu" share one count; hashed, so any text makes a valid key.
    pair = f"{username.strip().casefold()}\n{address}"
    return "lockout:" + hashlib.sha256(pair.encode()).hexdigest()


def _read(key: str) -> dict:
    try:
        return cache.get(key) or {}
    except Exception as error:  # Redis, database or any other backend: each raises its own kind.
        logger.error("login lockout: cache unavailable (%s)", error)
        raise LockoutUnavailableError from error


def _write(key: str, state: dict | None) -> None:
    try:
        if state is None:
            cache.delete(key)
        else:
            cache.set(key, state, timeout=WINDOW_SECONDS + LOCKOUT_SECONDS)
    except Exception as error:  # as in _read
        logger.error("login lockout: cache unavailable (%s)", error)
        raise LockoutUnavailableError from error


def is_locked_out(*, username: str, address: str, now: float | None = None) -> bool:
    now = time.time() if now is None else now
    return _read(_key(username=username, address=address)).get("locked_until", 0) > now


def record_failure(*, username: str, address: str, now: float | None = None) -> bool:
    """Count one failed attempt; True when this one locks the pair out.

    The failures are a sliding log of timestamps (at most five), so exactly those of the last 15 minutes
    count. Two processes racing on one key may each miss the other's attempt: at worst a sixth guess.
    """
    now = time.time() if now is None else now
    key = _key(username=username, address=address)
    state = _read(key)
    failures = [stamp for stamp in state.get("failures", []) if stamp > now - WINDOW_SECONDS]
    failures.append(now)
    if len(failures) >= LIMIT:
        _write(key, {"failures": [], "locked_until": now + LOCKOUT_SECONDS})
        return True
    _write(key, {"failures": failures[-LIMIT:], "locked_until": state.get("locked_until", 0)})
    return False


def reset(*, username: str, address: str) -> None:
    """A successful login starts the count afresh."""
    _write(_key(username=username, address=address), None)


def locked_out_message() -> str:
    minutes = LOCKOUT_SECONDS // 60
    return ngettext(
        "Too many failed attempts. Please try again in %(minutes)d minute.",
        "Too many failed attempts. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


class LockoutMixin:
    """For an AuthenticationForm: refuses a locked-out (user name, address) pair before the password is
    even checked, counts each failure and clears the count on success."""

    unavailable_message = _("Signing in is not possible right now. Please try again later.")

    def clean(self):
        username = self.cleaned_data.get("username")
        if username is None or not self.cleaned_data.get("password"):
            return super().clean()  # a missing field: Django reports it and nothing is checked
        address = self.request.META.get("REMOTE_ADDR", "") if self.request else ""
        try:
            if is_locked_out(username=username, address=address):
                raise forms.ValidationError(locked_out_message(), code="locked_out")
            try:
                cleaned = super().clean()
            except forms.ValidationError:
                if record_failure(username=username, address=address):
                    raise forms.ValidationError(locked_out_message(), code="locked_out") from None
                raise
            reset(username=username, address=address)
        except LockoutUnavailableError:
            self.user_cache = None  # never log in without a working count
            raise forms.ValidationError(self.unavailable_message, code="lockout_unavailable") from None
        return cleaned


class LockoutAuthenticationForm(LockoutMixin, AuthenticationForm):
    """The portal's login form."""


class LockoutAdminAuthenticationForm(LockoutMixin, AdminAuthenticationForm):
    """The admin's login form: the same lockout, and still only for staff."""
