"""Sending: every e-mail is a row of the e-mail log and a task, both written in the transaction of the change
that causes it, so it is sent if and only if the change is committed, whatever happens to the web worker.

A worker (`manage.py run_worker`) runs the task: it takes the e-mail for `EMAIL_SEND_LEASE_SECONDS` (one
UPDATE that only one worker can win, so two workers never send it twice), builds it in the registrant's
language with the private link derived at that moment, sends it, and records the outcome at once, so only
a send cut between the mail server's answer and that record may be repeated. A failure that may pass (the
mail server down, a time-out, a 4xx answer) is tried again after `EMAIL_RETRY_DELAYS`; a lasting one, or
the last try, is recorded as failed with its reason, and staff can send it again from the admin. An e-mail
whose worker died while sending is taken over once its lease has ended, and one whose worker died after
taking its task but before claiming the e-mail once a lease has passed since (`resume_stalled`, at every start
of a worker and every minute).
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from ..models import AutomaticRule, EmailLog, Message, Part, Registration
from ..tokens import current_token, private_token, token_hash
from .build import build_farewell, build_message
from .organisers import build_message_email, build_rule_email

logger = logging.getLogger(__name__)

# The e-mails that carry the registrant's private link (derived when the e-mail is built).
WITH_LINK = {
    EmailLog.Kind.CONFIRM_ADDRESS,
    EmailLog.Kind.REGISTRATION_CONFIRMED,
    EmailLog.Kind.MOVED_UP,
    EmailLog.Kind.CHANGED,
    EmailLog.Kind.LINK_AGAIN,
    EmailLog.Kind.SUBSTITUTE_OFFER,
    EmailLog.Kind.MESSAGE,
    EmailLog.Kind.AUTOMATIC,
}
# Kinds whose log keeps no address once sent: the registration they were about is gone.
WITHOUT_REGISTRATION = {EmailLog.Kind.DATA_DELETED, EmailLog.Kind.SUBSTITUTED}


def email_enqueue(
    registration: Registration,
    kind: str,
    *,
    part: Part | None = None,
    message: Message | None = None,
    rule: AutomaticRule | None = None,
) -> EmailLog | None:
    """Record the e-mail and its task now, in the caller's transaction (so "sent within the hour" is known
    at once, and nothing is sent for a change that is rolled back). A walk-in added at the door without an
    address gets nothing (None)."""
    if not registration.email:
        return None
    log = EmailLog.objects.create(
        registration=registration,
        event_id=registration.event_id,
        part=part,
        message=message,
        rule=rule,
        kind=kind,
        language=registration.language,
        recipient=registration.email,
    )
    send_email.enqueue(log.pk)
    return log


def email_enqueue_farewell(registration: Registration, kind: str) -> EmailLog:
    """The same for the last e-mail about a registration being deleted: its log keeps the address only
    until the e-mail has left."""
    log = EmailLog.objects.create(
        event_id=registration.event_id, kind=kind, language=registration.language, recipient=registration.email
    )
    send_email.enqueue(log.pk)
    return log


@task()
def send_email(log_id: int) -> None:
    deliver(log_id=log_id)


def _claim(log_id: int, now: datetime.datetime) -> bool:
    """Take the e-mail for this worker: unsent, not failed, and held by no other worker."""
    lease = now + datetime.timedelta(seconds=settings.EMAIL_SEND_LEASE_SECONDS)
    free = Q(sending_until__isnull=True) | Q(sending_until__lte=now)
    unsent = EmailLog.objects.filter(free, pk=log_id, sent_at__isnull=True, failed_at__isnull=True)
    return bool(unsent.update(sending_until=lease, attempts=F("attempts") + 1))


def link_token(registration: Registration) -> str:
    """The registrant's private link as it stands; when the secret key no longer derives it (a link from
    before links were derived, a retired key), a new version, and the old link keeps working."""
    token = current_token(registration)
    if token is None:
        version = registration.link_version + 1
        token = private_token(registration.pk, version)
        Registration.objects.filter(pk=registration.pk).update(
            link_version=version, token_hash=token_hash(token), legacy_token_hash=registration.token_hash
        )
    return token


def is_temporary(error: Exception) -> bool:
    """A failure that may pass by itself: the server unreachable or busy, a time-out, a 4xx answer."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPException):  # refused for good: not supported, no recipient, …
        return False
    return isinstance(error, OSError)  # refused, reset, unreachable, timed out


