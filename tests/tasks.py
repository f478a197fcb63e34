"""The task backend of the tests: production's database backend (each task a row, written in the transaction
that enqueues it), whose tasks the test process then runs itself, as a worker would, once that transaction
commits: a test reads `mail.outbox` right after a request. A task due later (a retry) waits for a real
worker, which the tests of the worker start themselves (tests/registrations/mail/test_worker.py)."""

from django.db import transaction
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

WORKER = Worker(
    queue_names=["*"],
    interval=0,
    batch=True,
    backend_name="default",
    startup_delay=False,
    max_tasks=None,
    worker_id="tests",
    excluded_queue_names=[],
)


def run_now(result_id) -> None:
    with transaction.atomic():
        ready = DBTaskResult.objects.ready().filter(id=result_id).select_for_update().first()
        if ready is None:
            return
        ready.claim(WORKER.worker_id)
    WORKER.run_task(ready)


class RunOnCommitBackend(DatabaseBackend):
    def enqueue(self, task, args, kwargs):
        result = super().enqueue(task, args, kwargs)
        run_after = result.db_result.run_after
        if run_after == get_date_max() or run_after <= timezone.now():
            transaction.on_commit(lambda: run_now(result.id), robust=False)
        return result
