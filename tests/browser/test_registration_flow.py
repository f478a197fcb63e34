"""A Slovak mayor registers on a phone, confirms from the e-mail, lands on the waiting list for the full
bus, then cancels, and the first person waiting for the seminar moves up."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.translation import pgettext

from registrations.models import Registration, Seat
from registrations.services import registration as services
from tests.factories import in_all_languages, make_open_event, make_part, make_registration

# The site's clock before the Olomouc seminar (v4project/clock.py), as in `make run`: registration is open.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_the_seminar"),
]


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_slovak_registrant_confirms_waits_for_the_bus_and_cancels(live_server, pages, new_page):
    event = make_open_event(slug="olomouc-flow", **in_all_languages("title", "Záverečný seminár"))
    seminar = make_part(
        event, date=datetime.date(2023, 6, 21), capacity=3, name_sk="Seminár a workshopy", name_cs="Seminář"
    )
    tour = make_part(event, date=datetime.date(2023, 6, 22), capacity=2, name_sk="Študijná cesta", name_cs="Cesta")
    for _ in range(2):  # the bus is full; the seminar has one seat left
        make_registration(event, parts=[seminar, tour], seat_status="confirmed")

    page = new_page(locale="sk", width=360)
    page.goto(f"{live_server.url}/sk/events/{event.slug}/register/")
    assert page.locator("html").get_attribute("lang") == "sk"
    assert no_horizontal_scroll(page)
    page.fill("#id_first_name", "Lucia")
    page.fill("#id_last_name", "Šťastná")
    page.fill("#id_email", "lucia.stastna@obec-example.sk")
    page.fill("#id_phone", "+421 905 123 456")
    page.fill("#id_organisation", "Obec Veľká Lúka")
    page.fill("#id_position", "starostka")
    page.check(f"input[name=parts][value='{seminar.pk}']")
    page.check(f"input[name=parts][value='{tour.pk}']")
    page.check("#id_privacy")
    page.locator("form input[type=submit]").click()
    page.wait_for_url(re.compile(r".*/sk/events/olomouc-flow/register/check-your-email/$"))
    assert no_horizontal_scroll(page)

    (confirmation,) = mail.outbox
    assert confirmation.to == ["lucia.stastna@obec-example.sk"]
    link = re.search(re.escape(settings.SITE_URL) + r"(/sk/registration/[\w-]+/confirm/)", confirmation.body)
    page.goto(live_server.url + link.group(1))
    assert Registration.objects.get(last_name="Šťastná").status == "pending"  # opening the link is not enough
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/sk/registration/[\w-]+/$"))

    registration = Registration.objects.get(last_name="Šťastná")
    assert registration.language == "sk"
    statuses = {seat.part_id: seat.status for seat in registration.seats.all()}
    assert statuses == {seminar.pk: "confirmed", tour.pk: "waitlisted"}
    parts = page.locator("#parts-heading + ul > li")
    with translation.override("sk"):
        confirmed_label = pgettext("status of a part", "confirmed")
    assert "Seminár a workshopy" in parts.nth(0).inner_text()
    assert confirmed_label in parts.nth(0).locator(".badge").inner_text()
    assert "Študijná cesta" in parts.nth(1).inner_text()
    assert parts.nth(1).locator(".badge.text-bg-warning").count() == 1  # on the waiting list
    assert page.locator("img[src$='/qr.svg']").count() == 1
    assert no_horizontal_scroll(page)

    # Someone confirms after her: no seminar seat left, so they wait.
    waiting = make_registration(event, parts=[seminar], language="hu")
    services.registration_confirm(registration=waiting)
    assert Seat.objects.get(registration=waiting).status == "waitlisted"

    page.locator("main a[href$='/cancel/']").click()
    page.wait_for_url(re.compile(r".*/cancel/$"))
    assert no_horizontal_scroll(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/sk/registration/[\w-]+/$"))

    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert Seat.objects.get(registration=waiting).status == "confirmed"
    moved_up = [message for message in mail.outbox if message.to == [waiting.email]]
    assert len(moved_up) == 2  # waitlisted, then moved up
    assert seminar.name_hu in moved_up[-1].body  # in the language of the person moved up
    assert "2023. június 21." in moved_up[-1].body
