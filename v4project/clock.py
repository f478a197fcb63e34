"""The site's clock: "now" and "today" wherever the calendar decides what a visitor sees or may do.

Registration opening and closing, events held or coming, changes on the private page, the page cache's
expiry, the anonymisation of past events: all read this clock. With `DEMO_DATE` set (the demo and some
tests), the site behaves as if it were that day: the clock is moved back or forth by whole days from the
moment a process first reads it, and still runs, so the demo of a June 2023 seminar stays usable years
later. Without it, this is Django's clock.

Times that only measure how long ago something happened on the site itself (a confirmation link's 48
hours, an e-mail sent within the hour, rate limits, lockouts) and the times stored with a record
(created, sent, checked in) keep the real clock: a demo must not make links expire years early.
"""

import datetime

from django.conf import settings
from django.utils import timezone

_offset: tuple[datetime.date | None, datetime.timedelta] = (None, datetime.timedelta(0))


def demo_date() -> datetime.date | None:
    return getattr(settings, "DEMO_DATE", None)


def offset() -> datetime.timedelta:
    """How far the site's clock is from the real one: zero without DEMO_DATE; else fixed per process (and
    per DEMO_DATE value) so that the time of day stays the real one from the first reading on."""
    global _offset
    shown = demo_date()
    if shown is None:
        return datetime.timedelta(0)
    if _offset[0] != shown:
        real = timezone.now()
        wall_clock = timezone.localtime(real).time().replace(tzinfo=None)
        site = timezone.make_aware(datetime.datetime.combine(shown, wall_clock))
        # In UTC: Python subtracts two times of the same zone by their wall clocks, ignoring summer time.
        _offset = (shown, site.astimezone(datetime.UTC) - real)
    return _offset[1]


def now() -> datetime.datetime:
    return timezone.now() + offset()


def today() -> datetime.date:
    return timezone.localdate(now())


def to_real(moment: datetime.datetime) -> datetime.datetime:
    """A moment of the site's calendar on the real clock (for expiry times compared with the real one)."""
    return moment.astimezone(datetime.UTC) - offset()


def local_midnight(day: datetime.date) -> datetime.datetime:
    """The first moment of a day in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
