"""What organisers do to registrations, on top of the registrant's rules in `registration.py`.

Confirming on someone's behalf and cancelling call the public services themselves; moving a chosen person
up and checking in are new writes, made under the same locks (registration first, then the part) so the
capacity still holds whatever the concurrency.
"""

import datetime
import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event

from .. import selectors
from ..exceptions import (
    ConfirmationExpiredError,
    NoEmailError,
    NotConfirmedError,
    NotWaitlistedError,
    PartFullError,
)
from ..models import EmailLog, Part, PortalAccessLog, Registration, Seat
from . import seats, traces
from .registration import email_resend, registration_confirm

logger = logging.getLogger("v4.staff")


def access_log(
    *, user: AbstractBaseUser, action: str, event: Event | None = None, detail: dict | None = None, rows: int = 0
) -> PortalAccessLog:
    """Record who looked at, exported or changed personal data, and when: in the database with the filters
    but never the words searched for (a name, often: registrations/traces.py), and as one line in the
    application log (by user id, without filters)."""
    entry = PortalAccessLog.objects.create(
        user=user,
        username=user.get_username(),
        action=action,
        event=event,
        detail=traces.access_detail(detail or {}),
        rows=rows,
    )
    logger.info("staff user=%s action=%s event=%s rows=%d", user.pk, action, event.slug if event else "-", rows)
    return entry


def registration_confirm_on_behalf(*, registration: Registration) -> Registration:
    """Confirm a pending registration for someone who could not use the link (e.g. asked by phone).

    The same rules as the link: seats while free, else the waiting list; an expired one is refused. The
    registrant gets the usual e-mail, with the same private link as the first.
    """
    with transaction.atomic():
        locked = seats.lock_registration(registration)
        try:
            return registration_confirm(registration=locked)
        except ConfirmationExpiredError:
            raise ConfirmationExpiredError(
                _("The time to confirm this registration has expired; the registrant needs to register again.")
            ) from None


def seat_move_up(*, seat: Seat, now: datetime.datetime | None = None) -> Seat:
    """Confirm one chosen waitlisted seat (organisers may pick someone out of turn), only while the part
    has a free seat; the registrant is told by e-mail. A full part refuses and nothing changes."""
    now = now or timezone.now()
    with transaction.atomic():
        Registration.objects.select_for_update().filter(pk=seat.registration_id).first()
        part = seats.lock_parts([seat.part_id])[seat.part_id]
        seat = Seat.objects.select_related("registration").get(pk=seat.pk)
        if seat.status != Seat.Status.WAITLISTED:
            raise NotWaitlistedError
        counts = selectors.part_seats([(part.pk, part.capacity)])[part.pk]
        if not seats.has_seat_for(counts, seat.registration.country):  # seats reserved for countries count
            raise PartFullError(
                _("“%(part)s” is full (capacity: %(capacity)d): nobody can move up until a seat is free.")
                % {"part": part.name, "capacity": part.capacity}
            )
        # The same e-mail as when the waiting list moves by itself, in the registrant's language.
        seats.seat_confirm(seat=seat, part=part, now=now)
    return seat


def email_resend_last(*, registration: Registration) -> EmailLog:
    """Send the registrant's latest e-mail again, in their language; returns the log it was copied from."""
    log = registration.emails.order_by("-created", "-pk").first()
    if log is None:
        raise NoEmailError
    email_resend(log=log)
    return log


def seat_checkin(*, seat: Seat, arrived: bool, user: AbstractBaseUser, now: datetime.datetime | None = None) -> Seat:
    """Mark a confirmed seat as arrived (for that day only) or undo it; every change is logged.

    Marking twice keeps the first arrival time, so a double tap at the door changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        seat = Seat.objects.select_for_update().select_related("part__event", "registration").get(pk=seat.pk)
        if seat.status != Seat.Status.CONFIRMED or seat.registration.status != Registration.Status.ACTIVE:
            raise NotConfirmedError
        if arrived and seat.checked_in_at is None:
            seat.checked_in_at = now
        elif not arrived:
            seat.checked_in_at = None
        seat.save(update_fields=["checked_in_at"])
        access_log(
            user=user,
            action=PortalAccessLog.Action.CHECKIN,
            event=seat.part.event,
            detail={"seat": seat.pk, "registration": seat.registration_id, "part": seat.part_id, "arrived": arrived},
            rows=1,
        )
    return seat


def part_save(*, part: Part) -> list[Seat]:
    """Save a part edited by staff; seats freed by a larger capacity go to its waiting list at once."""
    with transaction.atomic():
        seats.set_lock_timeout()
        if part.pk is not None:
            seats.lock_parts([part.pk])
        part.save()
        return seats.waitlist_promote(part=part)
