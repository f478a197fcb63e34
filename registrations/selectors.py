"""Reads that cross relations. Writes and rules are in `services.py`."""

import dataclasses
import datetime
import hashlib
from collections import defaultdict

from django.db.models import Case, Count, OuterRef, Prefetch, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import translation

from events.models import Country, Event, Page

from .models import CountryReservation, EmailLog, Part, Registration, Seat
from .tokens import is_well_formed, token_hash


def parts_with_availability(event: Event) -> list[Part]:
    """The event's parts with their confirmed and waitlisted counts and their free seats per country (one
    query, two more where seats are reserved for countries)."""
    return with_country_seats(list(Part.objects.filter(event=event).with_seat_counts()))


def events_open_for_registration(now: datetime.datetime) -> list[Event]:
    """Published events whose registration is open at `now`, with their parts' counts (two queries)."""
    candidates = (
        Event.objects.published()
        .filter(registration_opens__lte=now)
        .filter(Q(registration_closes__isnull=True) | Q(registration_closes__gt=now))
        .prefetch_related(Prefetch("parts", queryset=Part.objects.with_seat_counts()))
    )
    # Registration also closes when the event begins: Event.registration_is_open knows how.
    return [event for event in candidates if event.registration_is_open(now)]


def registration_by_token(token: str, *, with_event: bool = True) -> Registration | None:
    """The registration of a private link; None for any unknown or malformed token alike. Without
    `with_event`, the event (all its texts in five languages) is read only if asked for."""
    if not is_well_formed(token):
        return None
    registrations = Registration.objects.select_related("event") if with_event else Registration.objects
    digest = token_hash(token)
    # The current link first (one indexed lookup, as every confirmation makes); then a link issued before
    # links were derived, which keeps working until it is replaced.
    return registrations.filter(token_hash=digest).first() or registrations.filter(legacy_token_hash=digest).first()


def registration_by_checkin_code(code: str) -> Registration | None:
    if not code or len(code) > 32:
        return None
    return Registration.objects.select_related("event").filter(checkin_code=code, status="active").first()


def current_part_ids(registration: Registration) -> list[int]:
    """The parts a registration stands for: the chosen ones while pending, the held seats once active."""
    if registration.status == Registration.Status.PENDING:
        return list(registration.requested_parts.values_list("pk", flat=True))
    return list(registration.seats.exclude(status=Seat.Status.CANCELLED).values_list("part_id", flat=True))


def _held_seats(registration: Registration) -> QuerySet[Seat]:
    return registration.seats.select_related("part").exclude(status=Seat.Status.CANCELLED)


def registration_seats(registration: Registration) -> list[Seat]:
    return list(_held_seats(registration))


def registration_parts_by_status(registration: Registration) -> list[dict]:
    """[{"part": Part, "status": "confirmed" | "waitlisted" | "requested", "position": n}] for pages and e-mails.

    A pending registration has no seats yet: its chosen parts show as "requested". A waitlisted seat
    carries its place in the queue.
    """
    if registration.status == Registration.Status.PENDING:
        return [{"part": part, "status": "requested"} for part in registration.requested_parts.all()]
    # Each waitlisted seat's place in its queue comes in the same query (every e-mail about seats needs it).
    ahead = _waitlisted_ahead(OuterRef("part_id"), OuterRef("since"), OuterRef("pk"))
    ahead = ahead.order_by().values("part_id").annotate(count=Count("pk")).values("count")
    seats = _held_seats(registration).annotate(
        ahead=Case(When(status=Seat.Status.WAITLISTED, then=Coalesce(Subquery(ahead), 0)), default=None)
    )
    rows = []
    for seat in seats:
        row = {"part": seat.part, "status": seat.status, "seat": seat}
        if seat.status == Seat.Status.WAITLISTED:
            row["position"] = seat.ahead + 1
        rows.append(row)
    return rows


