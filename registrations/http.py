"""What the registration pages share around their views: the private answer of a page reached by a link (and
one helpful page for every link that does not work), "busy, try again" when the seats are locked for too
long, and the door to the staff pages."""

import functools
import logging
from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from v4project.headers import make_private

from .forms import LinkAgainForm

logger = logging.getLogger(__name__)


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


def private_page(view):
    """Pages reached by a private link or a door code: private answers, and an unknown or malformed token
    gives the same 404 page, with the same headers, as any other."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            response = render(request, "404.html", status=404)
        return make_private(response)

    return wrapped


class UnknownLinkError(Http404):
    """No registration has this private link (any more), or it is not even well formed."""


def unknown_link(view):
    """Every link that does not work, whatever its token, gets the same page (404): it says the link may be
    incomplete or replaced, and offers "send my link again", so nothing tells whether it ever worked."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except UnknownLinkError:
            form = LinkAgainForm()
            form.helper.form_action = reverse("registrations:resend")
            return render(request, "registrations/link_invalid.html", {"form": form}, status=404)

    return wrapped


def private_view(*methods: str):
    """A registrant's own page: only these methods, a private answer, "busy" under a held lock, and the
    helpful page for a link that does not work."""

    def decorator(view):
        return require_http_methods(list(methods))(private_page(unknown_link(busy_when_locked(view))))

    return decorator


def staff_page(access: Callable, *, forbidden_template: str, as_argument: str = ""):
    """Pages for signed-in staff or partners: anonymous visitors go to the sign-in page (and come back);
    users for whom `access(user)` is falsy get the 403 page that says so (telling them which account they are
    in helps more than a 404); an Http404 inside is the site's 404 page. Every answer is private. With
    `as_argument`, the view receives what `access` returned under that name."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return make_private(redirect_to_login(request.get_full_path()))
            allowed = access(request.user)
            if not allowed:
                return make_private(render(request, forbidden_template, status=403))
            if as_argument:
                kwargs[as_argument] = allowed
            return page(request, *args, **kwargs)

        page = private_page(view)
        return wrapped

    return decorator
