"""Private links and check-in codes.

The private token carries 256 random bits and is stored only as its sha256: whoever reads the database
cannot open anyone's page. Looking a registration up by that hash needs no constant-time comparison:
the secret never meets a comparison, only an index.
"""

import hashlib
import re
import secrets

TOKEN_BYTES = 32  # token_urlsafe(32) gives 43 characters of [A-Za-z0-9_-]
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_link() -> tuple[str, str]:
    """A new private link's token, for the e-mail, and its hash, for the database."""
    token = new_token()
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def is_well_formed(token: str) -> bool:
    return bool(TOKEN_PATTERN.fullmatch(token))


def new_checkin_code() -> str:
    """128 random bits: enough that nobody guesses a code, short enough for a small QR code."""
    return secrets.token_urlsafe(16)
