"""A page cache for anonymous visitors of the public pages, answered by the first middleware.

A hit touches neither the database nor the session, and runs none of the other middleware: the stored
answer is the finished one, with every header the middleware had added. That is what lets the public
pages keep up with a bare "Hello" view (issue 7).

- **Where.** In each worker process's memory, least recently used first out, at most `MAX_BYTES`.
- **Never stale after a save.** Every page carries the content stamp it was rendered under: a random token
  in a small file beside the media files, replaced after each commit that changes what a public page shows
  (the models connected below). Every request reads the file, one small read; a page whose stamp is not the
  current one is never served. The stamp is read *before* the page is rendered, so a page rendered from
  the old rows while a save commits is stored under the old stamp and never served. A file rather than
  the shared cache because every process of the machine sees a replaced file at once, for the price of a
  read instead of a database query; several app servers share it with the media files.
- **Never stale by the clock.** A page also ends at the next moment it changes by itself: midnight (an
  event becomes "held") and each registration's opening or closing time.
- **Forms.** A page with a form carries a CSRF token, which is the visitor's own: the stored copy holds a
  placeholder that each answer replaces with a token for that visitor's CSRF cookie, which the CSRF
  middleware's own hooks read and set.
- **Which.** A page is kept under its path: the query string is ignored (no cached view reads it), so
  random parameters cannot bypass the cache, fill it or evict real pages.
- **Who.** Anonymous by construction: a request with a session or a messages cookie is never answered from
  here, and an answer that sets any cookie but the CSRF one is never kept.
"""

import contextlib
import datetime
import functools
import logging
import os
import re
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import DisallowedHost
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path

from . import clock

logger = logging.getLogger(__name__)

STAMP_NAME = ".page-cache-stamp"
# Pages also expire on their own, so a process that is never restarted does not keep them for ever.
PAGE_TIMEOUT = 24 * 60 * 60
# Each worker's share of memory for pages: some 400 pages of 40 KB, all five languages of the whole site.
MAX_BYTES = 16 * 1024 * 1024
CSRF_PLACEHOLDER = b"\x00csrf-token\x00"
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


# The content stamp ------------------------------------------------------------------------------------


def stamp_path() -> str:
    return os.path.join(settings.MEDIA_ROOT, STAMP_NAME)


def read_stamp() -> bytes | None:
    """The current stamp; None while there is none (no page is cached then)."""
    try:
        fd = os.open(stamp_path(), os.O_RDONLY)
    except OSError:
        return None
    try:
        return os.read(fd, 64) or None
    finally:
        os.close(fd)


def bump_content_version() -> None:
    """Every cached page is out of date from now on, in every process: a new file replaces the old one in
    one step, so a reader sees either the old stamp or the new one. When no new stamp can be written, the
    old one is removed, which stops the caching rather than serving old pages."""
    path = stamp_path()
    temporary = f"{path}.{secrets.token_hex(6)}"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(secrets.token_hex(16).encode())
        os.replace(temporary, path)
    except OSError:
        logger.exception("page cache stamp not replaced; pages are not cached until it is")
        for leftover in (temporary, path):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


def bump_after_migrate(**kwargs) -> None:
    """A migration may change content; it also starts the stamp on a new installation."""
    bump_content_version()


