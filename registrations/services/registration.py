"""The rules of registration: what a registrant does, from the form to the private page. Each function is one
transaction; seats are taken and released by `seats`, under its locks, and each e-mail is recorded and
queued in the same transaction (mail/send.py)."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import DatePrecision, Event
from v4project import clock
from v4project.tasks import forget_when_finished

from .. import selectors
from ..exceptions import (
    ChangesClosedError,
    ConfirmationExpiredError,
    EventBegunError,
    PartsClosedError,
    PrivacyNotAcceptedError,
    RegistrationCancelledError,
    RegistrationClosedError,
    RegistrationError,
)
from ..mail.send import email_enqueue, email_send_again
from ..models import DETAIL_FIELDS, EmailLog, Part, Registration, Seat
from ..tokens import new_checkin_code, new_token, private_token, token_hash
from . import seats, traces

LINK_AGAIN_INTERVAL = datetime.timedelta(hours=1)


def confirm_window() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS)


def link_rotate(*, registration: Registration) -> str:
    """Replace the registrant's private link (a new version): the old link, and any earlier one, stop working.
    Only the registrant, from their page, or staff, warned, do this; sending the link again never does.
    Returns the new link's token, for the answer to the registrant."""
    registration.link_version += 1
    token = private_token(registration.pk, registration.link_version)
    registration.token_hash, registration.legacy_token_hash = token_hash(token), None
    registration.save(update_fields=["link_version", "token_hash", "legacy_token_hash", "updated"])
    return token


def link_replace(*, registration: Registration) -> str:
    """The registrant's or staff's "replace the link": a new link, sent to the registrant's address."""
    with transaction.atomic():
        registration = seats.lock_registration(registration)
        if registration.status == Registration.Status.CANCELLED:
            raise RegistrationCancelledError
        token = link_rotate(registration=registration)
        email_enqueue(registration, EmailLog.Kind.LINK_AGAIN)
    return token


