""" "Send my link again": how long the answer takes for registered and for unknown addresses, alternating.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<a database of your own> .venv/bin/python -m bench.link_again

In one process through Django's test client, with production's task backend: the answer only queues the
task that looks the address up (a worker, not running here, would send the e-mail); each known address is
used once, the rate limit is emptied before each post. Prints the median, mean and 90th percentile of each,
in milliseconds. The database is migrated and its registrations and e-mail log are replaced: use one made
for this (it may be used again).
"""

import os
import statistics
import sys
import time

ROUNDS = 300
WARM_UP = 10


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("migrate", verbosity=0)
    setup_test_environment()

    from django_tasks_db.models import DBTaskResult

    from registrations.models import EmailLog, RateLimitHit, Registration
    from tests.factories import make_coming_event, make_pages, make_part, make_registration

    EmailLog.objects.all().delete()
    Registration.objects.all().delete()
    make_pages()
    event = make_coming_event(slug=f"link-again-{time.time_ns()}")
    part = make_part(event)
    known = [
        make_registration(event, parts=[part], seat_status="confirmed", email=f"known{n}@example.org").email
        for n in range(ROUNDS)
    ]
    client = Client()
    times: dict[str, list[float]] = {"known": [], "unknown": []}
    for n in range(ROUNDS):
        for kind, email in (("known", known[n]), ("unknown", f"nobody{n}@example.org")):
            RateLimitHit.objects.all().delete()
            start = time.perf_counter()
            response = client.post("/cs/registration/link/", {"email": email})
            times[kind].append((time.perf_counter() - start) * 1000)
            if response.status_code != 302:
                raise SystemExit(f"the answer was {response.status_code}, not the redirect to 'sent'")
    DBTaskResult.objects.all().delete()
    for kind, values in times.items():
        values = values[WARM_UP:]
        print(
            f"{kind:8} median {statistics.median(values):.2f} ms, mean {statistics.mean(values):.2f} ms, "
            f"p90 {statistics.quantiles(values, n=10)[-1]:.2f} ms"
        )
    difference = statistics.median(times["known"][WARM_UP:]) - statistics.median(times["unknown"][WARM_UP:])
    print(f"known minus unknown, medians: {difference:+.2f} ms")


if __name__ == "__main__":
    sys.exit(main())
