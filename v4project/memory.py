"""A worker's memory stays near its size at start.

Django's template context and admin list keep a page's rows in reference cycles, which only Python's full
collection frees, and Python runs one seldom (after many objects that outlive collections, not after many
freed ones): a worker serving the admin list grew by some 60 MB of such garbage before one ran, and the
memory it had taken stayed taken. So a request that made many objects (Python collected its youngest ones
`LARGE_REQUEST` times or more while it ran: the admin's and the portal's lists, exports, reports) is followed
by a full collection. Small pages pay nothing, and most public ones come from the page cache before this
runs. The objects loaded at start are frozen (v4project/wsgi.py), so a collection walks only what requests
made: a few milliseconds.
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
        if young_collections() - before >= LARGE_REQUEST:
            gc.collect()
        return response
