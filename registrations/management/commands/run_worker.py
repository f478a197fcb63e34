"""The worker of a machine: runs the site's tasks (e-mails and the scheduled jobs) and starts the scheduled
jobs at their times. One process per machine (docs/deploy/v4-worker.service; `make run` starts one beside
the development server).

- Tasks: django-tasks-db's worker loop, which takes each task with SKIP LOCKED (PostgreSQL) or an exclusive
  transaction (SQLite), so several workers never run one task twice.
- Schedule: django-crontask's scheduler in a thread of this process, enqueuing each job of
  `registrations/tasks.py` at its time. With Redis, one scheduler across all machines holds a lock and the
  others wait to take over; without it, each machine schedules (the jobs do the same work twice at most).
- At start, e-mails whose worker died while sending them are taken over (their lease has ended).
- Visitors first: after each task, the worker waits while other processes keep the machine busy, never
  longer than WORKER_MAX_WAIT_SECONDS for any task (registrations/quiet.py).

SIGTERM or Ctrl+C: the task being run finishes, then the worker stops.
"""

import importlib
import logging
import os
import socket
import threading

from crontask import scheduler
from crontask import utils as crontask_utils
from crontask.conf import get_settings as crontask_settings
from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import module_has_submodule
from django_tasks_db.management.commands import db_worker

from registrations.mail.send import resume_stalled
from registrations.quiet import VisitorsFirst

logger = logging.getLogger("v4.worker")

LOCK_RETRY_SECONDS = 15


def load_scheduled_jobs() -> None:
    """Import every app's `tasks` module: its `@cron` jobs join the scheduler."""
    for config in apps.get_app_configs():
        if config.name != "crontask" and module_has_submodule(config.module, "tasks"):
            importlib.import_module(f"{config.name}.tasks")


def run_scheduler(stopping: threading.Event) -> None:
    """Hold the scheduler's lock (Redis) and run the schedule; when another worker holds it, wait and try
    again, so the schedule goes on if that worker stops."""
    while not stopping.is_set():
        try:
            with crontask_utils.lock as lock:
                scheduler.add_job(
                    crontask_utils.extend_lock,
                    "interval",
                    seconds=crontask_settings().LOCK_REFRESH_INTERVAL,
                    args=(lock, scheduler),
                    id="crontask-lock-extend",
                    replace_existing=True,
                )
                logger.info("scheduler started")
                scheduler.start()
        except crontask_utils.LockError:
            logger.info("another worker runs the schedule; trying again in %d s", LOCK_RETRY_SECONDS)
        except Exception:  # the schedule must not take the worker down; it is tried again
            logger.exception("the scheduler stopped")
        stopping.wait(LOCK_RETRY_SECONDS)


class Worker(db_worker.Worker):
    """django-tasks-db's worker loop; after each task, nothing held, it waits while visitors keep the machine
    busy (registrations/quiet.py)."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.visitors_first = VisitorsFirst(backend_name=self.backend_name, queue_names=self.queue_names)

    def run_task(self, db_task_result) -> None:
        super().run_task(db_task_result)
        self.visitors_first.wait(keep_going=lambda: self.running)


class Command(BaseCommand):
    help = "Run the site's background tasks (e-mails, scheduled jobs) and their schedule: one per machine."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks at an empty queue.")
        parser.add_argument("--no-schedule", action="store_true", help="Run tasks only; start no scheduled job.")

    def handle(self, *args, interval: float, no_schedule: bool, **options) -> None:
        worker_id = f"{socket.gethostname()}-{os.getpid()}"[:64]
        stopping = threading.Event()
        if not no_schedule:
            load_scheduled_jobs()
            threading.Thread(target=run_scheduler, args=(stopping,), name="schedule", daemon=True).start()
        resumed = resume_stalled()
        self.stdout.write(f"Worker {worker_id}: tasks every {interval:g} s; e-mails taken over at start: {resumed}.")
        worker = Worker(
            queue_names=["default"],
            interval=interval,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stopping.set()
            if scheduler.running:
                scheduler.shutdown(wait=False)
