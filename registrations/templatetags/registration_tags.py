"""How pages of the `events` app show registration, without `events` importing this app."""

from django import template
from django.utils import timezone

from events.models import Event

register = template.Library()


@register.inclusion_tag("registrations/includes/registration_call.html")
def registration_call():
    """The call to register on the home page, for every event whose registration is open now."""
    now = timezone.now()
    events = [
        event for event in Event.objects.published().exclude(registration_opens=None) if event.registration_is_open(now)
    ]
    return {"open_events": events}


@register.inclusion_tag("registrations/includes/registration_box.html")
def registration_box(event: Event):
    now = timezone.now()
    return {
        "event": event,
        "is_open": event.registration_is_open(now),
        "not_yet_open": event.registration_opens is not None and now < event.registration_opens,
        "has_registration": event.registration_opens is not None,
    }
