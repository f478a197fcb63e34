"""Sending e-mails as tasks, in this process: each is written with the change that causes it, sent at most
once, tried again when the failure may pass, recorded as failed when it will not; the private link in it is
the registrant's own, worked out when it is built, and sending it again never replaces it."""

import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from registrations import selectors
from registrations.mail import send
from registrations.models import EmailLog, Registration
from registrations.services import registration as services
from registrations.tokens import new_token, private_token, token_hash
from tests.factories import make_registration

pytestmark = pytest.mark.django_db

REFUSING = {"default": {"BACKEND": "tests.registrations.failing_backend.RefusingEmailBackend"}}
DOWN = {"default": {"BACKEND": "tests.registrations.failing_backend.FailingEmailBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued_email(olomouc, settings, **registration) -> EmailLog:
    """A confirmation e-mail recorded and queued, not yet sent (production's backend: no worker here)."""
    settings.TASKS = DATABASE_TASKS
    registration = make_registration(olomouc, parts=[olomouc.seminar], language="en", **registration)
    with transaction.atomic():
        return send.email_enqueue(registration, EmailLog.Kind.REGISTRATION_CONFIRMED)


def test_an_email_is_queued_with_the_change_and_not_at_all_when_it_is_rolled_back(olomouc, settings):
    settings.TASKS = DATABASE_TASKS
    registration = make_registration(olomouc, parts=[olomouc.seminar])

    def confirm_then_fail() -> None:
        with transaction.atomic():
            services.registration_confirm(registration=registration)
            raise RuntimeError  # the change fails after the e-mail was queued

    with pytest.raises(RuntimeError):
        confirm_then_fail()
    assert not EmailLog.objects.exists()
    assert not DBTaskResult.objects.exists()
    services.registration_confirm(registration=registration)
    (task,) = DBTaskResult.objects.all()
    log = EmailLog.objects.get()
    # The task holds the log's id only: no address, no link, nothing secret waits in the queue.
    assert task.args_kwargs == {"args": [log.pk], "kwargs": {}}
    assert registration.token not in str(DBTaskResult.objects.values_list())


def test_an_email_is_sent_once_however_many_workers_try(olomouc, settings):
    log = queued_email(olomouc, settings)
    assert send.deliver(log_id=log.pk) is not None
    assert send.deliver(log_id=log.pk) is None
    assert len(mail.outbox) == 1


def test_an_email_another_worker_holds_is_left_to_it_until_its_lease_ends(olomouc, settings):
    log = queued_email(olomouc, settings)
    EmailLog.objects.filter(pk=log.pk).update(sending_until=timezone.now() + datetime.timedelta(seconds=60))
    assert send.deliver(log_id=log.pk) is None
    assert send.resume_stalled() == 0
    assert mail.outbox == []
    # The other worker died: once its lease has ended, the e-mail is taken over and sent, once.
    later = timezone.now() + datetime.timedelta(seconds=61)
    assert send.resume_stalled(now=later) == 1
    assert send.deliver(log_id=log.pk, now=later) is not None
    assert len(mail.outbox) == 1


def test_an_email_whose_worker_died_after_taking_its_task_is_given_a_new_one_after_a_lease(olomouc, settings):
    """A worker killed between taking the task (its own commit) and claiming the e-mail leaves the task running
    for ever and the e-mail held by nobody: once a lease has passed, the e-mail gets a new task, and only one."""
    log = queued_email(olomouc, settings)
    assert send.resume_stalled() == 0  # its task waits for a worker
    DBTaskResult.objects.update(status="RUNNING", started_at=timezone.now())  # a worker has just taken it
    assert send.resume_stalled() == 0
    later = timezone.now() + datetime.timedelta(seconds=settings.EMAIL_SEND_LEASE_SECONDS + 1)
    assert send.resume_stalled(now=later) == 1
    (resumed,) = DBTaskResult.objects.filter(status="READY")
    assert resumed.args_kwargs == {"args": [log.pk], "kwargs": {}}
    assert send.resume_stalled(now=later) == 0  # its new task waits: no second one
    assert send.deliver(log_id=log.pk, now=later) is not None
    assert len(mail.outbox) == 1


def test_a_failure_that_may_pass_is_tried_again_later_and_the_last_is_recorded(olomouc, settings):
    settings.MAILERS = DOWN
    settings.EMAIL_RETRY_DELAYS = [30, 60]
    log = queued_email(olomouc, settings)
    now = timezone.now()
    send.deliver(log_id=log.pk, now=now)
    retry = DBTaskResult.objects.order_by("-enqueued_at").first()
    assert retry.run_after == now + datetime.timedelta(seconds=30)
    log.refresh_from_db()
    assert (log.attempts, log.failed_at, log.sent_at) == (1, None, None)
    assert "attempt 1: SMTPServerDisconnected" in log.error
    send.deliver(log_id=log.pk, now=now + datetime.timedelta(seconds=30))
    send.deliver(log_id=log.pk, now=now + datetime.timedelta(seconds=90))
    log.refresh_from_db()
    assert log.attempts == 3
    assert log.failed_at is not None
    assert log.error.count("SMTPServerDisconnected") == 3


def test_a_refusal_for_good_is_recorded_at_once_and_staff_can_send_it_again(olomouc, settings):
    settings.MAILERS = REFUSING
    log = queued_email(olomouc, settings)
    send.deliver(log_id=log.pk)
    log.refresh_from_db()
    assert log.attempts == 1
    assert log.failed_at is not None
    assert "550" in log.error
    assert DBTaskResult.objects.count() == 1  # no new try
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    again = services.email_resend(log=log)
    send.deliver(log_id=again.pk)
    (message,) = mail.outbox
    assert f"/en/registration/{private_token(log.registration.pk, 1)}/" in message.body


def test_sending_the_link_again_sends_the_same_link(client, olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/registration/link/", {"email": registration.email})
    with django_capture_on_commit_callbacks(execute=True):
        services.email_resend(log=EmailLog.objects.get())
    first, second = mail.outbox
    link = f"/en/registration/{registration.token}/"
    assert link in first.body
    assert link in second.body
    assert client.get(link).status_code == 200  # the link the registrant saved still works
    # The request's task held the typed address: its record is gone once it has run.
    assert not DBTaskResult.objects.filter(task_path__endswith="link_again_task").exists()


def test_the_registrant_replaces_the_link_and_only_the_new_one_works(
    client, olomouc, django_capture_on_commit_callbacks
):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="en")
    old = f"/en/registration/{registration.token}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(old + "new-link/")
    new = response["Location"]
    assert new != old
    assert client.get(new).status_code == 200
    gone = client.get(old)
    assert gone.status_code == 404
    assert "This link does not work" in gone.content.decode()
    (message,) = mail.outbox
    assert new in message.body  # the new link, sent to the registrant's address


def test_staff_replace_a_link_from_the_admin_with_a_warning(staff_client, olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/registrations/registration/",
            {"action": "replace_link", "_selected_action": [registration.pk]},
            follow=True,
        )
    assert "1 private link replaced and sent." in response.content.decode()
    assert selectors.registration_by_token(registration.token) is None
    (message,) = mail.outbox
    registration.refresh_from_db()
    assert f"/registration/{private_token(registration.pk, 2)}/" in message.body


def test_links_sent_before_links_were_derived_keep_working(client, olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="en")
    old_token = new_token()  # a link as the site issued them before: random, only its hash stored
    Registration.objects.filter(pk=registration.pk).update(token_hash=token_hash(old_token), legacy_token_hash=None)
    migration = importlib.import_module("registrations.migrations.0007_private_links_and_email_tasks")
    migration.derive_links(apps, None)
    assert client.get(f"/en/registration/{old_token}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/registration/link/", {"email": registration.email})
    (message,) = mail.outbox
    derived = private_token(registration.pk, 1)
    assert f"/en/registration/{derived}/" in message.body
    assert client.get(f"/en/registration/{derived}/").status_code == 200
    assert client.get(f"/en/registration/{old_token}/").status_code == 200  # both, until it is replaced


def test_a_new_secret_key_keeps_the_links_sent_under_the_old_one(client, olomouc, settings):
    log = queued_email(olomouc, settings, seat_status="confirmed")
    registration = log.registration
    old_link = f"/en/registration/{private_token(registration.pk, 1)}/"
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-for-this-test-0123456789-abcdefghijklmnop"
    send.deliver(log_id=log.pk)
    assert old_link in mail.outbox[0].body  # the fallback still derives it: the same link is sent
    settings.SECRET_KEY_FALLBACKS = []
    again = send.email_send_again(log)
    send.deliver(log_id=again.pk)
    registration.refresh_from_db()
    assert registration.link_version == 2  # under the new key only: a new link is sent …
    assert f"/en/registration/{private_token(registration.pk, 2)}/" in mail.outbox[1].body
    assert client.get(old_link).status_code == 200  # … and the one the registrant has still works


def test_send_my_link_again_does_the_same_work_for_known_and_unknown_addresses(
    client, olomouc, django_capture_on_commit_callbacks
):
    """The answer and every query made while answering are the same whether the address is registered or
    not (once, the known one took 1.2 ms longer): the lookup and the e-mail are the worker's task."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", email="known@obec.cz")
    answers, statements = {}, {}
    with django_capture_on_commit_callbacks(execute=False) as run_by_the_worker:
        for email in ("known@obec.cz", "nobody@obec.cz"):
            with CaptureQueriesContext(connection) as queries:
                answers[email] = client.post("/en/registration/link/", {"email": email})
            # Without values: the rate limit's key and the task's id and address differ, as they must.
            statements[email] = [
                re.sub(r"'[^']*'|\"s\d+_x\d+\"|\b\d+(\.\d+)?\b|%s", "?", query["sql"]) for query in queries
            ]
    assert answers["known@obec.cz"]["Location"] == answers["nobody@obec.cz"]["Location"]
    assert statements["known@obec.cz"] == statements["nobody@obec.cz"]
    assert not any(table in sql for sql in statements["known@obec.cz"] for table in ("_registration", "_emaillog"))
    with django_capture_on_commit_callbacks(execute=True):  # the worker: the lookups, then the one e-mail
        for callback in run_by_the_worker:
            callback()
    assert [message.to for message in mail.outbox] == [["known@obec.cz"]]
