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
from v4project import pagecache

from .. import selectors
from ..exceptions import (
    ConfirmationExpiredError,
    NoEmailError,
    NotConfirmedError,
    NotWaitlistedError,
    PartFullError,
    RegistrationError,
)
from ..mail.send import email_enqueue
from ..models import EmailLog, Part, PortalAccessLog, RegistrantCountry, Registration, Seat
from ..tokens import new_checkin_code, new_token, private_token, token_hash
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
        confirmed = selectors.confirmed_count(part.pk)
        if seats.status_for(capacity=part.capacity, confirmed=confirmed) != Seat.Status.CONFIRMED:
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


# A walk-in's e-mails (if an address is given) go in the language of their country; English otherwise.
COUNTRY_LANGUAGES = {
    RegistrantCountry.CZECHIA: "cs",
    RegistrantCountry.SLOVAKIA: "sk",
    RegistrantCountry.POLAND: "pl",
    RegistrantCountry.HUNGARY: "hu",
}
WALK_IN_FIELDS = ("first_name", "last_name", "organisation", "country", "email")


def walk_in_add(
    *, part: Part, data: dict, user: AbstractBaseUser, over_capacity: bool = False, now: datetime.datetime | None = None
) -> Registration:
    """Someone who turns up unregistered: an active registration with a seat on the part, checked in at once,
    so they are on every list, count and attendance sheet like anyone who registered.

    The seat follows the one rule (`seats.status_for`); when the part is full, PartFullError tells the staff
    member so, and only their explicit decision (`over_capacity=True`) seats the person anyway, recorded on
    the seat and shown in the overview. With an address, the person gets the usual "registration confirmed"
    e-mail with their private link (their data, their rights); without one, nothing is sent. The privacy
    notice is not accepted online: the version stays empty (staff recorded the data at the door)."""
    now = now or timezone.now()
    language = COUNTRY_LANGUAGES.get(data["country"], "en")
    with transaction.atomic():
        seats.set_lock_timeout()
        part = seats.lock_parts([part.pk])[part.pk]
        email = data.get("email") or ""
        if email and selectors.non_cancelled_registration(part.event, email):
            raise RegistrationError(
                _("This e-mail address is already registered for this event: search for the person in the list.")
            )
        fits = seats.status_for(capacity=part.capacity, confirmed=selectors.confirmed_count(part.pk))
        if fits != Seat.Status.CONFIRMED and not over_capacity:
            raise PartFullError(
                _("“%(part)s” is full (capacity: %(capacity)d).") % {"part": part.name, "capacity": part.capacity}
            )
        registration = Registration.objects.create(
            event=part.event,
            token_hash=token_hash(new_token()),
            checkin_code=new_checkin_code(),
            status=Registration.Status.ACTIVE,
            language=language,
            privacy_version="",
            privacy_language=language,
            privacy_accepted_at=now,
            confirmed_at=now,
            **{field: data.get(field) or "" for field in WALK_IN_FIELDS},
        )
        registration.token_hash = token_hash(private_token(registration.pk, registration.link_version))
        Registration.objects.filter(pk=registration.pk).update(token_hash=registration.token_hash)
        registration.requested_parts.set([part])
        seat = Seat.objects.create(
            registration=registration,
            part=part,
            status=Seat.Status.CONFIRMED,
            since=now,
            checked_in_at=now,
            over_capacity=fits != Seat.Status.CONFIRMED,
        )
        pagecache.content_changed()
        email_enqueue(registration, EmailLog.Kind.REGISTRATION_CONFIRMED)
        access_log(
            user=user,
            action=PortalAccessLog.Action.CHECKIN,
            event=part.event,
            detail={
                "seat": seat.pk,
                "registration": registration.pk,
                "part": part.pk,
                "walk_in": True,
                "over_capacity": seat.over_capacity,
            },
            rows=1,
        )
    return registration


def seat_fill_at_door(
    *, part: Part, freed: Seat | None, to: Seat | None, user: AbstractBaseUser, now: datetime.datetime | None = None
) -> Seat:
    """At the door, a seat goes to someone on the part's waiting list: the first in line (`to` None) or a
    chosen person. The seat is either one already free, or the seat of someone who did not come (`freed`: a
    confirmed seat of this part not checked in), released for this part only. Everyone else keeps their
    place in the queue; the person seated is told by e-mail, as when the waiting list moves by itself.
    Without a free seat (and none freed) PartFullError, and nothing changes."""
    now = now or timezone.now()
    with transaction.atomic():
        seats.set_lock_timeout()
        registration_ids = sorted({seat.registration_id for seat in (freed, to) if seat is not None})
        list(Registration.objects.select_for_update().filter(pk__in=registration_ids).order_by("pk"))
        part = seats.lock_parts([part.pk])[part.pk]
        if freed is not None:
            freed = Seat.objects.select_related("registration").get(pk=freed.pk)
            if freed.part_id != part.pk or freed.status != Seat.Status.CONFIRMED or freed.checked_in_at is not None:
                raise RegistrationError(_("This seat cannot be freed: the person has arrived or holds no seat."))
        if to is None:
            to = selectors.waitlist(part).select_related("registration").first()
            if to is None:
                raise NotWaitlistedError(_("Nobody is on the waiting list of this part."))
        else:
            to = Seat.objects.select_related("registration").get(pk=to.pk)
            if to.part_id != part.pk or to.status != Seat.Status.WAITLISTED:
                raise NotWaitlistedError
        confirmed = selectors.confirmed_count(part.pk) - (1 if freed is not None else 0)
        if seats.status_for(capacity=part.capacity, confirmed=confirmed) != Seat.Status.CONFIRMED:
            raise PartFullError(
                _("“%(part)s” is full (capacity: %(capacity)d): choose whose seat is free.")
                % {"part": part.name, "capacity": part.capacity}
            )
        if freed is not None:
            freed.status, freed.since = Seat.Status.CANCELLED, now
            freed.save(update_fields=["status", "since"])
        seats.seat_confirm(seat=to, part=part, now=now)
        pagecache.content_changed()
        access_log(
            user=user,
            action=PortalAccessLog.Action.CHECKIN,
            event=part.event,
            detail={"part": part.pk, "seated": to.pk, "freed": freed.pk if freed else None},
            rows=1,
        )
    return to
