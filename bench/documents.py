"""Name badges for 500 people, timed per layout; the budget is 10 seconds for each (issue 18).

    .venv/bin/python -m bench.documents [--count 500] [--layout a4-4xa6]

No database and no server: 500 badges are made in memory from the demo people (registrations/demo.py, their
names in every alphabet of the project), each with a door QR code of its own, and rendered with
`registrations.printing.badges.badges_pdf` exactly as the admin will. Prints one line per layout: seconds,
this process's CPU seconds (sorting, the codes and the template; the side-by-side processes' WeasyPrint work is
not in it), pages, size and badges per second; exits 1 when a layout takes longer than the budget. Each
layout is timed once, after a warm-up render of a few badges (fonts and templates loaded, the fork server
started), as an organiser's second click would be.
"""

import argparse
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # `python bench/documents.py` as well as `python -m bench.documents`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BUDGET_SECONDS = 10.0
ROLES = ["", "", "", "", "", "", "", "speaker", "organiser", "press", "head_of_delegation"]


def people(count: int) -> list:
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    from registrations.demo import DEMO_PEOPLE, demo_person
    from registrations.printing.badges import Badge

    badges = []
    for number in range(count):
        person = demo_person(number % len(DEMO_PEOPLE))
        with translation.override(person["language"]):
            path = reverse("registrations:checkin_card", kwargs={"code": f"{number:032x}"})
        badges.append(
            Badge(
                first_name=person["first_name"],
                last_name=person["last_name"],
                language=person["language"],
                organisation=person["organisation"].removesuffix(" (demo)"),
                country=person["country"],
                role=ROLES[number % len(ROLES)],
                checkin_url=f"{settings.SITE_URL}{path}",
            )
        )
    return badges


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--layout", action="append", help="a key of LAYOUTS (repeatable); all by default")
    arguments = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from registrations.printing.badges import LAYOUTS, SIDE_BY_SIDE_AT_LEAST, badges_pdf

    badges = people(arguments.count)
    # Warm-up: fonts, templates, WeasyPrint's imports, and the fork server of the side-by-side processes.
    badges_pdf(badges[: SIDE_BY_SIDE_AT_LEAST * (os.cpu_count() or 1)], layout="l7163", language="cs")
    failed = False
    print(f"Name badges for {arguments.count} people (budget {BUDGET_SECONDS:.0f} s per layout):")
    for key in arguments.layout or LAYOUTS:
        started, cpu = time.perf_counter(), time.process_time()
        pdf = badges_pdf(badges, layout=key, language="cs", event_title="Mezinárodní seminář a studijní cesta")
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        pages = -(-len(badges) // LAYOUTS[key].per_page)
        verdict = "ok" if seconds <= BUDGET_SECONDS else "OVER BUDGET"
        failed |= seconds > BUDGET_SECONDS
        print(
            f"  {key:<8} {seconds:6.2f} s (CPU {cpu:5.2f} s)  {pages:4d} pages  {len(pdf) / 1e6:5.2f} MB  "
            f"{len(badges) / seconds:6.0f} badges/s  {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
