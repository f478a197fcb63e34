"""An organiser checks people in at the door on a 360 px phone, in Czech."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from registrations.models import PortalAccessLog, Seat
from tests.factories import in_all_languages, make_open_event, make_part, make_registration

# The site's clock before the Olomouc seminar (v4project/clock.py), as in `make run`: registration is open.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_the_seminar"),
]

PASSWORD = "organiser-password-2023"


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_organiser_finds_a_name_taps_arrived_and_sees_the_count(live_server, pages, new_page):
    event = make_open_event(slug="olomouc-door", **in_all_languages("title", "Závěrečný seminář"))
    seminar = make_part(event, date=timezone.localdate(), capacity=120, name_cs="Seminář a workshopy")
    make_part(event, date=timezone.localdate() + datetime.timedelta(days=1), name_cs="Studijní cesta")
    people = [("Łukasz", "Żółć", "Gmina Wieliczka"), ("Ödön", "Győrffy", "Szentendre"), ("Jana", "Šťastná", "Litovel")]
    for first, last, organisation in people:
        make_registration(
            event, parts=[seminar], seat_status="confirmed", first_name=first, last_name=last, organisation=organisation
        )
    organiser = get_user_model().objects.create_user("organiser", "organiser@example.org", PASSWORD, is_staff=True)
    organiser.groups.add(Group.objects.get(name="Organisers"))

    page = new_page(locale="cs", width=360)
    page.goto(f"{live_server.url}/cs/checkin/")
    page.wait_for_url(re.compile(r".*/cs/account/sign-in/\?next=/cs/checkin/$"))
    page.fill("#id_username", "organiser")
    page.fill("#id_password", PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(r".*/cs/checkin/$"))
    assert no_horizontal_scroll(page)
    counts = page.locator("#checkin-counts")
    expect(counts).to_have_text(re.compile(r"\b0\b.*\b3\b"))

    page.locator("#checkin-q").press_sequentially("zolc", delay=30)  # no diacritics typed: finds Żółć
    visible = page.locator(".checkin__row:visible .checkin__name")
    expect(visible).to_have_text(["Łukasz Żółć"])

    button = page.locator(".checkin__row:visible .checkin__button")
    box = button.bounding_box()
    assert box["height"] >= 44
    assert box["width"] >= 44
    button.click()
    expect(counts).to_have_text(re.compile(r"\b1\b.*\b3\b"))
    assert Seat.objects.get(registration__last_name="Żółć").checked_in_at is not None
    assert PortalAccessLog.objects.filter(action="checkin").count() == 1
    assert page.url.endswith("/cs/checkin/")  # no reload
    # Ready for the next person: the search is cleared and the whole day is listed again.
    expect(page.locator("#checkin-q")).to_have_value("")
    expect(page.locator(".checkin__row:visible")).to_have_count(3)
    assert no_horizontal_scroll(page)

    button = page.locator(".checkin__row", has_text="Żółć").locator(".checkin__button")
    button.click()  # now "Undo"
    expect(counts).to_have_text(re.compile(r"\b0\b.*\b3\b"))
    assert Seat.objects.get(registration__last_name="Żółć").checked_in_at is None
    assert no_horizontal_scroll(page)
