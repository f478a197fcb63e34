"""What every e-mail of the site says about itself, whichever app sends it.

- `Reply-To`: the organisers (`EMAIL_REPLY_TO`), since the sender is a no-reply address.
- `Auto-Submitted: auto-generated` (RFC 3834): out-of-office replies of municipal offices must not answer
  back; Microsoft Exchange, common there, reads its own `X-Auto-Response-Suppress` instead.
- `Content-Language`: the language the e-mail is written in (the registrant's, or the visitor's).
"""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils.translation import get_language


def contact_address() -> str:
    """The organisers' bare address, for the footer of every e-mail ("" when none is set)."""
    return parseaddr(settings.EMAIL_REPLY_TO)[1] if settings.EMAIL_REPLY_TO else ""


def automatic_headers(language: str | None = None) -> dict[str, str]:
    return {
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "OOF, AutoReply",
        "Content-Language": language or get_language() or settings.LANGUAGE_CODE,
    }


class SiteEmail(EmailMultiAlternatives):
    """An e-mail with the headers above; the language is the one active when the e-mail is made."""

    def __init__(self, *args, language: str | None = None, **kwargs):
        headers = {**automatic_headers(language), **(kwargs.pop("headers", None) or {})}
        if "reply_to" not in kwargs and settings.EMAIL_REPLY_TO:
            kwargs["reply_to"] = [settings.EMAIL_REPLY_TO]
        super().__init__(*args, headers=headers, **kwargs)
