"""Seats reserved per country: saving a part with its reservations, and releasing them on the part's date.

Each function is one transaction under the part's lock (services/seats.py), so a confirmation never sees
half a change; the seats a change frees go to the waiting list in its order at once.
"""

import datetime
import logging

from django.db import transaction

from v4project import clock, pagecache

from ..models import Part, Seat
from . import seats

logger = logging.getLogger("v4.seats")


def part_save(*, part: Part) -> None:
    """Save a part edited by staff, under its lock. A release time moved back into the future (or removed)
    puts released reservations in force again. The waiting list moves in `part_promote`, once the
    reservations edited beside the part are saved too."""
    with transaction.atomic():
        seats.set_lock_timeout()
        if part.pk is not None:
            seats.lock_parts([part.pk])
        release = part.reservations_release_at
        if part.reservations_released_at is not None and (release is None or release > clock.now()):
            part.reservations_released_at = None
        part.save()


def part_promote(*, part: Part) -> list[Seat]:
    """After staff changed a part's capacity or reservations: seats now free go to the waiting list."""
    with transaction.atomic():
        seats.set_lock_timeout()
        locked = seats.lock_parts([part.pk])[part.pk]
        promoted = seats.waitlist_promote(part=locked)
        pagecache.content_changed()  # the reservations' own saves already did; a bulk delete did not
    return promoted


def reservations_release(*, part: Part, now: datetime.datetime | None = None) -> list[Seat]:
    """Open a part's unused reserved seats to everyone, if its release time has come (by the site's clock)
    and they were not released yet, and give them to the waiting list in its order."""
    now = now or clock.now()
    with transaction.atomic():
        seats.set_lock_timeout()
        part = seats.lock_parts([part.pk])[part.pk]
        due = part.reservations_release_at is not None and part.reservations_release_at <= now
        if not due or part.reservations_released_at is not None:
            return []
        part.reservations_released_at = now
        part.save(update_fields=["reservations_released_at"])
        promoted = seats.waitlist_promote(part=part)
    logger.info("reservations released part=%s promoted=%d", part.pk, len(promoted))
    return promoted


def reservations_release_due(*, now: datetime.datetime | None = None) -> int:
    """The scheduled job: release every part whose time has come; returns how many people moved up."""
    now = now or clock.now()
    due = Part.objects.filter(reservations_release_at__lte=now, reservations_released_at__isnull=True)
    return sum(len(reservations_release(part=part, now=now)) for part in due.order_by("pk"))
