"""E-mails leave after the answer, from a thread of the same worker, when it has no visitor to serve.

Rendering an e-mail (two templates, the calendar file, the QR code) costs more than the confirmation
itself, and a real mail server adds its own round trips: sent inside the request, both would hold up the
visitor and, in the first minutes after registration opens, everyone queued behind them. So the services
record each e-mail in EmailLog inside their transaction, as before, and after the commit hand the sending
to this outbox. Its thread sends each e-mail once the worker has had no request for `QUIET_SECONDS`, or
after `MAX_DELAY_SECONDS` in any case, so a burst of visitors is answered first and its e-mails follow
within seconds.

The private link's token lives only in memory until its e-mail is sent (only its hash is stored). A
worker that stops sends what is waiting first (`atexit`, which gunicorn's graceful stop and restart reach);
one that is killed leaves those EmailLog entries unsent, for staff to send again from the admin.

With `EMAIL_IN_BACKGROUND` off (the tests), e-mails are sent at once, in the caller's thread.
"""

import atexit
import collections
import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import connections

logger = logging.getLogger(__name__)

QUIET_SECONDS = 0.05
MAX_DELAY_SECONDS = 30.0
# A request counted as started and never as finished (a server that did not close its answer) stops
# counting after this long, so it cannot hold the e-mails back for good.
LONGEST_REQUEST_SECONDS = 10.0


class Outbox:
    def __init__(self) -> None:
        self._jobs: collections.deque[tuple[float, Callable[[], object]]] = collections.deque()
        self._wake = threading.Condition()
        self._sending = threading.Lock()  # held while one job runs, so a drain never sends it twice
        self._thread: threading.Thread | None = None
        self._in_flight = 0
        self._last_activity = 0.0

    # Requests, counted through Django's signals ------------------------------------------------------

    def request_started(self, **kwargs) -> None:
        with self._wake:
            self._in_flight += 1
            self._last_activity = time.monotonic()

    def request_finished(self, **kwargs) -> None:
        with self._wake:
            self._in_flight = max(0, self._in_flight - 1)
            self._last_activity = time.monotonic()

    def busy(self) -> bool:
        since = time.monotonic() - self._last_activity
        return since < QUIET_SECONDS or (self._in_flight > 0 and since < LONGEST_REQUEST_SECONDS)

    # Jobs --------------------------------------------------------------------------------------------

    def send(self, job: Callable[[], object]) -> None:
        """Run `job` (it sends one e-mail and records the outcome) now or from the thread."""
        if not settings.EMAIL_IN_BACKGROUND:
            job()
            return
        with self._wake:
            self._jobs.append((time.monotonic(), job))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="outbox", daemon=True)
                self._thread.start()
            self._wake.notify()

    def drain(self) -> None:
        """Send everything waiting, now, in this thread (at exit, and for tests)."""
        while self._run_next():
            pass

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._jobs:
                    self._wake.wait()
            while self._jobs:
                self._wait_for_quiet()
                self._run_next()
            connections.close_all()  # this thread's own connection: none kept open while nothing is sent

    def _wait_for_quiet(self) -> None:
        while True:
            try:
                queued_at = self._jobs[0][0]
            except IndexError:  # a drain took the last one meanwhile
                return
            if not self.busy() or time.monotonic() - queued_at >= MAX_DELAY_SECONDS:
                return
            time.sleep(QUIET_SECONDS)

    def _run_next(self) -> bool:
        with self._sending:
            try:
                _queued_at, job = self._jobs.popleft()
            except IndexError:
                return False
            try:
                job()
            except Exception:  # one e-mail's failure never stops the others (it stays unsent in EmailLog)
                logger.exception("an e-mail could not be sent from the outbox")
            return True


outbox = Outbox()
request_started.connect(outbox.request_started, dispatch_uid="outbox_request_started")
request_finished.connect(outbox.request_finished, dispatch_uid="outbox_request_finished")
atexit.register(outbox.drain)
