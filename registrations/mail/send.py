"""Sending: every e-mail is recorded in EmailLog inside the transaction of the change that causes it, so the
record exists even if the process dies before sending, and leaves after the commit. A failed send is
recorded with its error and never undoes the change; staff can send it again (services.registration)."""

import logging
from collections.abc import Callable
from functools import partial

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from ..models import EmailLog, Part, Registration
from .build import build_message
from .outbox import outbox

logger = logging.getLogger(__name__)


def deliver(message: EmailMessage, log: EmailLog, *, error_detail: bool = True) -> EmailLog:
    """Send a built message and record the outcome on its log entry. Never raises for a failed send. Without
    `error_detail` only the kind of error is kept: a mail server's message may name the recipient."""
    log.subject = message.subject[:300]
    try:
        message.send()
    except Exception as error:  # any failure of the mail backend (SMTP, network, …) is recorded, not raised
        logger.exception("sending the %s e-mail %s failed", log.kind, log.pk)
        log.error = (f"{type(error).__name__}: {error}" if error_detail else type(error).__name__)[:1000]
        log.save(update_fields=["subject", "error"])
    else:
        log.sent_at = timezone.now()
        log.error = ""
        log.save(update_fields=["subject", "sent_at", "error"])
    return log


def send_registration_email(*, log_id: int, token: str | None = None, part_id: int | None = None) -> EmailLog | None:
    """Render the e-mail recorded (unsent) in this EmailLog entry, in the registrant's language, and send it."""
    log = EmailLog.objects.select_related("registration__event").filter(pk=log_id).first()
    if log is None or log.registration is None:
        return None
    part = Part.objects.filter(pk=part_id).first() if part_id else None
    try:
        message = build_message(log.registration, kind=log.kind, token=token, part=part)
    except Exception as error:  # a template that fails to render is recorded like a failed send
        logger.exception("rendering the %s e-mail %s failed", log.kind, log.pk)
        log.error = f"{type(error).__name__}: {error}"[:1000]
        log.save(update_fields=["error"])
        return log
    return deliver(message, log)


def _after_commit(job: Callable[[], object]) -> None:
    transaction.on_commit(partial(outbox.send, job), robust=True)


def email_after_commit(
    registration: Registration, kind: str, *, token: str | None = None, part: Part | None = None
) -> None:
    """Record the e-mail now, in the transaction (so "sent within the hour" is known at once), send it after
    the commit; the token, never stored, travels only in the callback."""
    log = EmailLog.objects.create(
        registration=registration, kind=kind, language=registration.language, recipient=registration.email
    )
    _after_commit(partial(send_registration_email, log_id=log.pk, token=token, part_id=part and part.pk))


def message_after_commit(message: EmailMessage, *, kind: str, language: str) -> None:
    """Record and send, after the commit, a message already built: for one that outlives its registration
    (the "your data is deleted" note), whose log entry keeps no address."""
    log = EmailLog.objects.create(kind=kind, language=language)
    _after_commit(partial(deliver, message, log, error_detail=False))
