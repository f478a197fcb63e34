"""`/healthz`: what a load balancer and an uptime check ask of an app server."""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def database_answers() -> bool:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"; the reason goes to the log
        logger.exception("health check: the database does not answer")
        return False
    return True


def cache_answers() -> bool:
    """Writes and reads back a value: a cache table that is missing or a Redis that is down both fail."""
    probe = secrets.token_hex(8)
    try:
        cache.set("healthz", probe, timeout=60)
        answered = cache.get("healthz") == probe
    except Exception:  # as above
        logger.exception("health check: the cache does not answer")
        return False
    if not answered:
        logger.error("health check: the cache did not keep a value")
    return answered


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database and the cache answer; 503 naming what failed — for the load balancer and uptime
    checks, which must take an app server that cannot serve out of rotation."""
    failed = [name for name, check in (("database", database_answers), ("cache", cache_answers)) if not check()]
    if failed:
        lines = "".join(f"{name} unavailable\n" for name in failed)
        return HttpResponse(lines, status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
