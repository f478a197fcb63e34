"""Answers that hold personal data or a secret: never stored by a browser or a proxy, never indexed."""

import functools

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers


def make_private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def private(view):
    """Every answer of the view gets `make_private`."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return make_private(view(request, *args, **kwargs))

    return wrapped
