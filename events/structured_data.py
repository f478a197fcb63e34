"""schema.org `Event` data for search engines."""

from django.utils.translation import get_language

from .models import DatePrecision, Event


def postal_address(event: Event) -> dict:
    """The venue's address as far as it is known: an unknown street is left out, not sent empty."""
    address = {"@type": "PostalAddress", "addressLocality": event.city, "addressCountry": event.country}
    if event.address:
        address["streetAddress"] = event.address
    return {name: value for name, value in address.items() if value}


def event_json_ld(event: Event, *, url: str, image: str | None = None) -> dict | None:
    """The offer (registration) is added by the registrations app, which knows the seats."""
    if event.start_date is None or event.date_precision == DatePrecision.UNKNOWN:
        return None
    month_only = event.date_precision == DatePrecision.MONTH
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "inLanguage": get_language(),
        "startDate": event.start_date.strftime("%Y-%m") if month_only else event.start_date.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": event.venue or event.city,
            "address": postal_address(event),
        },
        "organizer": {
            "@type": "Organization",
            "name": event.host.name,
            "url": event.host.web,
        },
    }
    if image:
        data["image"] = [image]
    if event.end_date and not month_only:
        data["endDate"] = event.end_date.isoformat()
    return data
