"""Seats: the one place that says "a seat if one is free, else the waiting list", and how parts are locked.

Where organisers reserve seats of a part for countries, a confirmation takes a seat from its country's
reservation first, then from the open seats (those no country holds), else it joins the waiting list; until
the part's release time, when the scheduled job (services/reservations.py) opens the unused reserved seats
and gives them to the waiting list in its order. Seats are never labelled: the counts by country say which
are taken (selectors.PartSeats).

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


def lock_parts_for_seats(part_ids: Iterable[int] | QuerySet) -> tuple[list[tuple[int, int | None]], dict]:
    """Lock the parts (in pk order) and read, in the same query, their capacities and the seats reserved per
    country while the reservations hold: ([(part id, capacity)], {part id: {country: seats}})."""
    rows = (
        Part.objects.filter(pk__in=part_ids)
        .order_by("pk")
        # Only the parts' rows are locked: a reservation is changed only under its part's lock.
        .select_for_update(of=("self",))
        .values_list("pk", "capacity", "reservations_released_at", "reservations__country", "reservations__seats")
    )
    capacities, reserved = {}, {}
    for pk, capacity, released_at, country, seats in rows:
        capacities[pk] = capacity
        if country and seats and released_at is None:
            reserved.setdefault(pk, {})[country] = seats
    return list(capacities.items()), reserved


def lock_parts(part_ids: Iterable[int]) -> dict[int, Part]:
    """Lock the parts (in pk order) and return them by pk."""
    return {part.pk: part for part in locked_parts(set(part_ids))}


def has_seat_for(counts: selectors.PartSeats, country: str) -> bool:
    """The rule: a seat for someone from `country` while the part has one free for them: one of their
    country's reserved seats, else an open seat. The capacity is never exceeded (reservations never add up
    to more than it, and organisers who lower it later leave seats to nobody)."""
    if counts.capacity is None:
        return True
    if counts.confirmed >= counts.capacity:
        return False
    return counts.reserved_left(country) > 0 or counts.open_left > 0


def has_any_seat(counts: selectors.PartSeats) -> bool:
    """Is a seat free for someone from anywhere?"""
    return has_seat_for(counts, "") or any(has_seat_for(counts, country) for country in counts.reserved)


def status_for(
    *, capacity: int | None, confirmed: int, counts: selectors.PartSeats | None = None, country: str = ""
) -> str:
    """A seat or a place on the waiting list: by `counts` (with the reservations) when given, else by
    `confirmed` seats taken of `capacity` (None = no limit) for a part without reservations."""
    counts = counts or selectors.PartSeats(capacity=capacity, confirmed=confirmed)
    return Seat.Status.CONFIRMED if has_seat_for(counts, country) else Seat.Status.WAITLISTED


def take_seats(
    *,
    registration: Registration,
    capacities: list[tuple[int, int | None]],
    has_seats: set[int],
    now: datetime.datetime,
    confirmed: dict[int, int] | None = None,
    counts: dict[int, selectors.PartSeats] | None = None,
) -> None:
    """For each (part id, capacity) of locked parts: a seat or a place on the waiting list, by `counts`
    (each part's seats, with the reservations), else by `confirmed` (seats taken, by part id; the
    reservations are read then). New seats are written in one query; `has_seats` names the parts the
    registration already has a seat row on (a pending registration has none, normally)."""
    new = []
    counts = counts or selectors.part_seats(capacities, confirmed=confirmed)
    for part_id, capacity in capacities:
        status = status_for(capacity=capacity, confirmed=0, counts=counts[part_id], country=registration.country)
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
    """Give free seats of a locked part to the waiting list in its order, each told by e-mail. A seat
    reserved for a country goes to the first waiting from that country: someone from elsewhere keeps their
    place in line."""
    now = now or timezone.now()
    promoted = []
    counts = selectors.part_seats([(part.pk, part.capacity)])[part.pk]
    if not has_any_seat(counts):
        return promoted
    for seat in selectors.waitlist(part).select_related("registration"):
        if not has_any_seat(counts):
            break
        country = seat.registration.country
        if not has_seat_for(counts, country):
            continue
        seat_confirm(seat=seat, part=part, now=now)
        counts.add(country)
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
