"""A worker's memory stays near its size at start.

Django's template context and admin list keep a page's rows in reference cycles, which only Python's full
collection frees, and Python runs one seldom (after many objects that outlive collections, not after many
freed ones): a worker serving the admin list grew by some 60 MB of such garbage before one ran, and the
memory it had taken stayed taken. So after each request of a signed-in person (organisers, partners, the
door: few requests, large pages) the worker collects at once. Anonymous visitors' pages are small and many,
and most come from the page cache before this runs: they pay nothing. The objects loaded at start are frozen
(v4project/wsgi.py), so a collection walks only what requests made: a few milliseconds.
"""

import gc


class CollectAfterSignedInRequests:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            gc.collect()
        return response
