"""How pages of the `events` app show registration, without `events` importing this app."""

from django import template
from django.urls import reverse

from events.models import Event
from v4project import clock

from ..forms import availability, country_availability
from ..models import Part
from ..phones import phone_display
from ..selectors import events_open_for_registration, parts_with_availability

register = template.Library()

register.filter("availability", availability)
register.filter("country_availability", country_availability)
register.filter("phone", phone_display)


@register.inclusion_tag("registrations/includes/registration_call.html")
def registration_call():
    """The call to register on the home page, for every event whose registration is open now (two queries)."""
    return {"open_events": events_open_for_registration(clock.now())}


@register.inclusion_tag("registrations/includes/registration_box.html")
def registration_box(event: Event):
    """Open or closed, the parts with their seats left (per country where seats are reserved for countries),
    and the Register button (one query, three with reservations)."""
    now = clock.now()
    has_registration = event.registration_opens is not None
    return {
        "event": event,
        "is_open": event.registration_is_open(now),
        "not_yet_open": has_registration and now < event.registration_opens,
        "has_registration": has_registration,
        "parts": parts_with_availability(event) if has_registration else [],
    }


@register.inclusion_tag("registrations/includes/register_button.html")
def register_button(event: Event):
    """On a phone the registration box comes after the whole programme: a Register button near the top."""
    show = event.registration_is_open(clock.now()) and event.parts.exists()
    return {"event": event, "show": show}


@register.inclusion_tag("registrations/includes/registration_parts.html")
def registration_parts(event: Event):
    """What one can register for: each part with its date, times, where to meet and what it includes."""
    parts = list(Part.objects.filter(event=event)) if event.registration_opens is not None else []
    return {"parts": parts}


# The currency of the host country: the offer is free, but search engines expect a currency with a price.
CURRENCIES = {"CZ": "CZK", "SK": "EUR", "PL": "PLN", "HU": "HUF"}


@register.simple_tag(takes_context=True)
def with_offers(context, data: dict | None, event: Event) -> dict | None:
    """The event's schema.org data with its `offers`: free, in stock while any part has a seat left (or no
    limit), sold out when every part is full, valid from the moment registration opens until it closes.
    Once registration has closed there is nothing to offer, and no link to a form that takes no one."""
    if not data or event.registration_opens is None:
        return data
    ends = event.registration_ends_at
    if ends is not None and clock.now() >= ends:
        return data
    parts = parts_with_availability(event)
    if not parts:
        return data
    full = all(part.seats_left == 0 for part in parts)
    url = context["request"].build_absolute_uri(reverse("registrations:register", kwargs={"slug": event.slug}))
    offer = {
        "@type": "Offer",
        "price": 0,
        "priceCurrency": CURRENCIES.get(event.country, "EUR"),
        "availability": "https://schema.org/SoldOut" if full else "https://schema.org/InStock",
        "url": url,
        "validFrom": event.registration_opens.isoformat(),
    }
    if ends is not None:
        offer["validThrough"] = ends.isoformat()
    return {**data, "isAccessibleForFree": True, "offers": offer}
