"""Calendar files (`.ics`): the one builder, for an event's "add to calendar" and a registrant's parts."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language
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


def location_of(event: Event) -> str:
    return ", ".join(text for text in (event.venue, event.address, event.city) if text)


def calendar_bytes(entries: Iterable[Entry], *, name: str) -> bytes:
    """Whole-day entries in the active language: the programme's hours are not all known, the days are."""
    calendar = Calendar()
    calendar.add("prodid", "-//SMO CR//V4 partnership//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for entry in entries:
        component = CalendarEvent()
        component.add("uid", f"{entry.uid}@v4-partnership")
        component.add("dtstamp", entry.stamp or timezone.now())
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
    return calendar.to_ical()


def event_calendar_bytes(event: Event, *, url: str) -> bytes:
    """The whole event as one entry."""
    entry = Entry(
        uid=event.slug,
        first_day=event.start_date,
        last_day=event.last_day,
        summary=event.title,
        description=event.summary,
        url=url,
        location=location_of(event),
        stamp=event.updated,
    )
    return calendar_bytes([entry], name=event.title)
