"""Private links and check-in codes.

A private link is derived, not stored: its token is an HMAC of the registration and a link version with the
secret key, worked out again whenever an e-mail is built, so it never waits in a queue of tasks. The
database keeps only its sha256, to find the registration: whoever reads the database cannot open anyone's
page, and sending the link again sends the same link. A new version replaces the link (the old one stops
working). Looking a registration up by that hash needs no constant-time comparison: the secret never meets
a comparison, only an index.
"""

import base64
import hashlib
import re
import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac

TOKEN_BYTES = 32  # 256 bits: 43 characters of [A-Za-z0-9_-]
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")
LINK_SALT = "registrations.private-link"


def new_token() -> str:
    """A random token: for links nobody will ever be sent (a placeholder, an anonymised registration)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def is_well_formed(token: str) -> bool:
    return bool(TOKEN_PATTERN.fullmatch(token))


def private_token(registration_id: int, version: int, *, secret: str | None = None) -> str:
    """The private link's token of this registration and link version, under the secret key (or `secret`)."""
    digest = salted_hmac(LINK_SALT, f"{registration_id}:{version}", secret=secret, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def current_token(registration) -> str | None:
    """The token of the registration's current link, if the secret key (or one of its fallbacks) still
    derives the stored hash; None when neither does (a link issued before links were derived, or under a
    secret key since retired)."""
    for secret in (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS):
        token = private_token(registration.pk, registration.link_version, secret=secret)
        if token_hash(token) == registration.token_hash:
            return token
    return None


def new_checkin_code() -> str:
    """128 random bits: enough that nobody guesses a code, short enough for a small QR code."""
    return secrets.token_urlsafe(16)