def registration_start(
    *, event: Event, data: dict, parts: Iterable[Part], language: str, now: datetime.datetime | None = None
) -> None:
    """A new pending registration (no seat yet) and the "confirm your address" e-mail; for an address
    already registered, its private link instead. Returns nothing on purpose: the caller shows the same
    page either way, so the site never reveals who is registered. Refused once registration has closed
    (by the site's clock, v4project/clock.py)."""
    now = now or timezone.now()
    if not event.registration_is_open():
        raise RegistrationClosedError
    with transaction.atomic():
        existing = selectors.non_cancelled_registration(event, data["email"])
        if existing and existing.status == Registration.Status.PENDING and existing.confirm_expires_at <= now:
            traces.forget_deleted(Registration.objects.filter(pk=existing.pk))
            existing.delete()  # an expired attempt never blocks a new one
            existing = None
        if existing:
            link_again(registrations=[existing], now=now)
            return
        registration = Registration(
            event=event,
            token_hash=token_hash(new_token()),  # until the row has its id, from which the link is derived
            checkin_code=new_checkin_code(),
            email=data["email"],
            language=language,
            privacy_version=selectors.privacy_notice_version(language),
            privacy_language=language,
            privacy_accepted_at=now,
            confirm_expires_at=now + confirm_window(),
            **{field: data[field] for field in DETAIL_FIELDS if field in data},
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            return  # the same address, submitted twice at once: the other request sends the e-mail
        registration.token_hash = token_hash(private_token(registration.pk, registration.link_version))
        Registration.objects.filter(pk=registration.pk).update(token_hash=registration.token_hash)
        registration.requested_parts.set(parts)
        email_enqueue(registration, EmailLog.Kind.CONFIRM_ADDRESS)


def link_again(*, registrations: list[Registration], now: datetime.datetime) -> None:
    if not registrations or selectors.link_sent_since(registrations[0].email, now - LINK_AGAIN_INTERVAL):
        return
    for registration in registrations:
        email_enqueue(registration, EmailLog.Kind.LINK_AGAIN)


def registration_link_again_request(*, email: str) -> None:
    """ "Send my link again", as the visitor asks it: answered at once and alike for every address. The
    lookup and the e-mail are a task of the worker, so neither the work done during the request nor its time
    tells whether the address is registered. The task's record, which holds the address, goes once it has
    run."""
    link_again_task.enqueue(email)


@forget_when_finished
@task()
def link_again_task(email: str) -> None:
    registration_link_again(email=email)


def registration_link_again(*, email: str, now: datetime.datetime | None = None) -> None:
    """ "Send my link again": each registration of the address gets its private link again (the same link),
    at most once an hour per address; nothing at all for an unknown address (the caller answers the same
    anyway)."""
    now = now or timezone.now()
    with transaction.atomic():
        registrations = [
            registration
            for registration in selectors.registrations_for_email(email)
            if not (registration.status == Registration.Status.PENDING and registration.confirm_expires_at <= now)
        ]
        link_again(registrations=registrations, now=now)


def registration_confirm(*, registration: Registration, now: datetime.datetime | None = None) -> Registration:
    """Confirm the e-mail address: each chosen part gets a seat if one is free, else a place on its
    waiting list. Confirming twice changes nothing.

    The first minutes after registration opens bring a burst of these, each holding its parts' locks until
    it commits, while every other one waits: so the parts are locked last, and after them come only the
    seat count and the new seats' insert. Every query reads or writes only the columns it needs.

    Refused once the event has begun: a registration sent in time may be confirmed after registration has
    closed, but no seat is taken for a day that has started."""
    now = now or timezone.now()
    if registration.substitute_for_id:
        # A colleague's offer is accepted with the privacy notice, by substitutes.substitute_accept.
        raise RegistrationError(_("This link offers a place from a colleague: please accept it on its page."))
    with transaction.atomic():
        seats.set_lock_timeout()
        # One UPDATE both takes the registration's row lock (first, as everywhere) and checks it is still
        # pending and unexpired; when it changes nothing, the row says why.
        still_pending = Registration.objects.filter(pk=registration.pk, status=Registration.Status.PENDING).filter(
            Q(confirm_expires_at__isnull=True) | Q(confirm_expires_at__gt=now),
            _event_not_begun(),
            # Only the person accepts the privacy notice: someone registered by a partner association or the
            # organisers has not yet, and confirms through `delegation.invitation_accept`.
            privacy_accepted_at__isnull=False,
        )
        if not still_pending.update(status=Registration.Status.ACTIVE, confirmed_at=now, updated=now):
            try:
                registration.refresh_from_db(
                    fields=["status", "confirmed_at", "confirm_expires_at", "updated", "privacy_accepted_at"]
                )
            except Registration.DoesNotExist:  # expired and deleted (expire_registrations) meanwhile
                raise ConfirmationExpiredError from None
            if registration.status == Registration.Status.ACTIVE:
                return registration
            if registration.status == Registration.Status.CANCELLED:
                raise RegistrationCancelledError
            if registration.privacy_accepted_at is None:
                raise PrivacyNotAcceptedError
            if registration.confirm_expires_at is None or registration.confirm_expires_at > now:
                raise EventBegunError
            raise ConfirmationExpiredError
        registration.status, registration.confirmed_at, registration.updated = Registration.Status.ACTIVE, now, now
        email_enqueue(registration, EmailLog.Kind.REGISTRATION_CONFIRMED)
        capacities, reserved = seats.lock_parts_for_seats(registration.requested_parts.values("pk"))
        confirmed, has_seats, by_country = selectors.seats_on_parts(
            [pk for pk, _capacity in capacities], registration, reserved=reserved
        )
        counts = {
            pk: selectors.PartSeats(
                capacity=capacity,
                confirmed=confirmed.get(pk, 0),
                reserved=reserved.get(pk, {}),
                by_country=by_country.get(pk, {}),
            )
            for pk, capacity in capacities
        }
        seats.take_seats(registration=registration, capacities=capacities, has_seats=has_seats, counts=counts, now=now)
    return registration


def _event_not_begun() -> Q:
    """The registration's event has not begun by the site's clock (Event.begins_at, as a filter)."""
    exact = Q(event__date_precision=DatePrecision.DAY, event__start_date__isnull=False)
    return ~exact | Q(event__start_date__gt=clock.today())


def registration_update(*, registration: Registration, data: dict, parts: Iterable[Part]) -> Registration:
    """Edit details and add or drop parts from the private page. An added full part joins its waiting
    list; a dropped seat goes to the first waiting. The e-mail address cannot be changed here.

    Nothing changes once the event's "changes until" has passed (at the latest when it begins), and no
    part can be added once registration has closed: adding a part is registering for it."""
    now = timezone.now()
    wanted = {part.pk for part in parts}
    with transaction.atomic():
        seats.set_lock_timeout()
        registration = seats.lock_registration(registration)
        if registration.status == Registration.Status.CANCELLED:
            raise RegistrationCancelledError
        if not registration.event.changes_are_open():
            raise ChangesClosedError
        if not registration.event.registration_is_open() and wanted - set(selectors.current_part_ids(registration)):
            raise PartsClosedError
        for field in DETAIL_FIELDS:
            if field in data:
                setattr(registration, field, data[field])
        registration.save()
        registration.requested_parts.set(wanted)
        if registration.status == Registration.Status.ACTIVE:
            held = set(registration.seats.exclude(status=Seat.Status.CANCELLED).values_list("part_id", flat=True))
            locked = seats.lock_parts(wanted | held)
            current = {seat.part_id: seat for seat in registration.seats.exclude(status=Seat.Status.CANCELLED)}
            for part_id, seat in current.items():
                if part_id not in wanted:
                    seats.seat_release(seat=seat, part=locked[part_id], now=now)
            for part_id in sorted(wanted - current.keys()):
                part = locked[part_id]
                seats.take_seat(registration=registration, part=part, now=now)
            email_enqueue(registration, EmailLog.Kind.CHANGED)
    return registration


def registration_cancel(
    *, registration: Registration, notify: bool = True, by_registrant: bool = False
) -> Registration:
    """Cancel everything: every seat is released (and goes to the waiting list) and the registrant is told.
    The registrant may cancel until the event begins; staff at any time."""
    now = timezone.now()
    with transaction.atomic():
        seats.set_lock_timeout()
        registration = seats.lock_registration(registration)
        if registration.status == Registration.Status.CANCELLED:
            return registration
        if by_registrant and registration.event.has_begun():
            raise EventBegunError
        held = registration.seats.exclude(status=Seat.Status.CANCELLED).values_list("part_id", flat=True)
        locked = seats.lock_parts(held)
        for seat in registration.seats.exclude(status=Seat.Status.CANCELLED):
            seats.seat_release(seat=seat, part=locked[seat.part_id], now=now)
        registration.status = Registration.Status.CANCELLED
        registration.save(update_fields=["status", "updated"])
        # A place offered to a colleague (substitutes.py) goes with it: nothing is left to take over.
        offers = Registration.objects.filter(substitute_for=registration, status=Registration.Status.PENDING)
        traces.forget_deleted(offers)
        offers.delete()
        if notify:
            email_enqueue(registration, EmailLog.Kind.CANCELLED)
    return registration


def registration_expire_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Delete pending registrations whose confirmation link has expired, with their e-mail log; returns how
    many."""
    now = now or timezone.now()
    with transaction.atomic():
        expired = Registration.objects.filter(status=Registration.Status.PENDING, confirm_expires_at__lte=now)
        traces.forget_deleted(expired)
        _total, per_model = expired.delete()
    return per_model.get(Registration._meta.label, 0)


def email_resend(*, log: EmailLog) -> EmailLog:
    """Staff send a recorded e-mail again, in the registrant's language, with the private link as it stands:
    the link the registrant may have saved keeps working. An unconfirmed registration gets its 48 hours
    again."""
    registration = log.registration
    if registration is None:
        raise RegistrationError(_("The registration this e-mail belongs to no longer exists."))
    with transaction.atomic():
        if registration.status == Registration.Status.PENDING:
            registration = seats.lock_registration(registration)
            registration.confirm_expires_at = timezone.now() + confirm_window()
            registration.save(update_fields=["confirm_expires_at", "updated"])
        log.registration = registration
        return email_send_again(log)
