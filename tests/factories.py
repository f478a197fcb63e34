"""Small factories: real objects in the real database, with overridable defaults."""

import datetime
import itertools

from django.utils import timezone

from events.models import Country, DatePrecision, Event, Page, Partner, ProgrammeItem
from v4project import clock

_numbers = itertools.count(1)
LANGUAGES = ("cs", "sk", "pl", "hu", "en")


def in_all_languages(field: str, text: str) -> dict:
    """{"title_cs": "… (cs)", …}: distinct text per language, so a test sees which one is shown."""
    return {f"{field}_{code}": f"{text} ({code})" for code in LANGUAGES}


def make_partner(**overrides) -> Partner:
    n = next(_numbers)
    # One association per country: take a country that has none yet.
    country = overrides.pop("country", None) or next(
        code for code in Country.values if not Partner.objects.filter(country=code).exists()
    )
    fields = {
        "code": f"partner-{n}",
        "short_name": f"P{n}",
        "country": country,
        "web": "https://example.org",
        **in_all_languages("name", f"Partner {n}"),
    }
    fields.update(overrides)
    return Partner.objects.create(**fields)


def make_event(**overrides) -> Event:
    n = next(_numbers)
    host = overrides.pop("host", None) or Partner.objects.first() or make_partner()
    fields = {
        "slug": f"event-{n}",
        "order": n,
        "country": host.country,
        "host": host,
        "date_precision": DatePrecision.DAY,
        "start_date": datetime.date(2023, 6, 21),
        "end_date": datetime.date(2023, 6, 22),
        **in_all_languages("title", f"Workshop {n}"),
        **in_all_languages("city", "Olomouc"),
        **in_all_languages("summary", f"Summary {n}"),
    }
    fields.update(overrides)
    return Event.objects.create(**fields)


def make_open_event(**overrides) -> Event:
    """An event whose registration opened yesterday by the site's clock and closes when it begins (21 June
    2023 unless `start_date` says otherwise): open only on a day before that, e.g. with DEMO_DATE."""
    now = clock.now()
    return make_event(registration_opens=now - datetime.timedelta(days=1), registration_closes=None, **overrides)


def make_coming_event(**overrides) -> Event:
    """An event a month from now by the real clock, its registration open: for tests that need an open
    registration whatever the day (servers in other processes, concurrency) and do not look at dates."""
    first_day = timezone.localdate() + datetime.timedelta(days=30)
    return make_open_event(start_date=first_day, end_date=first_day + datetime.timedelta(days=1), **overrides)


def make_programme_item(event: Event, **overrides) -> ProgrammeItem:
    fields = {"event": event, "day": event.start_date, **in_all_languages("title", "Opening")}
    fields.update(overrides)
    return ProgrammeItem.objects.create(**fields)


def make_pages() -> list[Page]:
    return [
        Page.objects.update_or_create(
            slug=slug, defaults={**in_all_languages("title", slug.title()), **in_all_languages("body", "Text")}
        )[0]
        for slug in Page.Slug.values
    ]


def make_part(event: Event, **overrides):
    """A part of an event (seminar, study tour); capacity None means no limit."""
    from registrations.models import Part

    n = next(_numbers)
    fields = {"event": event, "date": event.start_date, "order": n, **in_all_languages("name", f"Part {n}")}
    fields.update(overrides)
    return Part.objects.create(**fields)


def make_registration(event: Event, *, parts=(), seat_status: str | None = None, since=None, **overrides):
    """A registration stored directly (no e-mail, no rules), with `.token` set to its private token.

    With `seat_status` ("confirmed", "waitlisted"), it is active and holds that seat on every part given;
    without, it is pending and has only chosen the parts.
    """
    from registrations.models import Registration, Seat
    from registrations.tokens import new_checkin_code, new_token, private_token, token_hash

    n = next(_numbers)
    now = timezone.now()
    fields = {
        "event": event,
        "token_hash": token_hash(new_token()),
        "checkin_code": new_checkin_code(),
        "status": Registration.Status.ACTIVE if seat_status else Registration.Status.PENDING,
        "first_name": "Jana",
        "last_name": f"Nováková {n}",
        "email": f"person{n}@example.org",
        "organisation": "Obec Testov",
        "country": "CZ",
        "language": "cs",
        "privacy_version": "test",
        "privacy_language": "cs",
        "privacy_accepted_at": now,
        "confirm_expires_at": now + datetime.timedelta(hours=48),
        "confirmed_at": now if seat_status else None,
    }
    fields.update(overrides)
    registration = Registration.objects.create(**fields)
    # The private link is derived from the registration's id, as the site does it (registrations/tokens.py).
    token = private_token(registration.pk, registration.link_version)
    registration.token_hash = token_hash(token)
    Registration.objects.filter(pk=registration.pk).update(token_hash=registration.token_hash)
    registration.requested_parts.set(parts)
    for part in parts if seat_status else ():
        Seat.objects.create(registration=registration, part=part, status=seat_status, since=since or now)
    registration.token = token
    return registration


def make_registrations_in_bulk(event: Event, count: int, *, last_name: str = "Nováková {n:05d}") -> list:
    """`count` active registrations written in one query (no seats, no tokens to use): for lists and
    exports at scale. `last_name` is formatted with their number n."""
    from registrations.models import Registration

    now = timezone.now()
    return Registration.objects.bulk_create(
        Registration(
            event=event,
            token_hash=f"{n:064d}",
            checkin_code=f"bulk-{n}",
            status=Registration.Status.ACTIVE,
            first_name="Anna",
            last_name=last_name.format(n=n),
            email=f"bulk{n}@example.org",
            organisation="Obec",
            country="CZ",
            language="cs",
            privacy_version="test",
            privacy_language="cs",
            privacy_accepted_at=now,
            confirmed_at=now,
        )
        for n in range(count)
    )
