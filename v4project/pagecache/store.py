"""The pages of one worker process: in memory, least recently used first out, each under the content stamp
it was rendered with and until the moment it may change by itself."""

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

# Each worker's share of memory for pages: some 400 pages of 40 KB, all five languages of the whole site.
MAX_BYTES = 16 * 1024 * 1024


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
