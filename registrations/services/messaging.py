"""Messages from the organisers and the automatic e-mails of the rules: who gets what, once.

A message is sent when staff say so, at once or at a chosen time (a task that waits until then): its
recipients are chosen when it goes, each gets an e-mail of their own (a row of the e-mail log and a task),
and the message records when, by whom and to how many.

A rule's e-mail goes when its moment has come (the scheduled job `send_automatic_emails`), to the
recipients who had registered by that moment and are not cancelled: someone who registers later gets no
stale reminder. Each registrant gets each rule's e-mail once: the record of it (RuleDelivery, unique per
rule and registration) is written in the same transaction as the e-mail, so a second run, a second worker
or a restarted one finds it and sends nothing more.
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from events.models import Event
from v4project import clock

from ..mail.recipients import recipients_of
from ..mail.send import email_enqueue
from ..models import AutomaticRule, EmailLog, Message, Part, RecipientFilter, RuleDelivery

logger = logging.getLogger(__name__)

# A day given without a time: rules counted in days go at this hour of the day they fall on (Prague time),
# so "two days before" is a morning e-mail, not one at midnight.
RULE_HOUR = datetime.time(9, 0)
# A rule whose moment passed longer ago than this (the worker was down, the rule is new) is not sent late.
RULE_LATE_LIMIT = datetime.timedelta(days=1)


# Messages ------------------------------------------------------------------------------------------------


def message_send(*, message: Message, user, now: datetime.datetime | None = None) -> Message:
    """Order the message to be sent: now, or at its `send_at`. Once ordered, it can no longer change."""
    now = now or timezone.now()
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        if message.scheduled_at is not None:
            return message
        message.scheduled_at, message.scheduled_by = now, user
        message.save(update_fields=["scheduled_at", "scheduled_by"])
        when = message.send_at if message.send_at and message.send_at > now else None
        (message_dispatch.using(run_after=when) if when else message_dispatch).enqueue(message.pk)
    logger.info("message %s ordered by user %s for %s", message.pk, getattr(user, "pk", None), when or "now")
    return message


@task()
def message_dispatch(message_id: int) -> int:
    return message_deliver(message_id=message_id)


def message_deliver(*, message_id: int, now: datetime.datetime | None = None) -> int:
    """Give every recipient their own e-mail, once: the message is locked and marked sent in the same
    transaction. Returns how many e-mails were queued (0 when it has gone already)."""
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id, sent_at__isnull=True).first()
        if message is None or message.scheduled_at is None:
            return 0
        count = 0
        for registration in recipients_of(message).select_related("event"):
            email_enqueue(registration, EmailLog.Kind.MESSAGE, message=message)
            count += 1
        message.sent_at, message.recipient_count = now or timezone.now(), count
        message.save(update_fields=["sent_at", "recipient_count"])
    logger.info("message %s sent to %d registrants", message_id, count)
    return count


# Rules ---------------------------------------------------------------------------------------------------


def _start_and_end(rule: AutomaticRule) -> tuple[datetime.datetime, datetime.datetime] | None:
    """When the rule's event or part begins and ends, in Prague time; a day without a time is whole."""
    if rule.part_id:
        parts = [rule.part]
    else:
        event: Event = rule.event
        if not event.has_exact_dates:
            return None
        parts = list(Part.objects.filter(event=event))
        first = [p for p in parts if p.date == event.start_date]
        last = [p for p in parts if p.date == event.last_day]
        start_time = min((p.start_time for p in first if p.start_time), default=None) if first else None
        end_time = max((p.end_time for p in last if p.end_time), default=None) if last else None
        return _at(event.start_date, start_time, end=False), _at(event.last_day, end_time, end=True)
    part = parts[0]
    return _at(part.date, part.start_time, end=False), _at(part.date, part.end_time, end=True)


def _at(day: datetime.date, time: datetime.time | None, *, end: bool) -> datetime.datetime:
    if time is None:
        return clock.local_midnight(day + datetime.timedelta(days=1)) if end else clock.local_midnight(day)
    return timezone.make_aware(datetime.datetime.combine(day, time))