def content_changed(sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_save / post_delete receiver: replace the stamp once the transaction commits (once per
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


# The clock ---------------------------------------------------------------------------------------------

_boundaries: tuple[bytes | None, list[datetime.datetime]] = (None, [])


def registration_times(stamp: bytes) -> list[datetime.datetime]:
    """Every registration opening and closing time, read once per stamp and process (an event's save
    replaces the stamp)."""
    global _boundaries
    if _boundaries[0] != stamp:
        from .models import Event

        times = Event.objects.values_list("registration_opens", "registration_closes")
        _boundaries = (stamp, sorted({moment for pair in times for moment in pair if moment is not None}))
    return _boundaries[1]


def valid_until(stamp: bytes, now: datetime.datetime) -> float:
    """When a page rendered at `now` (on the site's clock, events/clock.py) may change without a save: the
    next midnight (an event begins or becomes "held"), the next registration opening or closing, or the page
    timeout, whichever comes first; as a Unix time on the real clock."""
    local = timezone.localtime(now)
    midnight = clock.local_midnight(local.date() + datetime.timedelta(days=1))
    ends = [now + datetime.timedelta(seconds=PAGE_TIMEOUT), midnight]
    ends += [moment for moment in registration_times(stamp) if moment > now][:1]
    return clock.to_real(min(ends)).timestamp()


# The pages ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    stamp: bytes
    valid_until: float
    status: int
    headers: dict
    content: bytes
    has_csrf_token: bool


class PageStore:
    """Least recently used pages of one process, at most `max_bytes` of content; safe across threads."""

    def __init__(self, max_bytes: int = MAX_BYTES):
        self.max_bytes = max_bytes
        self.size = 0
        self._pages: OrderedDict[str, Page] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, stamp: bytes) -> Page | None:
        with self._lock:
            page = self._pages.get(key)
            if page is None:
                return None
            if page.stamp != stamp or page.valid_until <= time.time():
                self._remove(key)
                return None
            self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: Page) -> None:
        if len(page.content) > self.max_bytes // 4:
            return
        with self._lock:
            if key in self._pages:
                self._remove(key)
            self._pages[key] = page
            self.size += len(page.content)
            while self.size > self.max_bytes:
                self._remove(next(iter(self._pages)))

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self.size = 0

    def _remove(self, key: str) -> None:
        self.size -= len(self._pages.pop(key).content)


pages = PageStore()


def is_cacheable_request(request: HttpRequest) -> bool:
    """Anonymous by construction: no session cookie (so no login and no messages kept in the session) and
    no messages cookie. Checking the cookies, not `request.user`, keeps a hit free of session queries."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def page_key(request: HttpRequest) -> str:
    """The page's address without its query string: no cached page reads one, so `?r=<random>` is the same
    page, answered from memory, and can neither add entries nor push real pages out. The host and scheme
    count: pages carry absolute links (canonical, alternates, Open Graph)."""
    return f"{request.scheme}://{request.get_host()}{request.path}"


def cached_page(view):
    """Let the page cache keep the view's answers to anonymous GETs, until the content changes. The view
    must not depend on the query string: the page is kept, and served, for its path alone."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if request.method == "GET":
            # The page depends on the cookies (a logged-in user or a message is never served from here).
            patch_vary_headers(response, ("Cookie",))
            response.page_cache = True
        return response

    return wrapped


class PageCacheMiddleware:
    """First in MIDDLEWARE: answers a hit at once; keeps what views marked with `cached_page` return."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_cacheable_request(request):
            return self.get_response(request)
        stamp = read_stamp()
        try:
            key = page_key(request)
        except DisallowedHost:
            return self.get_response(request)
        if stamp is not None and (page := pages.get(key, stamp)) is not None:
            return self.answer(request, page)
        now = clock.now()
        response = self.get_response(request)
        if stamp is not None and getattr(response, "page_cache", False):
            self.keep(request, response, key, stamp, now)
        return response

    def answer(self, request: HttpRequest, page: Page) -> HttpResponse:
        if not page.has_csrf_token:
            response = HttpResponse(page.content, status=page.status, headers=page.headers)
            response["Content-Length"] = len(page.content)
            return response
        self.csrf.process_request(request)  # the visitor's CSRF cookie, if it is a valid one
        content = page.content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
        response = HttpResponse(content, status=page.status, headers=page.headers)
        response["Content-Length"] = len(content)
        return self.csrf.process_response(request, response)

    def keep(self, request: HttpRequest, response: HttpResponse, key: str, stamp: bytes, now) -> None:
        if response.status_code != 200 or response.streaming or not get_language_from_path(request.path_info):
            return
        content = response.content
        token = CSRF_INPUT.search(content)
        allowed_cookies = {settings.CSRF_COOKIE_NAME} if token and not settings.CSRF_USE_SESSIONS else set()
        if not set(response.cookies) <= allowed_cookies:
            return
        if token:
            content = content.replace(token.group(1), CSRF_PLACEHOLDER)
        headers = {name: value for name, value in response.headers.items() if name != "Content-Length"}
        page = Page(stamp, valid_until(stamp, now), response.status_code, headers, content, bool(token))
        pages.put(key, page)
