"""Organisers give a seat to a chosen person on a waiting list, out of its order.

The seat comes, as for everyone, from the person's country's reservation or the open seats; failing those,
from another country's unused reservation (the organiser's decision); and on a full part only when the
organiser says so, over the capacity. Always with a reason, which the admin's history of the registration
keeps; the others on the list keep their order. Under the usual locks: the registration, then the part.
"""

import dataclasses
import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..exceptions import NotWaitlistedError, PartFullError, RegistrationError
from ..models import Seat
from . import seats

logger = logging.getLogger("v4.staff")


class Source:
    """Where the seat given out of order comes from."""

    OWN = "own"  # the person's country's reservation or an open seat: as if it were their turn
    OTHER_RESERVATION = "other_reservation"  # a seat another country has reserved and not used
    OVER_CAPACITY = "over_capacity"  # none free: the part goes over its capacity


@dataclasses.dataclass
class Given:
    seat: Seat
    position: int  # where the person stood on the list
    source: str


def seat_source(*, seat: Seat) -> str:
    """Where a seat for this waiting person would come from now (for the form; the service checks again)."""
    counts = selectors.part_seats([(seat.part_id, seat.part.capacity)])[seat.part_id]
    return _source(counts, seat.registration.country)


def _source(counts: selectors.PartSeats, country: str) -> str:
    if seats.has_seat_for(counts, country):
        return Source.OWN
    if seats.has_any_seat(counts):
        return Source.OTHER_RESERVATION
    return Source.OVER_CAPACITY


def seat_give_out_of_order(
    *, seat: Seat, reason: str, over_capacity: bool = False, now: datetime.datetime | None = None
) -> Given:
    """Confirm this waiting seat now, whatever its place on the list; the person gets the usual "you have a
    seat" e-mail in their language. A full part refuses unless `over_capacity`."""
    now = now or timezone.now()
    reason = reason.strip()
    if not reason:
        raise RegistrationError(_("Please give the reason for giving this seat out of order."))
    with transaction.atomic():
        seats.set_lock_timeout()
        seats.lock_registration(seat.registration)
        part = seats.lock_parts([seat.part_id])[seat.part_id]
        seat = Seat.objects.select_related("registration", "part").get(pk=seat.pk)
        if seat.status != Seat.Status.WAITLISTED:
            raise NotWaitlistedError
        position = selectors.waitlist_position(seat)
        counts = selectors.part_seats([(part.pk, part.capacity)])[part.pk]
        source = _source(counts, seat.registration.country)
        if source == Source.OVER_CAPACITY and not over_capacity:
            raise PartFullError(
                _(
                    "“%(part)s” is full (capacity: %(capacity)d). To give the seat anyway, confirm that the part "
                    "goes over its capacity."
                )
                % {"part": part.name, "capacity": part.capacity}
            )
        seats.seat_confirm(seat=seat, part=part, now=now)
    logger.info("waitlist out of order seat=%s part=%s position=%d source=%s", seat.pk, part.pk, position, source)
    return Given(seat=seat, position=position, source=source)
