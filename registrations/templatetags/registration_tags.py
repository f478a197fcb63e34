"""How pages of the `events` app show registration, without `events` importing this app."""

from django import template

from events.models import Event
from v4project import clock

from ..forms import availability
from ..phones import phone_display
from ..selectors import events_open_for_registration, parts_with_availability

register = template.Library()

register.filter("availability", availability)
register.filter("phone", phone_display)


@register.inclusion_tag("registrations/includes/registration_call.html")
def registration_call():
    """The call to register on the home page, for every event whose registration is open now (two queries)."""
    return {"open_events": events_open_for_registration(clock.now())}


@register.inclusion_tag("registrations/includes/registration_box.html")
def registration_box(event: Event):
    """Open or closed, the parts with their seats left, and the Register button (one query)."""
    now = clock.now()
    has_registration = event.registration_opens is not None
    return {
        "event": event,
        "is_open": event.registration_is_open(now),
        "not_yet_open": has_registration and now < event.registration_opens,
        "has_registration": has_registration,
        "parts": parts_with_availability(event) if has_registration else [],
    }
