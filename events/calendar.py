"""Calendar files (`.ics`): the one builder, for an event's "add to calendar" and a registrant's parts."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language, gettext
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import Event


@dataclass(frozen=True)
class Entry:
    uid: str
    first_day: datetime.date
    last_day: datetime.date
    summary: str
    description: str
    url: str
    location: str = ""
    stamp: datetime.datetime | None = None
    # A timed entry: aware instants (their zone goes into the file with its VTIMEZONE); otherwise whole days.
    starts_at: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None


def location_of(event: Event) -> str:
    return ", ".join(text for text in (event.venue, event.address, event.city) if text)


def with_practical_information(text: str, practical_information: str) -> str:
    """An entry's description followed by the event's practical information, under a heading."""
    if not practical_information:
        return text
    return "\n\n".join(filter(None, [text, f"{gettext('Practical information')}:\n{practical_information}"]))


def calendar_bytes(entries: Iterable[Entry], *, name: str) -> bytes:
    """Entries in the active language: timed ones in their own time zone (Europe/Prague, with its rules in
    a VTIMEZONE, so that a calendar elsewhere shows the right hour in summer and in winter), the others as
    whole days."""
    entries = list(entries)
    calendar = Calendar()
    calendar.add("prodid", "-//SMO CR//V4 partnership//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for entry in entries:
        component = CalendarEvent()
        component.add("uid", f"{entry.uid}@v4-partnership")
        component.add("dtstamp", entry.stamp or timezone.now())
        if entry.starts_at is not None:
            component.add("dtstart", entry.starts_at)
            if entry.ends_at is not None:
                component.add("dtend", entry.ends_at)
        else:
            component.add("dtstart", entry.first_day)
            # DTEND of an all-day entry is exclusive: the day after the last day.
            component.add("dtend", entry.last_day + datetime.timedelta(days=1))
        component.add("summary", entry.summary)
        if entry.location:
            component.add("location", entry.location)
        component.add("description", f"{entry.description}\n\n{entry.url}".strip())
        component.add("url", entry.url)
        component["language"] = get_language()
        calendar.add_component(component)
    timed = [entry for entry in entries if entry.starts_at is not None]
    if timed:
        # Only the years the entries need: the zone's rules for them, not every change since 1970.
        first = min(entry.first_day for entry in timed).replace(month=1, day=1)
        last = max(entry.last_day for entry in timed).replace(month=1, day=1)
        calendar.add_missing_timezones(first_date=first, last_date=last.replace(year=last.year + 1))
    return calendar.to_ical()


def event_calendar_bytes(event: Event, *, url: str) -> bytes:
    """The whole event as one entry."""
    entry = Entry(
        uid=event.slug,
        first_day=event.start_date,
        last_day=event.last_day,
        summary=event.title,
        description=with_practical_information(event.summary, event.practical_information),
        url=url,
        location=location_of(event),
        stamp=event.updated,
    )
    return calendar_bytes([entry], name=event.title)