def _waitlisted_ahead(part_id, since, pk) -> QuerySet[Seat]:
    """The seats waiting on that part before the one that waits since `since` with that pk."""
    return Seat.objects.filter(part_id=part_id, status=Seat.Status.WAITLISTED).filter(
        Q(since__lt=since) | Q(since=since, pk__lt=pk)
    )


def waitlist_position(seat: Seat) -> int:
    return _waitlisted_ahead(seat.part_id, seat.since, seat.pk).count() + 1


def waitlist(part: Part) -> QuerySet[Seat]:
    """Who waits for a seat on this part, first come first served (by `since`, then pk)."""
    return Seat.objects.filter(part=part, status=Seat.Status.WAITLISTED).order_by("since", "pk")


def confirmed_count(part_id: int) -> int:
    return Seat.objects.filter(part_id=part_id, status=Seat.Status.CONFIRMED).count()


@dataclasses.dataclass
class PartSeats:
    """The seats of one part as counted under its lock: the capacity (None = no limit), the confirmed seats
    in all and by the registrant's country, and the seats reserved per country while the reservations hold.
    Seats are never labelled: a country's confirmed seats fill its reservation first, the rest are open
    seats (services/seats.py decides with these counts)."""

    capacity: int | None
    confirmed: int = 0
    reserved: dict[str, int] = dataclasses.field(default_factory=dict)
    by_country: dict[str, int] = dataclasses.field(default_factory=dict)

    def reserved_left(self, country: str) -> int:
        return max(self.reserved.get(country, 0) - self.by_country.get(country, 0), 0)

    @property
    def open_left(self) -> int | None:
        """Seats open to everyone still free (None = no limit)."""
        if self.capacity is None:
            return None
        reserved_taken = sum(min(self.by_country.get(country, 0), seats) for country, seats in self.reserved.items())
        open_seats = self.capacity - sum(self.reserved.values())
        return max(open_seats - (self.confirmed - reserved_taken), 0)

    def countries(self) -> list[dict]:
        """[{"country": "CZ", "label": "Czechia", "reserved": 12, "left": 3}, …] for the reserving countries."""
        return [
            {"country": code, "label": label, "reserved": self.reserved[code], "left": self.reserved_left(code)}
            for code, label in Country.choices
            if code in self.reserved
        ]

    def add(self, country: str) -> None:
        self.confirmed += 1
        self.by_country[country] = self.by_country.get(country, 0) + 1


def reservations_in_force(part_ids: list[int]) -> dict[int, dict[str, int]]:
    """{part id: {country: reserved seats}} of the parts whose reservations have not been released."""
    rows = CountryReservation.objects.filter(
        part_id__in=part_ids, part__reservations_released_at__isnull=True, seats__gt=0
    ).values_list("part_id", "country", "seats")
    reserved = defaultdict(dict)
    for part_id, country, seats in rows:
        reserved[part_id][country] = seats
    return dict(reserved)


