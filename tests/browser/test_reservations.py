"""Seats reserved per country and the waiting list, in Chromium: the event page, the form and the portal
with free seats per country, and the organisers' waiting list and "give a seat" pages; axe, the phone and
the keyboard, in five languages."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from events.models import Event
from registrations.models import CountryReservation, Seat
from tests.browser.checks import audit, check_page, url_of, watch
from tests.browser.test_quality import LANGUAGES, STAFF_PASSWORD, seed_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_the_seminar"),
]


def reserve_the_bus() -> tuple[Event, Seat]:
    """The demo's full bus, with seats reserved for the four countries; a seat on its waiting list."""
    event = Event.objects.get(slug="olomouc-2023")
    tour = event.parts.order_by("order").last()
    for country, seats in {"CZ": 5, "SK": 5, "PL": 5, "HU": 5}.items():
        CountryReservation.objects.create(part=tour, country=country, seats=seats)
    return event, Seat.objects.filter(part=tour, status="waitlisted").order_by("since", "pk").last()


def sign_in(new_page, live_server, lang: str, width: int, username: str, next_path: str):
    page = new_page(locale=lang, width=width)
    page.goto(url_of(live_server, lang, f"account/sign-in/?next={next_path}"))
    page.fill("#id_username", username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    return page


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_free_seats_per_country_pass_axe_and_the_phone_checks(live_server, new_page, lang, width, monkeypatch):
    seed_demo(monkeypatch)
    event, _seat = reserve_the_bus()
    problems = []
    page = new_page(locale=lang, width=width)
    for path in (f"events/{event.slug}/", f"events/{event.slug}/register/"):
        problems += check_page(page, url_of(live_server, lang, path), width=width)
        assert page.locator("text=/: .* 0/").count() >= 1  # the line of free seats per country is there
    page.close()
    portal = sign_in(new_page, live_server, lang, width, "partner-hu", f"/{lang}/portal/")
    problems += check_page(portal, url_of(live_server, lang, f"portal/events/{event.slug}/"), width=width)
    assert portal.locator("table[id^=country-seats-]").count() == 1
    assert problems == [], "\n".join(problems)


def check_admin_page(page, url: str) -> list[str]:
    """Django's admin is not built for the phone checks (its own header and sidebar links are small): axe,
    the console and the requests only."""
    problems = watch(page, url)
    assert page.goto(url).status == 200, url
    problems += [problem for problem in audit(page, width=1280) if problem.startswith("axe ")]
    return [f"{url}: {problem}" for problem in problems]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_waiting_list_and_giving_a_seat_pass_axe_by_keyboard(live_server, new_page, lang, monkeypatch):
    width = 1280
    seed_demo(monkeypatch)
    _event, seat = reserve_the_bus()
    page = sign_in(new_page, live_server, lang, width, "organiser", "/admin/")
    tab = page.context.new_page()
    waitlist = f"{live_server.url}/admin/registrations/part/{seat.part_id}/waitlist/"
    problems = check_admin_page(tab, waitlist)
    give = f"{live_server.url}/admin/registrations/part/{seat.part_id}/waitlist/{seat.pk}/give/"
    assert tab.locator(f"a[href$='/waitlist/{seat.pk}/give/']").count() == 1
    problems += check_admin_page(tab, give)
    # By keyboard: the reason, the "over capacity" box (the bus is full), then the button.
    tab.locator("#id_reason").focus()
    tab.keyboard.type("Speaker of the seminar")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Space")
    assert tab.locator("#id_over_capacity").is_checked()
    tab.locator("input[type=submit]").focus()
    tab.keyboard.press("Enter")
    tab.wait_for_url(waitlist)
    problems += [f"after giving: {problem}" for problem in check_admin_page(tab, waitlist)]
    assert Seat.objects.get(pk=seat.pk).status == "confirmed"
    assert problems == [], "\n".join(problems)


def test_the_new_pages_are_valid_html(tmp_path, monkeypatch):
    import json
    import subprocess
    from pathlib import Path

    from tests.browser.checks import VNU

    seed_demo(monkeypatch)
    event, seat = reserve_the_bus()
    organiser = Client()
    organiser.force_login(get_user_model().objects.get(username="organiser"))
    files = []
    for lang in LANGUAGES:
        paths = [f"/{lang}/events/{event.slug}/", f"/{lang}/events/{event.slug}/register/"]
        paths += [f"/{lang}/portal/events/{event.slug}/"]
        paths += [f"/admin/registrations/part/{seat.part_id}/waitlist/"]
        paths += [f"/admin/registrations/part/{seat.part_id}/waitlist/{seat.pk}/give/"]
        paths += [f"/admin/registrations/registration/overview/{event.pk}/"]
        for n, path in enumerate(paths):
            response = organiser.get(path, HTTP_ACCEPT_LANGUAGE=lang)
            assert response.status_code == 200, path
            file = tmp_path / f"{lang}-{n}.html"
            file.write_bytes(response.content)
            files.append(str(file))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files], capture_output=True, text=True
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == [], "\n".join(errors)
