"""Visitors first (registrations/quiet.py): between two tasks the worker waits while other processes keep the
machine's CPUs busy, never once a task has waited WORKER_MAX_WAIT_SECONDS, and never where it cannot tell."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from registrations.mail import send
from registrations.management.commands.run_worker import Worker
from registrations.models import EmailLog
from registrations.quiet import LOOK_AGAIN_SECONDS, CpuTimes, VisitorsFirst, others_share, read_cpu_times
from tests.factories import make_registration

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Machine:
    """/proc/stat as a test tells it: each reading, others kept the two CPUs busy (True) or left them free."""

    def __init__(self, *busy: bool) -> None:
        self.busy = list(busy)
        self.times: CpuTimes | None = None
        self.slept: list[float] = []

    def read(self) -> CpuTimes:
        if self.times is None:  # the worker's start
            self.times = CpuTimes(busy=0.0, total=0.0, own=0.0)
        else:
            others = 2.0 if self.busy.pop(0) else 0.1
            self.times = CpuTimes(self.times.busy + others, self.times.total + 2.0, own=0.0)
        return self.times

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def visitors_first(machine: Machine) -> VisitorsFirst:
    return VisitorsFirst(backend_name="default", queue_names=["default"], read=machine.read, sleep=machine.sleep)


def queue_an_email(olomouc, settings, *, waited: float) -> None:
    settings.TASKS = DATABASE_TASKS
    settings.WORKER_MAX_WAIT_SECONDS = 20  # production's (development's is 0: never wait)
    registration = make_registration(olomouc, parts=[olomouc.seminar])
    with transaction.atomic():
        send.email_enqueue(registration, EmailLog.Kind.REGISTRATION_CONFIRMED)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(seconds=waited))


def test_others_share_leaves_out_the_workers_own_time():
    before = CpuTimes(busy=10.0, total=100.0, own=1.0)
    # In 2 s of the machine's time (one second on each of two CPUs), 1.5 s worked, 0.5 s of it by the worker.
    assert others_share(before, CpuTimes(busy=11.5, total=102.0, own=1.5)) == 0.5
    assert others_share(before, before) == 0.0


def test_this_machine_is_read():
    times = read_cpu_times()
    assert times is not None
    assert 0 < times.busy < times.total


def test_the_worker_waits_while_the_machine_is_busy(olomouc, settings):
    queue_an_email(olomouc, settings, waited=1)
    machine = Machine(True, True, True, False)
    assert visitors_first(machine).wait() == pytest.approx(3 * LOOK_AGAIN_SECONDS)
    assert machine.slept == [LOOK_AGAIN_SECONDS] * 3


def test_the_worker_goes_on_at_once_when_the_machine_is_quiet(olomouc, settings):
    queue_an_email(olomouc, settings, waited=1)
    machine = Machine(False)
    assert visitors_first(machine).wait() == 0
    assert machine.slept == []


def test_no_task_waits_longer_than_the_limit_however_busy_the_machine(olomouc, settings):
    queue_an_email(olomouc, settings, waited=21)
    machine = Machine(True, True, True)
    assert visitors_first(machine).wait() == 0


def test_waiting_can_be_turned_off(olomouc, settings):
    queue_an_email(olomouc, settings, waited=1)
    settings.WORKER_MAX_WAIT_SECONDS = 0
    assert visitors_first(Machine(True)).wait() == 0


def test_where_the_machine_cannot_be_read_the_worker_never_waits(olomouc, settings):
    queue_an_email(olomouc, settings, waited=1)
    unreadable = VisitorsFirst(backend_name="default", queue_names=["default"], read=lambda: None, sleep=None)
    assert unreadable.wait() == 0


def test_the_worker_sends_the_email_first_and_waits_after_it_holding_nothing(olomouc, settings):
    queue_an_email(olomouc, settings, waited=0)
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    machine = Machine(True, False)
    worker.visitors_first = visitors_first(machine)
    task = DBTaskResult.objects.get()
    task.claim(worker.worker_id)
    worker.run_task(task)
    assert EmailLog.objects.get().sent_at is not None
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert machine.slept == [LOOK_AGAIN_SECONDS]  # after the task, while the machine was busy