def deliver(*, log_id: int, now: datetime.datetime | None = None) -> EmailLog | None:
    """Build and send the e-mail of this log entry once, and record the outcome. Never raises for a failed
    send; returns None when another worker holds it or it has already left."""
    now = now or timezone.now()
    if not _claim(log_id, now):
        return None
    # Only what every e-mail needs comes in the one query: a message, a rule or a farewell's event (the
    # rarer kinds) is read when the e-mail uses it. A join of them all costs each confirmation's e-mail more.
    log = EmailLog.objects.select_related("registration__event", "part").get(pk=log_id)
    try:
        if log.registration is not None:
            link = link_token(log.registration) if log.kind in WITH_LINK else None
            message = _build(log, link)
        else:
            message = build_farewell(kind=log.kind, event=log.event, language=log.language, to=log.recipient)
        log.subject = message.subject[:300]
        message.send()
    except Exception as error:  # any failure of building or sending is recorded, never raised
        return _failed(log, error, now=now)
    # The failed tries before, if any, stay in `error`: the log shows them.
    log.sent_at, log.sending_until = timezone.now(), None
    fields = ["subject", "sent_at", "sending_until"]
    if log.kind in WITHOUT_REGISTRATION:
        log.recipient = ""
        fields.append("recipient")
    log.save(update_fields=fields)
    return log


def _build(log: EmailLog, link: str | None):
    if log.kind == EmailLog.Kind.MESSAGE:
        if log.message is None:
            raise LookupError("the message was deleted before it was sent")
        return build_message_email(log.registration, message=log.message, token=link)
    if log.kind == EmailLog.Kind.AUTOMATIC:
        if log.rule is None:
            raise LookupError("the automatic e-mail was deleted before it was sent")
        return build_rule_email(log.registration, rule=log.rule, token=link)
    return build_message(log.registration, kind=log.kind, token=link, part=log.part)


def _failed(log: EmailLog, error: Exception, *, now: datetime.datetime) -> EmailLog:
    retry = is_temporary(error) and log.attempts <= len(settings.EMAIL_RETRY_DELAYS)
    logger.warning("e-mail %s (%s), attempt %d failed: %s", log.pk, log.kind, log.attempts, type(error).__name__)
    # Without a registration, only the kind of error: a mail server's message may name the recipient.
    reason = type(error).__name__ if log.kind in WITHOUT_REGISTRATION else f"{type(error).__name__}: {error}"
    line = f"{timezone.localtime(now):%Y-%m-%d %H:%M:%S} attempt {log.attempts}: {reason}"
    log.error = "\n".join(filter(None, [log.error, line]))[-1000:]
    log.sending_until = None
    fields = ["subject", "error", "sending_until"]
    with transaction.atomic():
        if retry:
            delay = settings.EMAIL_RETRY_DELAYS[log.attempts - 1]
            send_email.using(run_after=now + datetime.timedelta(seconds=delay)).enqueue(log.pk)
        else:
            log.failed_at = now
            fields.append("failed_at")
            if log.kind in WITHOUT_REGISTRATION:
                log.recipient = ""
                fields.append("recipient")
        log.save(update_fields=fields)
    return log


def email_send_again(log: EmailLog) -> EmailLog:
    """Staff send a recorded e-mail again: a new log entry and task, in the registrant's language, with the
    link as it stands (sending again never replaces it)."""
    with transaction.atomic():
        return email_enqueue(log.registration, log.kind, part=log.part, message=log.message, rule=log.rule)


def resume_stalled(*, now: datetime.datetime | None = None) -> int:
    """Give a new task to each e-mail whose worker died while sending it (its lease has ended) or before it took
    the e-mail (its task taken more than a lease ago, the e-mail never claimed); the claim makes sure only one
    worker sends each. Returns how many."""
    now = now or timezone.now()
    stalled = EmailLog.objects.filter(sent_at__isnull=True, failed_at__isnull=True, sending_until__lte=now)
    ids = list(stalled.values_list("pk", flat=True)[:1000]) + _orphaned(now)
    with transaction.atomic():
        for log_id in ids:
            send_email.enqueue(log_id)
    if ids:
        logger.warning("resumed %d e-mails whose worker stopped while sending", len(ids))
    return len(ids)


def _orphaned(now: datetime.datetime) -> list[int]:
    """E-mails that no task will send: unsent and held by no worker, with no send task waiting and none that a
    worker took within the lease. A worker killed between taking the task (its own commit) and claiming the
    e-mail leaves that task running for ever. Only with a backend that keeps its tasks in the database."""
    if not isinstance(send_email.get_backend(), DatabaseBackend):
        return []
    unclaimed = EmailLog.objects.filter(sent_at__isnull=True, failed_at__isnull=True, sending_until__isnull=True)
    candidates = set(unclaimed.values_list("pk", flat=True)[:1000])
    if not candidates:
        return []
    lease = datetime.timedelta(seconds=settings.EMAIL_SEND_LEASE_SECONDS)
    alive = DBTaskResult.objects.filter(task_path=send_email.module_path).filter(
        Q(status=TaskResultStatus.READY) | Q(status=TaskResultStatus.RUNNING, started_at__gt=now - lease)
    )
    return sorted(candidates - {task["args"][0] for task in alive.values_list("args_kwargs", flat=True)})
