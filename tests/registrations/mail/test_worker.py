"""The worker as it runs on a machine of docs/deploy: a process of its own, on the test database, sending to
a real SMTP server. No e-mail depends on a web worker, or on one task worker, staying alive."""

import collections
import re
import signal
import time

import pytest

from registrations import selectors
from registrations.models import EmailLog, Registration
from registrations.services import registration as services
from tests.factories import make_coming_event, make_part, make_registration
from tests.smtp import smtp_server
from tests.workers import log_of, start_worker, stop

pytestmark = pytest.mark.django_db(transaction=True)

LINK = re.compile(r"/registration/([A-Za-z0-9_-]{43})/")
# Production's backend in this process too: enqueued tasks wait for the worker process.
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued_confirmations(settings):
    """`queued_confirmations(n)`: n confirmed registrations, each with its confirmation e-mail queued."""
    settings.TASKS = DATABASE_TASKS

    def queue(count: int) -> list[Registration]:
        event = make_coming_event()
        part = make_part(event, capacity=None)
        pending = [make_registration(event, parts=[part], language="en") for _ in range(count)]
        for registration in pending:
            services.registration_confirm(registration=registration)
        return pending

    return queue


def sent_links(sink) -> dict[str, str]:
    """{recipient: the private link's token} of every message received."""
    return {
        str(message["To"]): LINK.search(message.get_body(("plain",)).get_content()).group(1)
        for message in sink.messages
    }


def test_a_worker_killed_among_200_queued_emails_loses_none_and_a_new_one_sends_each_once(queued_confirmations):
    registrations = queued_confirmations(200)
    # A mail server that answers in 20 ms: the kill lands while the worker is busy.
    with smtp_server(delay=0.02) as (sink, port):
        first = start_worker(smtp_port=port, EMAIL_SEND_LEASE_SECONDS="2")
        try:
            sink.wait_for(40, seconds=60)
            assert len(sink.recipients()) >= 40, log_of(first)
            first.send_signal(signal.SIGKILL)
            first.wait()
        finally:
            stop(first)
        killed_at = len(sink.recipients())
        assert killed_at < 200  # the kill came before the end: e-mails were waiting
        # The e-mail the killed worker was sending, if any: held until its lease ends, then taken over.
        held = list(EmailLog.objects.filter(sent_at__isnull=True, sending_until__isnull=False))
        assert len(held) <= 1
        time.sleep(2.5)  # its lease ends; the next worker takes it over when it starts
        second = start_worker(smtp_port=port, EMAIL_SEND_LEASE_SECONDS="2")
        try:
            sink.wait_for(200, seconds=90)
        finally:
            stop(second)
        received = collections.Counter(sink.recipients())
    addresses = {registration.email for registration in registrations}
    assert set(received) == addresses, log_of(second)
    # Only a send cut between the mail server's answer and its record may be repeated: the held one.
    repeated = {address for address, count in received.items() if count > 1}
    assert repeated <= {log.recipient for log in held}
    assert not EmailLog.objects.filter(sent_at__isnull=True).exists()
    for address, token in sent_links(sink).items():
        assert selectors.registration_by_token(token).email == address  # each link opens its registrant's page


def test_a_mail_server_that_refuses_for_a_while_gets_every_email_once_it_accepts_again(queued_confirmations):
    registrations = queued_confirmations(3)
    with smtp_server(refuse_for=3) as (sink, port):
        worker = start_worker(smtp_port=port, EMAIL_RETRY_DELAYS="1,1,1,1,1,1")
        try:
            sink.wait_for(3, seconds=30)
        finally:
            stop(worker)
    assert sorted(sink.recipients()) == sorted(registration.email for registration in registrations), log_of(worker)
    assert sink.refusals >= 3
    for log in EmailLog.objects.all():
        assert log.sent_at is not None
        assert log.failed_at is None
        assert log.attempts >= 2
        # The log shows each refused try, with its time and the server's answer.
        assert re.search(r"attempt 1: SMTP\w+Error: \(451", log.error), log.error
        assert log.sent_at > log.created
