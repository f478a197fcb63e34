"""Visitors first: the worker waits while the machine is busy answering them (issue 15's confirm burst).

A burst of confirmations when registration opens keeps the web's processes working, and a worker building
their e-mails at the same time takes CPU and caches from them even at the lowest scheduling priority: each
confirmation then takes longer, for everyone. So between two tasks the worker looks at how busy the
machine's CPUs were (Linux's /proc/stat, less the worker's own time) and, while others keep more than
`WORKER_QUIET_PERCENT` of them busy, waits. Never longer than `WORKER_MAX_WAIT_SECONDS` for any task: once the
oldest task ready to run has waited that long, the worker runs tasks however busy the machine is, so under
lasting load e-mails are late by that much, never later. Where /proc/stat is missing, it never waits.
"""

import datetime
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

PROC_STAT = Path("/proc/stat")
LOOK_AGAIN_SECONDS = 0.2


@dataclass(frozen=True)
class CpuTimes:
    """Seconds of CPU time since boot: the machine's (all CPUs) working and in total, and this process's."""

    busy: float
    total: float
    own: float


def read_cpu_times() -> CpuTimes | None:
    try:
        fields = [int(value) for value in PROC_STAT.read_text().split("\n", 1)[0].split()[1:9]]
    except (OSError, ValueError):
        return None
    tick = os.sysconf("SC_CLK_TCK")
    # user, nice, system, idle, iowait, irq, softirq, steal: idle and iowait are the CPUs' free time.
    total = sum(fields) / tick
    return CpuTimes(busy=total - (fields[3] + fields[4]) / tick, total=total, own=time.process_time())


def others_share(before: CpuTimes, after: CpuTimes) -> float:
    """The share of the machine's CPU time that others used between the two readings."""
    elapsed = after.total - before.total
    if elapsed <= 0:
        return 0.0
    return max(0.0, (after.busy - before.busy) - (after.own - before.own)) / elapsed


def oldest_wait(backend_name: str, queue_names: list[str], now: datetime.datetime) -> datetime.timedelta:
    """How long the task ready to run longest has waited (zero when none is ready)."""
    ready = DBTaskResult.objects.ready().filter(backend_name=backend_name, queue_name__in=queue_names)
    since = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return now - since if since else datetime.timedelta(0)


class VisitorsFirst:
    """Called by the worker after each task: returns once the machine is quiet or a task has waited long
    enough (or at once, when waiting is turned off or cannot be measured)."""

    def __init__(
        self,
        *,
        backend_name: str,
        queue_names: list[str],
        read: Callable[[], CpuTimes | None] = read_cpu_times,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.backend_name, self.queue_names = backend_name, queue_names
        self.read, self.sleep = read, sleep
        self.last = read()

    def busy(self) -> bool:
        now = self.read()
        before, self.last = self.last, now
        if before is None or now is None:
            return False
        return others_share(before, now) * 100 > settings.WORKER_QUIET_PERCENT

    def wait(self, keep_going: Callable[[], bool] = lambda: True) -> float:
        """Wait while the machine is busy; returns the seconds waited."""
        limit = datetime.timedelta(seconds=settings.WORKER_MAX_WAIT_SECONDS)
        waited = 0.0
        if not limit:
            return waited
        while keep_going() and self.busy():
            if oldest_wait(self.backend_name, self.queue_names, timezone.now()) >= limit:
                break
            self.sleep(LOOK_AGAIN_SECONDS)
            waited += LOOK_AGAIN_SECONDS
        return waited
