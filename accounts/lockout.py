"""Sign-in lockout on django-axes, with its counts in the database (nothing evicts a row).

- Per user name and address: 5 failed attempts within 15 minutes lock that pair out for 15 minutes, even
  with the right password (settings: AXES_FAILURE_LIMIT, AXES_COOLOFF_TIME, AXES_LOCKOUT_PARAMETERS).
  A wrong code at the two-factor step counts as a failed attempt too.
- Per account, from every address together: `ACCOUNT_FAILURE_LIMIT` failures within 15 minutes lock the
  account for everyone, so guesses spread over many addresses are stopped as well. One address can never
  get there alone: its own lockout stops it at 5, and refused attempts are not counted.

The address is `v4project.client_ip.client_ip` (AXES_CLIENT_IP_CALLABLE); user names are counted
case-folded, so "Partner-HU" gets no fresh attempts. Organisers see and lift lockouts in the admin.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import ngettext

ACCOUNT_FAILURE_LIMIT = 20


def username_for_counting(request: HttpRequest, credentials: dict | None) -> str | None:
    """AXES_USERNAME_CALLABLE: the user name as typed, trimmed and case-folded."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username")
    return username.strip().casefold() if isinstance(username, str) else None


def account_failures(username: str | None, *, since) -> int:
    """Failed attempts on this account from every address since `since`."""
    if not username:
        return 0
    attempts = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler, plus the limit per account across all addresses."""

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self.account_locked(request, credentials)

    def account_locked(self, request, credentials=None) -> bool:
        username = get_client_username(request, credentials)
        return account_failures(username, since=get_cool_off_threshold(request)) >= ACCOUNT_FAILURE_LIMIT

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        # The failure that reaches the account's limit is answered with the lockout message at once.
        if request is not None and not request.axes_locked_out and self.account_locked(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials


def locked_out_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many failed attempts. Please try again in %(minutes)d minute.",
        "Too many failed attempts. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request: HttpRequest, original_response: HttpResponse | None, credentials) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the page the sign-in form answered, which shows `locked_out_message()` as
    its error (accounts/forms.py), with the status that says "too many requests"."""
    if original_response is None:
        original_response = HttpResponse(locked_out_message(), content_type="text/plain; charset=utf-8")
    original_response.status_code = 429
    return original_response


def locked_until(attempt: AccessAttempt):
    """When this pair's lockout ends, or None when it is not locked out."""
    if attempt.failures_since_start < settings.AXES_FAILURE_LIMIT:
        return None
    until = attempt.attempt_time + settings.AXES_COOLOFF_TIME
    return until if until > timezone.now() else None
