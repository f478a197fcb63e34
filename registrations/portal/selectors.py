"""The partner portal's reads: who may use it, which registrations each user may see, and the counts.

A partner association's member sees its own country's registrants in full, and the other countries'
registrants only if they consented to sharing, and then only in summary. A user with the
`view_all_countries` permission (Organisers, superusers) sees every registrant in full.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone

from events.models import Event, Partner

from ..models import Part, PartnerMembership, RegistrantCountry, Registration, Seat

ACTIVE_SEATS = [Seat.Status.CONFIRMED, Seat.Status.WAITLISTED]


@dataclass(frozen=True)
class PortalVisibility:
    all_countries: bool
    country: str = ""  # the partner association's country; empty for those who see all countries
    partner: Partner | None = None  # the association whose delegation the user registers

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
    return PortalVisibility(all_countries=False, country=membership.partner.country, partner=membership.partner)


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


def _on_the_list(event: Event) -> Q:
    """For counting a part's confirmed or waiting seats: the seat's registration is on the event's list
    (`portal_registrations` for everyone), a condition on the joined registration. That it holds a seat is
    the seat being counted; a subquery of the list instead was scanned again for every count, 250 ms with
    10,000 registrations."""
    return Q(seats__registration__event=event, seats__registration__status=Registration.Status.ACTIVE)


def parts_with_everyones_counts(*, event: Event) -> list[Part]:
    """The event's parts, each with `confirmed_count` and `waitlisted_count` of everyone on the list: one
    query."""
    among = _on_the_list(event)
    return list(
        Part.objects.filter(event=event)
        .with_reservations_flag()
        .annotate(
            confirmed_count=Count("seats", filter=among & Q(seats__status=Seat.Status.CONFIRMED)),
            waitlisted_count=Count("seats", filter=among & Q(seats__status=Seat.Status.WAITLISTED)),
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


def own_country_first(registrations: QuerySet[Registration], *, country: str) -> QuerySet[Registration]:
    """The same order, with the partner association's own country's people before everyone else's."""
    if not country:
        return registrations
    own = Case(When(country=country, then=Value(0)), default=Value(1), output_field=IntegerField())
    return registrations.order_by(own, *registrations.query.order_by)


def everyones_registrations(*, event: Event) -> QuerySet[Registration]:
    """Everyone on the event's list, for totals only (numbers, never names)."""
    return portal_registrations(event=event, visibility=PortalVisibility(all_countries=True))


def partner_totals(*, event: Event, visibility: PortalVisibility) -> tuple[list[Part], list[dict]]:
    """A partner's totals that say whose they are, two queries: each part with `confirmed_count` and
    `waitlisted_count` among those the partner sees, `own_confirmed`/`own_waitlisted` of its own country and
    `all_confirmed`/`all_waitlisted` of everyone; and per country (own first) `count` seen and `all`."""
    everyone = everyones_registrations(event=event)
    seen = Q(country=visibility.country) | Q(consent_sharing=True)
    among = _on_the_list(event)
    on = {
        "confirmed": Q(seats__status=Seat.Status.CONFIRMED),
        "waitlisted": Q(seats__status=Seat.Status.WAITLISTED),
    }
    whose = {
        "": among & (Q(seats__registration__country=visibility.country) | Q(seats__registration__consent_sharing=True)),
        "own_": among & Q(seats__registration__country=visibility.country),
        "all_": among,
    }
    names = {"": "{}_count", "own_": "own_{}", "all_": "all_{}"}
    parts = list(
        Part.objects.filter(event=event)
        .with_reservations_flag()
        .annotate(
            **{
                names[prefix].format(status): Count("seats", filter=condition & on[status])
                for prefix, condition in whose.items()
                for status in on
            }
        )
    )
    counts = everyone.order_by().values("country").annotate(count=Count("pk", filter=seen), all=Count("pk"))
    by_country = {row["country"]: row for row in counts}
    countries = [
        {"country": code, "label": label, "count": by_country[code]["count"], "all": by_country[code]["all"]}
        for code, label in RegistrantCountry.choices
        if code in by_country
    ]
    return parts, sorted(countries, key=lambda row: row["country"] != visibility.country)


def open_invitations_count(*, event: Event, partner: Partner) -> int:
    """The partner's own invitations the person has not confirmed yet."""
    return Registration.objects.filter(
        event=event,
        invited_by=partner,
        country=partner.country,
        status=Registration.Status.PENDING,
        confirm_expires_at__gt=timezone.now(),
    ).count()
