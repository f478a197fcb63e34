"""The benchmark's mail: a real SMTP server (aiosmtpd, in a thread of the benchmark) that counts what it is
given, and the site's worker (`manage.py run_worker`), started as on a machine of docs/deploy, at the CPU
priority its systemd unit gives it, so the confirm burst is measured with its e-mails really rendered and sent."""

import os
import subprocess
import sys
import threading
from pathlib import Path

from aiosmtpd.controller import Controller

from bench.load import free_port

ROOT = Path(__file__).resolve().parent.parent


class Counter:
    """Accepts every message and counts them, by recipient."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.recipients: list[str] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        with self.lock:
            self.recipients.extend(envelope.rcpt_tos)
        return "250 2.0.0 OK"

    def count(self) -> int:
        with self.lock:
            return len(self.recipients)

    def repeated(self) -> int:
        """Recipients who got more than their share: each burst registrant must get one confirmation."""
        with self.lock:
            return len(self.recipients) - len(set(self.recipients))


class SmtpSink:
    def __init__(self) -> None:
        self.counter = Counter()
        self.port = free_port()
        self.controller = Controller(self.counter, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> "SmtpSink":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    def environment(self) -> dict[str, str]:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.port),
        }


def idle_priority() -> None:
    """What `CPUSchedulingPolicy=idle` of docs/deploy/v4-worker.service does (`ionice -c 3` in the command
    does `IOSchedulingClass=idle`): the worker runs when the web's processes leave a CPU (and the disk) free."""
    os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))


def start_worker(env: dict, log: Path) -> subprocess.Popen:
    """The site's worker with the site's environment, at the priority of docs/deploy/v4-worker.service."""
    with log.open("ab") as output:
        return subprocess.Popen(
            ["/usr/bin/ionice", "-c", "3", sys.executable, "manage.py", "run_worker", "--no-schedule"],
            preexec_fn=idle_priority,
            cwd=ROOT,
            env={**env, "PYTHONPATH": str(ROOT)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def stop_worker(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
