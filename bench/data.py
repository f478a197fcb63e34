"""The benchmark's database: created fresh, filled with the real content and 10,000 generated
registrations, read in-process for query counts and the overbooking check, and dropped at the end."""

import datetime
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = "bench_v4"
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REGISTRATIONS = 10_000  # active, each with a seat on both parts: the lists and the export show them
PENDING = 3_000  # more, waiting for confirmation, with known tokens: the confirm POSTs use them
EVENT_SLUG = "olomouc-2023"


def database_url() -> str:
    return f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{DB_NAME}"


def _admin_sql(statement: str) -> None:
    import psycopg2

    connection = psycopg2.connect(dbname="postgres", **PG)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


def create_database() -> None:
    drop_database()
    _admin_sql(f"CREATE DATABASE {DB_NAME}")


def drop_database() -> None:
    _admin_sql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


def close_connections() -> None:
    """Before the database is dropped (nothing to close when Django was never set up)."""
    if "django.db" in sys.modules:
        from django.conf import settings

        if settings.configured:
            from django.db import connections

            connections.close_all()


def manage(env: dict, *args: str) -> None:
    command = [sys.executable, "manage.py", *args]
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 - our own manage.py


def prepare(env: dict) -> None:
    """Schema, cache table, the real content and demo accounts, collected static files."""
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    manage({**env, "DEBUG": "1"}, "seed_demo")  # the demo accounts: development's command, on this database
    manage(env, "collectstatic", "--noinput")


def setup_django(env: dict) -> None:
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "v4project.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def generate_registrations(active: int = REGISTRATIONS, pending: int = PENDING) -> list[str]:
    """Registrations for Olomouc in bulk: `pending` wait for their confirmation (their tokens are
    returned), `active` more are active with a seat on each part, confirmed while seats last and
    on the waiting list after, nine in ten of the confirmed checked in. No e-mails, no rules: this is
    data, the confirm POSTs exercise the rules."""
    from django.db import transaction
    from django.utils import timezone

    from events.models import Event
    from registrations.models import Part, Registration, Seat
    from registrations.tokens import new_checkin_code, new_token, token_hash

    event = Event.objects.get(slug=EVENT_SLUG)
    parts = list(Part.objects.filter(event=event).order_by("date"))
    now = timezone.now()
    countries = ["CZ", "SK", "PL", "HU", "OTHER"]
    languages = {"CZ": "cs", "SK": "sk", "PL": "pl", "HU": "hu", "OTHER": "en"}
    tokens, registrations = [], []
    for n in range(pending + active):
        token = new_token()
        country = countries[n % 5]
        is_pending = n < pending
        if is_pending:
            tokens.append(token)
        registrations.append(
            Registration(
                event=event,
                token_hash=token_hash(token),
                checkin_code=new_checkin_code(),
                status=Registration.Status.PENDING if is_pending else Registration.Status.ACTIVE,
                first_name=f"Jméno{n}",
                last_name=f"Příjmení {n:05d}",
                email=f"bench{n}@example.org",
                phone="+420 601 000 000",
                organisation=f"Obec Benchov {n % 700}",
                position="starosta",
                country=country,
                language=languages[country],
                privacy_version="bench",
                privacy_language=languages[country],
                privacy_accepted_at=now,
                consent_photos=n % 3 != 0,
                consent_sharing=n % 4 != 0,
                confirmed_at=None if is_pending else now,
                confirm_expires_at=now + datetime.timedelta(hours=48),
            )
        )
    with transaction.atomic():
        created = Registration.objects.bulk_create(registrations, batch_size=1000)
        through = Registration.requested_parts.through
        through.objects.bulk_create(
            [through(registration_id=r.pk, part_id=part.pk) for r in created for part in parts], batch_size=2000
        )
        taken = {part.pk: Seat.objects.filter(part=part, status=Seat.Status.CONFIRMED).count() for part in parts}
        seats = []
        for n, registration in enumerate(created[pending:]):
            for part in parts:
                free = part.capacity is None or taken[part.pk] < part.capacity
                taken[part.pk] += free
                status = Seat.Status.CONFIRMED if free else Seat.Status.WAITLISTED
                # Nine in ten of those with a seat came (the report for the funder counts them).
                came = now if free and n % 10 else None
                seats.append(Seat(registration=registration, part=part, status=status, since=now, checked_in_at=came))
        Seat.objects.bulk_create(seats, batch_size=2000)
    return tokens


def settle() -> None:
    """What a live database has and a freshly filled one lacks: statistics, a vacuumed visibility map and a
    checkpoint behind it, so autovacuum and the bulk load's writes do not fall into a measurement."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        cursor.execute("CHECKPOINT")


def open_seats_for_the_burst(extra: int) -> dict[int, int]:
    """Give the seminar `extra` free seats, fewer than the burst will ask for, so the confirmations fill it
    and the overbooking check means something. Returns {part id: capacity}."""
    from registrations.models import Part, Seat

    capacities = {}
    for part in Part.objects.filter(event__slug=EVENT_SLUG).order_by("date"):
        if part.order == 1:
            confirmed = Seat.objects.filter(part=part, status=Seat.Status.CONFIRMED).count()
            Part.objects.filter(pk=part.pk).update(capacity=confirmed + extra)
            part.capacity = confirmed + extra
        capacities[part.pk] = part.capacity
    return capacities


def seat_counts() -> dict[str, dict]:
    """Per part: capacity, confirmed and waitlisted seats; and how many registrations are still pending."""
    from registrations.models import Part, Registration

    result = {}
    for part in Part.objects.filter(event__slug=EVENT_SLUG).with_seat_counts().order_by("date"):
        result[part.name_en] = {
            "capacity": part.capacity,
            "confirmed": part.confirmed_count,
            "waitlisted": part.waitlisted_count,
        }
    result["pending registrations"] = {"count": Registration.objects.filter(status="pending").count()}
    return result


def confirmation_emails() -> dict[str, int]:
    """The "registration confirmed" e-mails recorded so far: how many, and how many not sent yet."""
    from registrations.models import EmailLog

    logs = EmailLog.objects.filter(kind=EmailLog.Kind.REGISTRATION_CONFIRMED)
    return {"recorded": logs.count(), "unsent": logs.filter(sent_at__isnull=True).count()}


def session_cookie(username: str) -> str:
    """`sessionid=…` of a logged-in session for that user (the demo accounts of seed_demo)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def query_counts(pages: dict[str, tuple[str, str | None]]) -> dict[str, dict]:
    """SQL queries per page, through Django's test client in this process against the bench database:
    {name: {"miss": n, "hit": n}} (a hit only differs for cached pages)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, (path, cookie) in pages.items():
        client = Client(HTTP_HOST="127.0.0.1")
        if cookie:
            key, value = cookie.split("=", 1)
            client.cookies[key] = value
        measured = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
                if response.streaming:
                    b"".join(response.streaming_content)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
            measured.append(len(queries))
        counts[name] = {"miss": measured[0], "hit": measured[1]}
    return counts


def confirm_queries(token: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = Client(HTTP_HOST="127.0.0.1").post(f"/cs/registration/{token}/confirm/")
    if response.status_code != 302:
        raise RuntimeError(f"the confirm step answered {response.status_code}")
    return len(queries)


def new_secret() -> str:
    return secrets.token_urlsafe(50)
