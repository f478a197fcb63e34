"""The page cache's middleware: first in MIDDLEWARE, it answers a hit at once and keeps what views marked
with `cached_page` return (the package's docstring says how the cache works)."""

import datetime
import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import timezone
from django.utils.translation import get_language_from_path

from v4project import clock

from .store import Page, pages
from .version import read_stamp

# Pages also expire on their own, so a process that is never restarted does not keep them for ever.
PAGE_TIMEOUT = 24 * 60 * 60
CSRF_PLACEHOLDER = b"\x00csrf-token\x00"
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


# Functions that name the moments pages change without a save (pagecache.changes_at).
moment_providers: list[Callable[[], Iterable[datetime.datetime]]] = []
_moments: tuple[bytes | None, list[datetime.datetime]] = (None, [])


def moments_of_change(stamp: bytes) -> list[datetime.datetime]:
    """Every moment the providers name, asked once per stamp and process (a save replaces the stamp)."""
    global _moments
    if _moments[0] != stamp:
        _moments = (stamp, sorted({moment for provider in moment_providers for moment in provider() if moment}))
    return _moments[1]


def valid_until(stamp: bytes, now: datetime.datetime) -> float:
    """When a page rendered at `now` (on the site's clock, v4project/clock.py) may change without a save: the
    next midnight (an event begins or becomes "held"), the next registration opening or closing, or the page
    timeout, whichever comes first; as a Unix time on the real clock."""
    local = timezone.localtime(now)
    midnight = clock.local_midnight(local.date() + datetime.timedelta(days=1))
    ends = [now + datetime.timedelta(seconds=PAGE_TIMEOUT), midnight]
    ends += [moment for moment in moments_of_change(stamp) if moment > now][:1]
    return clock.to_real(min(ends)).timestamp()


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
