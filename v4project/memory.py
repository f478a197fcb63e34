"""A worker's memory stays near its size at start.

Django's template context and admin list keep a page's rows in reference cycles, which only Python's full
collection frees, and Python runs one seldom (after many objects that outlive collections, not after many
freed ones): a worker serving the admin list grew by some 60 MB of such garbage before one ran, and the
memory it had taken stayed taken. So a signed-in person's request that made many objects (Python collected
its youngest ones `LARGE_REQUEST` times or more while it ran: the admin's and the portal's lists, exports,
reports) is followed by a full collection. The objects loaded at start are frozen (v4project/wsgi.py), so a
collection walks only what requests made: a few milliseconds.

Visitors' requests never collect. Theirs are small pages, most from the page cache before this runs, and
they come in bursts: with several threads in a worker, the count of collections is the whole process's, so
during a burst every request would look large and collect while others wait for it.
"""

import gc

LARGE_REQUEST = 5  # collections of the youngest generation while the request ran: some 3,500 objects kept


def young_collections() -> int:
    return gc.get_stats()[0]["collections"]


class CollectAfterLargeRequests:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        before = young_collections()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if young_collections() - before >= LARGE_REQUEST and user is not None and user.is_authenticated:
            gc.collect()
        return response