def confirmed_by_country(part_ids: list[int]) -> dict[int, dict[str, int]]:
    """{part id: {country: confirmed seats}} in one query."""
    rows = (
        Seat.objects.filter(part_id__in=part_ids, status=Seat.Status.CONFIRMED)
        .values_list("part_id", "registration__country")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = defaultdict(dict)
    for part_id, country, count in rows:
        counts[part_id][country] = count
    return dict(counts)


def part_seats(
    capacities: list[tuple[int, int | None]], *, confirmed: dict[int, int] | None = None
) -> dict[int, PartSeats]:
    """{part id: PartSeats} for (part id, capacity) pairs; `confirmed` (by part id) when already counted. One
    query without reservations in force, two or three with them."""
    part_ids = [part_id for part_id, _capacity in capacities]
    reserved = reservations_in_force(part_ids)
    if confirmed is None:
        confirmed = dict(
            Seat.objects.filter(part_id__in=part_ids, status=Seat.Status.CONFIRMED)
            .values_list("part_id")
            .annotate(count=Count("pk"))
            .order_by()
        )
    by_country = confirmed_by_country(list(reserved)) if reserved else {}
    return {
        part_id: PartSeats(
            capacity=capacity,
            confirmed=confirmed.get(part_id, 0),
            reserved=reserved.get(part_id, {}),
            by_country=by_country.get(part_id, {}),
        )
        for part_id, capacity in capacities
    }


def with_country_seats(parts: list[Part]) -> list[Part]:
    """Give each part `country_seats` (PartSeats.countries(): the reserving countries with their free reserved
    seats; empty without reservations in force) and `open_seats_left`, for the pages that show free seats per
    country. Counts every confirmed seat of the part, whoever may see them: at most two queries for all parts,
    none where no part has reservations."""
    # Parts read with `has_reservations` (Part.objects.with_seat_counts()) ask nothing more without them.
    candidates = [part.pk for part in parts if part.capacity is not None and getattr(part, "has_reservations", True)]
    reserved = reservations_in_force(candidates) if candidates else {}
    by_country = confirmed_by_country(list(reserved)) if reserved else {}
    for part in parts:
        part.country_seats, part.open_seats_left = [], None
        if part.pk in reserved and part.capacity is not None:
            counts = by_country.get(part.pk, {})
            seats = PartSeats(
                capacity=part.capacity, confirmed=sum(counts.values()), reserved=reserved[part.pk], by_country=counts
            )
            part.country_seats, part.open_seats_left = seats.countries(), seats.open_left
            part.open_seats = max(part.capacity - sum(seats.reserved.values()), 0)
    return parts


def seats_on_parts(
    part_ids: list[int], registration: Registration, *, reserved: dict[int, dict[str, int]] | None = None
) -> tuple[dict[int, int], set[int], dict[int, dict[str, int]]]:
    """In one query: the confirmed seats of each part ({part id: count}, parts without any left out), the
    parts on which `registration` already has a seat, and, where `reserved` names parts with reservations in
    force, their confirmed seats by country ({part id: {country: count}})."""
    mine = Q(registration=registration)
    seats = Seat.objects.filter(Q(status=Seat.Status.CONFIRMED) | mine, part_id__in=part_ids)
    # Counting by country joins the registrations: only where the count is needed.
    group = ("part_id", "registration__country") if reserved else ("part_id",)
    counts = seats.values_list(*group).annotate(
        confirmed=Count("pk", filter=Q(status=Seat.Status.CONFIRMED)), mine=Count("pk", filter=mine)
    )
    confirmed, held, by_country = {}, set(), defaultdict(dict)
    for row in counts.order_by():
        part_id, confirmed_seats, own_seats = row[0], row[-2], row[-1]
        if confirmed_seats:
            confirmed[part_id] = confirmed.get(part_id, 0) + confirmed_seats
            if reserved:
                by_country[part_id][row[1]] = confirmed_seats
        if own_seats:
            held.add(part_id)
    return confirmed, held, dict(by_country)


def non_cancelled_registration(event: Event, email: str) -> Registration | None:
    return (
        Registration.objects.filter(event=event, email__iexact=email)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def registrations_for_email(email: str) -> list[Registration]:
    """Every non-cancelled registration of an address, for "send my link again"."""
    return list(
        Registration.objects.select_related("event")
        .filter(email__iexact=email)
        .exclude(status=Registration.Status.CANCELLED)
    )


def link_sent_since(email: str, since: datetime.datetime) -> bool:
    """Was a private link sent to this address since then? (At most one such e-mail an hour.)"""
    kinds = [EmailLog.Kind.LINK_AGAIN]
    return EmailLog.objects.filter(recipient__iexact=email, kind__in=kinds, created__gte=since).exists()


def privacy_notice_version(language: str) -> str:
    """A short fingerprint of the privacy notice as shown in that language: its text and its last change."""
    page = Page.objects.filter(slug=Page.Slug.PRIVACY).first()
    if page is None:
        return "none"
    with translation.override(language):
        body = page.body
    fingerprint = hashlib.sha256(f"{body}\n{page.updated.isoformat()}".encode()).hexdigest()
    return fingerprint[:12]
