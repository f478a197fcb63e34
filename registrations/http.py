"""Response helpers of the registration pages: private-page headers and the "busy, try again" page."""

import functools
import logging

from django.db import OperationalError
from django.http import Http404
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)


def private_page(view):
    """Pages reached by a private link: never cached or indexed, the link never leaks through a Referer.

    An unknown or malformed token gives the same 404 page, with the same headers.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            response = render(request, "404.html", status=404)
        add_never_cache_headers(response)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped


def busy_when_locked(view):
    """A seat lock that timed out (PostgreSQL lock_timeout, SQLite "database is locked") is a moment of
    heavy demand, not a bug: the visitor gets a friendly 503 and tries again. Nothing was saved."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except OperationalError:
            logger.warning("database busy on %s", request.path, exc_info=True)
            response = render(request, "registrations/busy.html", status=503)
            response["Retry-After"] = "5"
            return response

    return wrapped


class NullOriginCsrfMiddleware(CsrfViewMiddleware):
    """CSRF protection for forms on pages sent with `Referrer-Policy: no-referrer`.

    Under that policy browsers send `Origin: null` with the page's own form POSTs, which Django's origin
    check refuses. The CSRF cookie and form token are still required and checked exactly as usual; only
    a null Origin is let through to that check. (Checked in Chromium by tests/browser.)
    """

    def _origin_verified(self, request) -> bool:
        return request.META.get("HTTP_ORIGIN") == "null" or super()._origin_verified(request)


def private_form(view):
    """For the POST views of private pages: the site-wide check is swapped for the one above."""
    return csrf_exempt(decorator_from_middleware(NullOriginCsrfMiddleware)(view))
