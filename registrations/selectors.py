"""Reads that cross relations. Writes and rules are in `services.py`."""

import datetime
import hashlib

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import translation

from events.models import Event, Page

from .models import EmailLog, Part, Registration, Seat
from .tokens import is_well_formed, token_hash


def parts_with_availability(event: Event) -> list[Part]:
    """The event's parts with their confirmed and waitlisted counts, in one query."""
    return list(Part.objects.filter(event=event).with_seat_counts())


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


def registration_seats(registration: Registration) -> list[Seat]:
    return list(registration.seats.select_related("part").exclude(status=Seat.Status.CANCELLED))


def registration_parts_by_status(registration: Registration) -> list[dict]:
    """[{"part": Part, "status": "confirmed" | "waitlisted" | "requested", "position": n}] for pages and e-mails.

    A pending registration has no seats yet: its chosen parts show as "requested". A waitlisted seat
    carries its place in the queue.
    """
    if registration.status == Registration.Status.PENDING:
        return [{"part": part, "status": "requested"} for part in registration.requested_parts.all()]
    rows = []
    for seat in registration_seats(registration):
        row = {"part": seat.part, "status": seat.status, "seat": seat}
        if seat.status == Seat.Status.WAITLISTED:
            row["position"] = waitlist_position(seat)
        rows.append(row)
    return rows


def waitlist_position(seat: Seat) -> int:
    ahead = Seat.objects.filter(part_id=seat.part_id, status=Seat.Status.WAITLISTED).filter(
        Q(since__lt=seat.since) | Q(since=seat.since, pk__lt=seat.pk)
    )
    return ahead.count() + 1


def waitlist(part: Part) -> QuerySet[Seat]:
    """Who waits for a seat on this part, first come first served (by `since`, then pk)."""
    return Seat.objects.filter(part=part, status=Seat.Status.WAITLISTED).order_by("since", "pk")


def confirmed_count(part_id: int) -> int:
    return Seat.objects.filter(part_id=part_id, status=Seat.Status.CONFIRMED).count()


def seats_on_parts(part_ids: list[int], registration: Registration) -> tuple[dict[int, int], set[int]]:
    """In one query: the confirmed seats of each part ({part id: count}, parts without any left out) and
    the parts on which `registration` already has a seat."""
    mine = Q(registration=registration)
    seats = Seat.objects.filter(Q(status=Seat.Status.CONFIRMED) | mine, part_id__in=part_ids)
    counts = seats.values_list("part_id").annotate(
        confirmed=Count("pk", filter=Q(status=Seat.Status.CONFIRMED)), mine=Count("pk", filter=mine)
    )
    confirmed, held = {}, set()
    for part_id, confirmed_seats, own_seats in counts.order_by():
        if confirmed_seats:
            confirmed[part_id] = confirmed_seats
        if own_seats:
            held.add(part_id)
    return confirmed, held


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
