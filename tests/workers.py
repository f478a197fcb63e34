"""`manage.py run_worker` as a process of its own, on the test database, with production's task backend and
the test's SMTP server: what a machine of docs/deploy runs, started and killed by a test."""

import os
import subprocess
import sys
import tempfile

from tests.servers import ROOT, database_url


def start_worker(*, smtp_port: int, **env: str) -> subprocess.Popen:
    """A worker that looks at the queue ten times a second, starts no scheduled job and never waits for a quiet
    machine (tests/registrations/test_quiet.py tests that wait): the load of the suite, or of a second suite
    beside it, must not decide when a test's e-mails are tried. What it logs goes to a file
    (`worker.log_path`), read when a test fails."""
    log = tempfile.NamedTemporaryFile(prefix="worker-", suffix=".log", delete=False)  # noqa: SIM115 - the process writes it
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--no-schedule", "--interval", "0.1"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": database_url(),
            "PYTHONPATH": str(ROOT),
            "TEST_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "TEST_SMTP_PORT": str(smtp_port),
            "WORKER_MAX_WAIT_SECONDS": "0",
            **env,
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    worker.log_path = log.name
    log.close()
    return worker


def log_of(worker: subprocess.Popen) -> str:
    with open(worker.log_path) as log:  # noqa: PTH123 - a path from tempfile
        return log.read()


def stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
