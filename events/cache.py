"""A page cache for anonymous visitors of the public pages, per language, emptied by any content change.

Every cached page carries the content version it was rendered under; the version is a random token kept
in Django's cache, replaced whenever a model whose data a public page shows is saved or deleted. A page
whose version is not the current one is never served, so nothing is stale after a save. The version is
replaced after the commit: a page rendered from the old rows meanwhile is stored under the old version
and never served. A fresh token rather than a counter, because a counter evicted from the cache would
start again and could match pages stored long ago.

A hit reads the version and the page in one cache read (one query with the database cache, none with
Redis) and touches neither the session nor the database otherwise. A read never writes the version: it is
set by each content save and by `migrate`; while there is none (an emptied cache), pages are not cached.
"""

import functools
import hashlib
import logging
import secrets

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

# Named to sort after every other key: the database cache, when full, culls the first third in key order.
VERSION_KEY = "zz-page-cache-version"
# Pages also expire on their own, so a cache that is never emptied does not keep every URL ever asked for.
PAGE_TIMEOUT = 24 * 60 * 60


def new_content_version() -> str:
    return secrets.token_hex(8)


def bump_content_version() -> None:
    """Every cached page is out of date from now on."""
    cache.set(VERSION_KEY, new_content_version(), timeout=None)


def bump_after_migrate(**kwargs) -> None:
    """A migration may change content; it also starts the version on a new installation (pages are cached
    only while a version exists, and a read never writes one, so a page hit or miss stays cheap)."""
    try:
        bump_content_version()
    except DatabaseError:  # the cache table comes with `createcachetable`, after the first migrate
        logger.info("page cache version not set: no cache table yet")


def content_changed(sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_save / post_delete receiver: replace the version once the transaction commits (once per
    transaction, however many rows it changes)."""
    connection = connections[using]
    if connection.in_atomic_block and any(entry[1] is bump_content_version for entry in connection.run_on_commit):
        return
    transaction.on_commit(bump_content_version, using=using, robust=True)


def connect_content_models(*models) -> None:
    from django.db.models.signals import post_delete, post_save

    for model in models:
        label = model._meta.label_lower
        post_save.connect(content_changed, sender=model, dispatch_uid=f"page_cache_save_{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"page_cache_delete_{label}")


def is_cacheable_request(request: HttpRequest) -> bool:
    """Anonymous by construction: no session cookie (so no login and no messages kept in the session) and
    no messages cookie. Checking the cookies, not `request.user`, keeps a hit free of session queries."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def page_key(request: HttpRequest) -> str:
    # The host and scheme too: pages carry absolute links (canonical, alternates, Open Graph).
    where = f"{request.scheme}://{request.get_host()}|{get_language()}|{request.get_full_path()}"
    return "pages:" + hashlib.sha256(where.encode()).hexdigest()


def sets_nothing(request: HttpRequest, response: HttpResponse) -> bool:
    """No cookie now, and none the middleware would add afterwards (CSRF, session, messages)."""
    session = getattr(request, "session", None)
    storage = getattr(request, "_messages", None)
    return not (
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (session is not None and session.modified)
        or (storage is not None and storage.added_new)
    )


def cached_page(view):
    """Serve the view's 200 answers to anonymous GETs from the cache, until the content changes."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_cacheable_request(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        try:
            found = cache.get_many([VERSION_KEY, key])
        except Exception:  # a cache outage must not take the public pages down with it
            logger.exception("page cache unavailable")
            return view(request, *args, **kwargs)
        version = found.get(VERSION_KEY)
        stored = found.get(key)
        if version is not None and stored is not None and stored[0] == version:
            _version, status, headers, content = stored
            return HttpResponse(content, status=status, headers=headers)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        # The page depends on the cookies (a logged-in user or a message is never served from here).
        patch_vary_headers(response, ("Cookie",))
        cacheable = response.status_code == 200 and not response.streaming and sets_nothing(request, response)
        if version is not None and cacheable:
            stored = (version, response.status_code, dict(response.headers), response.content)
            cache.set(key, stored, timeout=PAGE_TIMEOUT)
        return response

    return wrapped
