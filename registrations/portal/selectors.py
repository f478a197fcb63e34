"""The partner portal's reads: who may use it, which registrations each user may see, and the counts.

A partner association's member sees its own country's registrants in full, and the other countries'
registrants only if they consented to sharing, and then only in summary. A user with the
`view_all_countries` permission (Organisers, superusers) sees every registrant in full.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from events.models import Event, Partner

from ..models import Part, PartnerMembership, RegistrantCountry, Registration, Seat

ACTIVE_SEATS = [Seat.Status.CONFIRMED, Seat.Status.WAITLISTED]


@dataclass(frozen=True)
class PortalVisibility:
    all_countries: bool
    country: str = ""  # the partner association's country; empty for those who see all countries

    def sees_in_full(self, registration: Registration) -> bool:
        return self.all_countries or registration.country == self.country


def portal_visibility(*, user: AbstractBaseUser) -> PortalVisibility | None:
    """What this user may see in the portal; None for a user who may not use it at all."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.has_perm("registrations.view_all_countries"):
        return PortalVisibility(all_countries=True)
    membership = PartnerMembership.objects.select_related("partner").filter(user=user).first()
    if membership is None:
        return None
    return PortalVisibility(all_countries=False, country=membership.partner.country)


def portal_events() -> QuerySet[Event]:
    """Published events that take registrations for at least one part."""
    has_parts = Exists(Part.objects.filter(event=OuterRef("pk")))
    return Event.objects.published().filter(has_parts)


def portal_event(*, slug: str) -> Event | None:
    """The event of a participant list; None for an unknown, unpublished or part-less one alike."""
    return portal_events().filter(slug=slug).first()


def portal_registrations(*, event: Event, visibility: PortalVisibility) -> QuerySet[Registration]:
    """Everyone this user may see on the event's list: active, holding a confirmed or waitlisted seat."""
    holds_seat = Exists(Seat.objects.filter(registration=OuterRef("pk"), status__in=ACTIVE_SEATS))
    registrations = Registration.objects.filter(holds_seat, event=event, status=Registration.Status.ACTIVE)
    if not visibility.all_countries:
        registrations = registrations.filter(Q(country=visibility.country) | Q(consent_sharing=True))
    return registrations


def filter_registrations(
    *, registrations: QuerySet[Registration], part_id: int | None, seat_status: str, country: str, search: str
) -> QuerySet[Registration]:
    """Narrow a list by part and/or seat status (on that part, if one is given), country, and words that
    must each appear in the first name, last name or organisation."""
    if part_id is not None or seat_status:
        seats = Seat.objects.filter(
            registration=OuterRef("pk"), status__in=[seat_status] if seat_status else ACTIVE_SEATS
        )
        if part_id is not None:
            seats = seats.filter(part_id=part_id)
        registrations = registrations.filter(Exists(seats))
    if country:
        registrations = registrations.filter(country=country)
    for word in search.split():
        registrations = registrations.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(organisation__icontains=word)
        )
    return registrations


def portal_parts(*, event: Event) -> list[Part]:
    """The event's parts, without counts: the choices of an export's filter."""
    return list(Part.objects.filter(event=event))


def parts_with_portal_counts(*, event: Event, visible: QuerySet[Registration]) -> list[Part]:
    """The event's parts, each with `confirmed_count` and `waitlisted_count` among `visible`: one query."""
    among_visible = Q(seats__registration__in=visible.values("pk"))
    return list(
        Part.objects.filter(event=event).annotate(
            confirmed_count=Count("seats", filter=among_visible & Q(seats__status=Seat.Status.CONFIRMED)),
            waitlisted_count=Count("seats", filter=among_visible & Q(seats__status=Seat.Status.WAITLISTED)),
        )
    )


def counts_by_country(*, visible: QuerySet[Registration]) -> list[dict]:
    """[{"country": "CZ", "label": "Czechia", "count": 12}, …] in the order of the country choices: one query."""
    counts = dict(visible.order_by().values_list("country").annotate(count=Count("pk")))
    return [
        {"country": code, "label": label, "count": counts[code]}
        for code, label in RegistrantCountry.choices
        if counts.get(code)
    ]


def portal_partner(*, user: AbstractBaseUser) -> Partner | None:
    """The partner association whose delegation this user registers; None for anyone else (organisers add
    people in the admin)."""
    if not user.is_authenticated or not user.is_active:
        return None
    membership = PartnerMembership.objects.select_related("partner").filter(user=user).first()
    return membership.partner if membership else None
