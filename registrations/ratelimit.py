"""A per-address limit on the forms bots like (register, send my link again, password reset).

Each counted POST is a row of its own table (`RateLimitHit`), shared by every app process through the
database. Not Django's cache: a cache evicts entries once it is full (the database cache culls a third of
its rows past 300), so a flood of posts from many addresses would wipe the counts of the one that matters.
The address is `v4project.client_ip.client_ip`: REMOTE_ADDR, or behind a trusted proxy the address it saw.
"""

import datetime
import functools
import logging

from django.db import transaction
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac

from v4project.client_ip import client_ip

from .models import RateLimitHit

logger = logging.getLogger(__name__)

LIMIT = 10
WINDOW_SECONDS = 10 * 60


def hit(scope: str, client: str, *, limit: int = LIMIT, window: int = WINDOW_SECONDS) -> bool:
    """Record one attempt; False once `limit` attempts fell within the last `window` seconds.

    Two processes racing on the same key may both count nine and both pass: at worst an eleventh post,
    which a limit against bots can afford. Every call also deletes the rows that have left the window, so
    the table holds at most one window's posts.
    """
    # Keyed with the secret key: a database dump does not tell which addresses posted (a plain hash of an
    # IPv4 address is undone by trying all four billion).
    key = salted_hmac("v4.ratelimit", f"{scope}:{client}", algorithm="sha256").hexdigest()
    now = timezone.now()
    since = now - datetime.timedelta(seconds=window)
    with transaction.atomic():
        RateLimitHit.objects.filter(at__lte=since).delete()
        if RateLimitHit.objects.filter(key=key, at__gt=since).count() >= limit:
            return False
        RateLimitHit.objects.create(key=key, at=now)
    return True


def limit_posts(scope: str):
    """Answer POSTs beyond the limit with the translated 429 page; GETs are never limited."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                try:
                    allowed = hit(scope, client_ip(request))
                except Exception:  # the database failed: fail closed, a limit that cannot count lets no one by
                    logger.exception("rate limit not counted for %s", scope)
                    response = render(request, "registrations/busy.html", status=503)
                    response["Retry-After"] = "30"
                    return response
                if not allowed:
                    response = render(request, "429.html", status=429)
                    response["Retry-After"] = str(WINDOW_SECONDS)
                    return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
