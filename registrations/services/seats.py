"""Seats: the one place that says "a seat if one is free, else the waiting list", and how parts are locked.

Seats are only ever counted while the rows of the parts concerned are locked (`select_for_update`, in pk
order so two transactions never wait on each other; on SQLite the IMMEDIATE transaction mode already
serialises writers). Lock order, everywhere: the registration row first, then its parts by pk, then seat
rows. Every function here runs inside the caller's transaction.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from v4project import pagecache

from .. import selectors
from ..mail.send import email_enqueue
from ..models import EmailLog, Part, Registration, Seat


def set_lock_timeout() -> None:
    """Wait at most this long for a locked row; the view turns the error into a "busy, try again" page."""
    if connection.vendor == "postgresql":
        milliseconds = int(settings.REGISTRATION_LOCK_TIMEOUT * 1000)
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{milliseconds}ms'")


def lock_registration(registration: Registration) -> Registration:
    return Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)


def locked_parts(part_ids: Iterable[int] | QuerySet) -> QuerySet[Part]:
    """The parts in pk order, their rows locked when the query runs."""
    return Part.objects.filter(pk__in=part_ids).order_by("pk").select_for_update()


def lock_parts(part_ids: Iterable[int]) -> dict[int, Part]:
    """Lock the parts (in pk order) and return them by pk."""
    return {part.pk: part for part in locked_parts(set(part_ids))}


def status_for(*, capacity: int | None, confirmed: int) -> str:
    """The rule: a seat while the part has one free (`confirmed` seats taken of `capacity`, None = no
    limit), else a place on its waiting list."""
    if capacity is None or confirmed < capacity:
        return Seat.Status.CONFIRMED
    return Seat.Status.WAITLISTED


def take_seats(
    *,
    registration: Registration,
    capacities: list[tuple[int, int | None]],
    has_seats: set[int],
    confirmed: dict[int, int],
    now: datetime.datetime,
) -> None:
    """For each (part id, capacity) of locked parts: a seat or a place on the waiting list, by `confirmed`
    (seats taken, by part id). New seats are written in one query; `has_seats` names the parts the
    registration already has a seat row on (a pending registration has none, normally)."""
    new = []
    for part_id, capacity in capacities:
        status = status_for(capacity=capacity, confirmed=confirmed.get(part_id, 0))
        if part_id in has_seats:
            Seat.objects.filter(registration=registration, part_id=part_id).update(status=status, since=now)
        else:
            new.append(Seat(registration=registration, part_id=part_id, status=status, since=now))
    Seat.objects.bulk_create(new)
    if capacities:  # neither bulk_create nor update sends post_save: the event page's seats left change anyway
        pagecache.content_changed()


def take_seat(*, registration: Registration, part: Part, now: datetime.datetime) -> None:
    """A seat on one locked part, or a place on its waiting list."""
    has_seat = Seat.objects.filter(registration=registration, part=part).exists()
    confirmed = {part.pk: selectors.confirmed_count(part.pk)}
    take_seats(
        registration=registration,
        capacities=[(part.pk, part.capacity)],
        has_seats={part.pk} if has_seat else set(),
        confirmed=confirmed,
        now=now,
    )


def seat_confirm(*, seat: Seat, part: Part, now: datetime.datetime) -> None:
    """Give a waiting seat of a locked part a place, and tell the registrant by e-mail."""
    seat.status = Seat.Status.CONFIRMED
    seat.since = now
    seat.save(update_fields=["status", "since"])
    email_enqueue(seat.registration, EmailLog.Kind.MOVED_UP, part=part)


def waitlist_promote(*, part: Part, now: datetime.datetime | None = None) -> list[Seat]:
    """Give free seats of a locked part to the first on its waiting list, each told by e-mail."""
    now = now or timezone.now()
    promoted = []
    confirmed = selectors.confirmed_count(part.pk)
    for seat in selectors.waitlist(part).select_related("registration"):
        if status_for(capacity=part.capacity, confirmed=confirmed) != Seat.Status.CONFIRMED:
            break
        seat_confirm(seat=seat, part=part, now=now)
        confirmed += 1
        promoted.append(seat)
    return promoted


def seat_release(*, seat: Seat, part: Part, now: datetime.datetime | None = None) -> list[Seat]:
    """Cancel one seat of a locked part; a confirmed one goes at once to the waiting list."""
    now = now or timezone.now()
    was_confirmed = seat.status == Seat.Status.CONFIRMED
    seat.status = Seat.Status.CANCELLED
    seat.since = now
    seat.save(update_fields=["status", "since"])
    return waitlist_promote(part=part, now=now) if was_confirmed else []
