"""The `.ics` file of an event, for "add to calendar"."""

import datetime

from django.utils import timezone
from django.utils.translation import get_language
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import Event


def event_calendar_bytes(event: Event, *, url: str, uid_suffix: str = "") -> bytes:
    """A whole-day calendar entry: the programme's hours are not all known, the days are."""
    calendar = Calendar()
    calendar.add("prodid", "-//SMO CR//V4 partnership//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = CalendarEvent()
    entry.add("uid", f"{event.slug}{uid_suffix}@v4-partnership")
    entry.add("dtstamp", event.updated or timezone.now())
    entry.add("dtstart", event.start_date)
    # DTEND of an all-day event is exclusive: the day after the last day.
    entry.add("dtend", event.last_day + datetime.timedelta(days=1))
    entry.add("summary", event.title)
    location = ", ".join(part for part in (event.venue, event.address, event.city) if part)
    if location:
        entry.add("location", location)
    entry.add("description", f"{event.summary}\n\n{url}".strip())
    entry.add("url", url)
    calendar.add("x-wr-caldesc", event.title)
    entry["language"] = get_language()
    calendar.add_component(entry)
    return calendar.to_ical()
