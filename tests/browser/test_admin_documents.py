"""The organisers' newer admin pages in Chromium (part of the quality suite): the name badges page, the report
for the funder, the attendance entered by hand, a registration added by hand or from a table, someone's
parts changed, a place handed to a colleague: axe in five languages, on a phone and a screen; and badges
are printed with the keyboard alone."""

import datetime

import pytest
from django.utils import timezone

from registrations.models import ReportedAttendance, Seat
from tests.browser.checks import check_page
from tests.browser.test_admin_messages import sign_in
from tests.browser.test_keyboard import tab_to
from tests.browser.test_quality import LANGUAGES, STAFF_PASSWORD
from tests.factories import in_all_languages, make_coming_event, make_event, make_part, make_registration
from tests.registrations.staff_users import make_user

# The real clock: the demo date's banner is the house's own (and wider than a phone in the admin).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def world():
    event = make_coming_event(slug="olomouc-2023", **in_all_languages("title", "Seminar"))
    part = make_part(event, capacity=10)
    for n, (language, country) in enumerate((("cs", "CZ"), ("hu", "HU"), ("pl", "PL"))):
        registration = make_registration(
            event, parts=[part], seat_status="confirmed", language=language, country=country, first_name="Ödön"
        )
        if n:
            Seat.objects.filter(registration=registration).update(checked_in_at=timezone.now())
    workshop = make_event(slug="workshop-zilina", country="SK", start_date=datetime.date(2022, 10, 6))
    ReportedAttendance.objects.create(
        event=workshop, date=workshop.start_date, country="SK", participants=30, source="signed sheets"
    )
    organiser = make_user("organiser")
    organiser.set_password(STAFF_PASSWORD)
    organiser.save()
    return event, organiser


def first_registration(event):
    return event.registrations.order_by("pk").first()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_organisers_newer_pages_pass_axe_and_the_phone_checks(live_server, new_page, lang, width):
    event, organiser = world()
    login = sign_in(new_page, live_server, organiser, lang=lang, width=width)
    problems = []
    for path in [
        f"registrations/registration/overview/{event.pk}/",
        f"registrations/registration/badges/{event.pk}/",
        "registrations/registration/funder-report/",
        "registrations/reportedattendance/",
        "registrations/reportedattendance/add/",
        "registrations/registration/add/",
        f"registrations/registration/add/?event={event.pk}",
        "registrations/registration/import/",
        f"registrations/registration/{first_registration(event).pk}/parts/",
        f"registrations/registration/{first_registration(event).pk}/substitute/",
    ]:
        # As for the other admin pages: axe, errors, requests and no sideways scrolling; Django's admin
        # chrome is not built to the public pages' 24 px tap targets.
        found = check_page(login, f"{live_server.url}/admin/{path}", width=width)
        problems += [problem for problem in found if "tap target" not in problem]
    assert problems == [], "\n".join(problems)


def test_badges_are_printed_with_the_keyboard_alone(live_server, new_page):
    event, organiser = world()
    page = sign_in(new_page, live_server, organiser, lang="hu", width=1280)
    page.goto(f"{live_server.url}/admin/registrations/registration/badges/{event.pk}/")
    tab_to(page, "#id_layout")
    page.keyboard.press("ArrowDown")  # another layout, chosen from the keyboard
    tab_to(page, "input[type=submit]")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".pdf")
