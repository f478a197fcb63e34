"""A per-IP limit on the forms bots like (register, send my link again), kept in Django's cache.

The cache is the database cache in settings, so every app process sees the same counts. The client
address is REMOTE_ADDR only: X-Forwarded-For is whatever the client chose to send unless a proxy we
control rewrites it, and a limit keyed on it could be dodged by changing the header.
"""

import functools
import hashlib
import logging
import time

from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)

LIMIT = 10
WINDOW_SECONDS = 10 * 60


def hit(scope: str, client: str, *, limit: int = LIMIT, window: int = WINDOW_SECONDS) -> bool:
    """Record one attempt; False once `limit` attempts fell within the last `window` seconds.

    A sliding log of timestamps: exact, and small enough at ten entries. Two processes racing on the same
    key may each miss the other's attempt; a limit against bots can afford that.
    """
    key = "ratelimit:" + hashlib.sha256(f"{scope}:{client}".encode()).hexdigest()
    now = time.time()
    recent = [stamp for stamp in cache.get(key, []) if stamp > now - window]
    if len(recent) >= limit:
        return False
    recent.append(now)
    cache.set(key, recent, timeout=window)
    return True


def limit_posts(scope: str):
    """Answer POSTs beyond the limit with the translated 429 page; GETs are never limited."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                try:
                    allowed = hit(scope, request.META.get("REMOTE_ADDR", ""))
                except Exception:  # the cache is down: fail closed, a limit that cannot count lets no one by
                    logger.exception("rate limit cache unavailable for %s", scope)
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
