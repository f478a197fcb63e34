"""Who receives an organisers' message or an automatic e-mail: the event's registrations that are not
cancelled, narrowed by the filters staff chose (parts, seat status, country, check-in)."""

from collections import Counter

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import RecipientFilter, Registration, Seat


def recipients(
    *, event, part_ids=(), seat_status: str = "", country: str = "", checked_in: str = ""
) -> QuerySet[Registration]:
    registrations = Registration.objects.filter(event=event).exclude(status=Registration.Status.CANCELLED)
    held = Seat.objects.filter(registration=OuterRef("pk")).exclude(status=Seat.Status.CANCELLED)
    if part_ids:
        held = held.filter(part_id__in=part_ids)
        chose = Registration.requested_parts.through.objects.filter(registration=OuterRef("pk"), part_id__in=part_ids)
        registrations = registrations.filter(Exists(held) | (Q(status=Registration.Status.PENDING) & Exists(chose)))
    if seat_status == RecipientFilter.SeatStatus.PENDING:
        registrations = registrations.filter(status=Registration.Status.PENDING)
    elif seat_status:
        registrations = registrations.filter(Exists(held.filter(status=seat_status)))
    if country:
        registrations = registrations.filter(country=country)
    if checked_in:
        arrived = Exists(held.filter(checked_in_at__isnull=False))
        registrations = registrations.filter(arrived if checked_in == RecipientFilter.CheckedIn.YES else ~arrived)
    return registrations.order_by("pk")


def recipients_of(obj: RecipientFilter, *, part_ids=None) -> QuerySet[Registration]:
    """The recipients of a saved message or rule (`part_ids` for parts not saved yet)."""
    if part_ids is None:
        part_ids = [part.pk for part in obj.parts.all()] if obj.pk else []
    return recipients(
        event=obj.event,
        part_ids=part_ids,
        seat_status=obj.seat_status,
        country=obj.country,
        checked_in=obj.checked_in,
    )


def languages_needing_english(obj, registrations: QuerySet[Registration], *, field: str) -> dict[str, int]:
    """{language: how many recipients} of the languages whose text is empty: they will get English."""
    counts = Counter(registrations.values_list("language", flat=True))
    return {
        language: count
        for language, count in sorted(counts.items())
        if language != "en" and not (getattr(obj, f"{field}_{language}", "") or "").strip()
    }
