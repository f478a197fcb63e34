"""The e-mail outbox (registrations/mail/outbox.py): e-mails leave after the answer, once the worker is quiet,
never later than MAX_DELAY_SECONDS, and all of them before the process ends."""

import os
import re
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from registrations.mail import outbox as outbox_module
from registrations.mail.outbox import Outbox
from registrations.models import EmailLog
from tests.factories import make_coming_event, make_part, make_registration

pytestmark = pytest.mark.django_db  # the folder's fixtures empty the cache table


@pytest.fixture
def background(settings, monkeypatch):
    settings.EMAIL_IN_BACKGROUND = True
    # Tests whose view raised left their request counted as unfinished (the test client re-raises instead
    # of closing the answer, as a server would): this worker has none in flight.
    monkeypatch.setattr(outbox_module.outbox, "_in_flight", 0)


def eventually(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.mark.django_db(transaction=True)
def test_confirmation_email_leaves_after_the_answer(client, background):
    event = make_coming_event(slug="olomouc-2023")
    registration = make_registration(event, parts=[make_part(event, capacity=10)])
    with translation.override("en"):
        url = reverse("registrations:confirm", kwargs={"token": registration.token})
    response = client.post(url)
    assert response.status_code == 302
    log = EmailLog.objects.get(registration=registration, kind=EmailLog.Kind.REGISTRATION_CONFIRMED)
    assert eventually(lambda: len(mail.outbox) == 1)
    assert mail.outbox[0].to == [registration.email]
    assert registration.token in mail.outbox[0].body  # the private link, from memory: only its hash is stored
    assert eventually(lambda: EmailLog.objects.get(pk=log.pk).sent_at is not None)


def test_an_email_waits_while_the_worker_answers_a_request(background):
    outbox, sent = Outbox(), []
    outbox.request_started()
    outbox.send(lambda: sent.append("confirmation"))
    time.sleep(0.3)
    assert sent == []
    outbox.request_finished()
    assert eventually(lambda: sent == ["confirmation"])


@pytest.mark.parametrize(
    "limit",
    [
        "MAX_DELAY_SECONDS",  # the longest an e-mail waits, however busy the worker
        "LONGEST_REQUEST_SECONDS",  # a request counted as started and never as finished stops counting
    ],
)
def test_an_email_is_never_held_back_for_good(background, monkeypatch, limit):
    monkeypatch.setattr(outbox_module, limit, 0.2)
    outbox, sent = Outbox(), []
    outbox.request_started()  # and never finished
    outbox.send(lambda: sent.append("confirmation"))
    assert eventually(lambda: sent == ["confirmation"], seconds=2)


def test_drain_sends_everything_waiting_in_order(background):
    outbox, sent = Outbox(), []
    outbox.request_started()
    for n in range(3):
        outbox.send(lambda n=n: sent.append(n))
    outbox.drain()
    assert sent == [0, 1, 2]
    assert not outbox._jobs


def test_one_failing_email_does_not_stop_the_next(background, caplog):
    outbox, sent = Outbox(), []

    def broken():
        raise ConnectionError("mail server gone")

    outbox.send(broken)
    outbox.send(lambda: sent.append("next"))
    assert eventually(lambda: sent == ["next"])
    assert "could not be sent" in caplog.text


def test_without_background_the_email_is_sent_within_the_call(settings):
    settings.EMAIL_IN_BACKGROUND = False
    outbox, sent = Outbox(), []
    outbox.request_started()
    outbox.send(lambda: sent.append("now"))
    assert sent == ["now"]


def test_a_process_that_ends_sends_what_is_waiting_first():
    """gunicorn stops or restarts a worker by ending it: `atexit` sends the e-mails still waiting."""
    script = (
        "import django; django.setup()\n"
        "from registrations.mail.outbox import outbox\n"
        "outbox.request_started()\n"  # a visitor is being answered, so the e-mail waits …
        "outbox.send(lambda: print('sent at exit', flush=True))\n"
    )  # … and the process ends now
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "v4project.settings", "DEBUG": "1", "EMAIL_IN_BACKGROUND": "1"}
    command = [sys.executable, "-c", script]
    result = subprocess.run(command, cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "sent at exit"


@pytest.mark.django_db(transaction=True)
def test_send_my_link_again_does_the_same_work_for_known_and_unknown_addresses(client, background):
    """The answer and every query made while answering are the same whether the address is registered or
    not (once, the known one took 1.2 ms longer): the lookup and the new link come after, from the outbox."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    event = make_coming_event()
    registration = make_registration(event, parts=[make_part(event)], seat_status="confirmed", email="known@obec.cz")
    with translation.override("en"):
        resend = reverse("registrations:resend")
    answers, statements = {}, {}
    for email in ("known@obec.cz", "nobody@obec.cz"):
        cache.clear()  # the rate limit's count, the same for both
        with CaptureQueriesContext(connection) as queries:
            answers[email] = client.post(resend, {"email": email})
        statements[email] = [re.sub(r"'[^']*'|\b\d+\b", "?", query["sql"]) for query in queries]  # no values
    assert answers["known@obec.cz"]["Location"] == answers["nobody@obec.cz"]["Location"]
    assert statements["known@obec.cz"] == statements["nobody@obec.cz"]
    assert not any(table in sql for sql in statements["known@obec.cz"] for table in ("_registration", "_emaillog"))
    assert eventually(lambda: len(mail.outbox) == 1)
    assert mail.outbox[0].to == ["known@obec.cz"]
    assert eventually(lambda: EmailLog.objects.filter(registration=registration, sent_at__isnull=False).exists())