def rule_moment(rule: AutomaticRule) -> datetime.datetime | None:
    """When the rule's e-mail goes (on the site's calendar); None when the dates are not known."""
    span = _start_and_end(rule)
    if span is None:
        return None
    anchor = span[0] if rule.anchor == AutomaticRule.Anchor.START else span[1]
    sign = -1 if rule.direction == AutomaticRule.Direction.BEFORE else 1
    if rule.unit == AutomaticRule.Unit.HOURS:
        return anchor + sign * datetime.timedelta(hours=rule.amount)
    # Days: the calendar day so many days before or after, at RULE_HOUR. The end of a whole day is the next
    # midnight: "one day after the end" is then the day after the last one, not two days after.
    day = timezone.localtime(anchor - datetime.timedelta(microseconds=1) if rule.anchor == "end" else anchor).date()
    return timezone.make_aware(datetime.datetime.combine(day + sign * datetime.timedelta(days=rule.amount), RULE_HOUR))


def rule_is_due(rule: AutomaticRule, *, now: datetime.datetime) -> datetime.datetime | None:
    """The rule's moment if its e-mail is to go now; a reminder never goes once its part has begun."""
    moment = rule_moment(rule)
    if moment is None or not (moment <= now < moment + RULE_LATE_LIMIT):
        return None
    if rule.direction == AutomaticRule.Direction.BEFORE and now >= _anchor(rule):
        return None
    return moment


def _anchor(rule: AutomaticRule) -> datetime.datetime:
    start, end = _start_and_end(rule)
    return start if rule.anchor == AutomaticRule.Anchor.START else end


def rule_recipients(rule: AutomaticRule, *, moment: datetime.datetime):
    """The rule's recipients who had registered by its moment and have not had its e-mail yet."""
    moment_real = clock.to_real(moment)
    registered = Q(confirmed_at__lte=moment_real) | Q(confirmed_at__isnull=True, created__lte=moment_real)
    return recipients_of(rule).filter(registered).exclude(ruledelivery__rule=rule).select_related("event")


def rule_send(*, rule: AutomaticRule, moment: datetime.datetime) -> int:
    """Each recipient's e-mail and its record, together; a record already there (another worker was first)
    skips the person."""
    sent = 0
    for registration in rule_recipients(rule, moment=moment):
        try:
            with transaction.atomic():
                RuleDelivery.objects.create(rule=rule, registration=registration)
                email_enqueue(registration, EmailLog.Kind.AUTOMATIC, rule=rule)
        except IntegrityError:
            continue
        sent += 1
    return sent


def rules_send_due(*, now: datetime.datetime | None = None) -> int:
    """Every switched-on rule whose moment has come: its e-mails to whoever has not had them. Returns how many."""
    now = now or clock.now()
    sent = 0
    rules = AutomaticRule.objects.filter(is_active=True, event__start_date__isnull=False).select_related(
        "event", "part"
    )
    for rule in rules:
        moment = rule_is_due(rule, now=now)
        if moment is not None:
            sent += rule_send(rule=rule, moment=moment)
    if sent:
        logger.info("automatic e-mails: %d queued", sent)
    return sent


def default_rules_create(*, event: Event) -> list[AutomaticRule]:
    """The two rules every event comes with: a reminder two days before to those holding a seat, a thank-you
    the day after to those who were checked in. Staff edit them or switch them off."""
    return [
        AutomaticRule.objects.create(
            event=event,
            kind=AutomaticRule.Kind.REMINDER,
            amount=2,
            unit=AutomaticRule.Unit.DAYS,
            direction=AutomaticRule.Direction.BEFORE,
            anchor=AutomaticRule.Anchor.START,
            seat_status=RecipientFilter.SeatStatus.CONFIRMED,
        ),
        AutomaticRule.objects.create(
            event=event,
            kind=AutomaticRule.Kind.THANK_YOU,
            amount=1,
            unit=AutomaticRule.Unit.DAYS,
            direction=AutomaticRule.Direction.AFTER,
            anchor=AutomaticRule.Anchor.END,
            checked_in=RecipientFilter.CheckedIn.YES,
        ),
    ]


def on_event_created(sender, instance: Event, created: bool, raw: bool = False, **kwargs) -> None:
    """Connected to Event's post_save in apps.py: `events` knows nothing of registrations (the layers), so
    the default rules follow a new event this way, wherever it is created (admin, load_content, seed)."""
    if created and not raw:
        default_rules_create(event=instance)
