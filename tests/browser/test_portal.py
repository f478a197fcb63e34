"""A Hungarian partner signs in to the portal in Hungarian on a phone, sees the Hungarian delegation in
full and the others in summary, and exports that view."""

import csv
import datetime
import json
import re
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from registrations.models import PartnerMembership
from tests.browser.checks import VNU, check_page
from tests.factories import in_all_languages, make_open_event, make_part, make_partner, make_registration

# The site's clock before the Olomouc seminar (v4project/clock.py), as in `make run`: registration is open.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_the_seminar"),
]

PASSWORD = "tőzsdei-jelszó-2023"


@pytest.fixture
def olomouc():
    make_partner(country="CZ")
    event = make_open_event(slug="olomouc-portal", **in_all_languages("title", "Záróesemény"))
    seminar = make_part(event, date=datetime.date(2023, 6, 21), name_hu="Szeminárium és workshopok")
    tour = make_part(event, date=datetime.date(2023, 6, 22), name_hu="Tanulmányút")
    both = {"parts": [seminar, tour], "seat_status": "confirmed"}
    make_registration(
        event,
        **both,
        first_name="Ödön",
        last_name="Győrffy",
        email="gyorffy@pecs.example.hu",
        phone="+36 30 123 4567",
        position="polgármester",
        organisation="Pécs",
        country="HU",
        diet="vegetarian",
        accessibility_needs="kerekesszék",
        consent_sharing=False,
    )
    make_registration(
        event,
        **both,
        first_name="Lucia",
        last_name="Šťastná",
        email="lucia@luka.example.sk",
        phone="+421 905 123 456",
        organisation="Obec Veľká Lúka",
        country="SK",
        consent_sharing=True,
    )
    make_registration(
        event, **both, first_name="Łukasz", last_name="Mazur", email="mazur@example.pl", country="PL"
    )  # did not consent to sharing: not shown to another country's association
    user = get_user_model().objects.create_user("partner-hu", password=PASSWORD)
    PartnerMembership.objects.create(user=user, partner=make_partner(country="HU"))
    return event


def test_hungarian_partner_sees_own_delegation_in_full_and_exports_it(live_server, new_page, olomouc, tmp_path):
    page = new_page(locale="hu", width=360)
    page.goto(f"{live_server.url}/hu/portal/")
    page.wait_for_url(re.compile(r".*/hu/account/sign-in/\?next=/hu/portal/$"))
    assert page.locator("html").get_attribute("lang") == "hu"
    page.fill("#id_username", "partner-hu")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/hu/portal/")

    page.get_by_role("link", name="Záróesemény (hu)", exact=True).click()
    page.wait_for_url(f"{live_server.url}/hu/portal/events/olomouc-portal/")
    table = page.locator(".portal-list table")
    hungarian = table.locator("tr", has_text="Győrffy Ödön")  # family name first for a Hungarian reader
    for detail in ("gyorffy@pecs.example.hu", "+36 30 123 4567", "polgármester", "kerekesszék", "Tanulmányút"):
        assert detail in hungarian.inner_text()
    slovak = table.locator("tr", has_text="Šťastná Lucia")
    assert "Obec Veľká Lúka" in slovak.inner_text()
    text = table.inner_text()
    assert "lucia@luka.example.sk" not in text
    assert "+421" not in text
    assert "Mazur" not in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # the table scrolls in its own box

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exportálás (CSV)", exact=True).click()
    download = download_info.value
    # The event and the day of the export in the name (registrations/exports.py).
    assert download.suggested_filename == f"olomouc-portal-participants-{timezone.localdate().isoformat()}.csv"
    path = tmp_path / "export.csv"
    download.save_as(path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Győrffy", "Šťastná"}
    assert "gyorffy@pecs.example.hu" in by_name["Győrffy"]
    assert "'+36 30 123 4567" in by_name["Győrffy"]  # a leading "+" is neutralised: never a formula
    assert "lucia@luka.example.sk" not in by_name["Šťastná"]
    assert "Obec Veľká Lúka" in by_name["Šťastná"]


@pytest.mark.parametrize("width", [360, 1280])
def test_portal_pages_pass_axe_and_the_phone_checks(live_server, new_page, olomouc, width):
    login_page = new_page(locale="hu", width=width)
    problems = check_page(login_page, f"{live_server.url}/hu/account/sign-in/", width=width)
    login_page.fill("#id_username", "partner-hu")
    login_page.fill("#id_password", PASSWORD)
    login_page.locator("main form button[type=submit]").click()
    login_page.wait_for_url(f"{live_server.url}/hu/portal/")
    # On in the signed-in tab: check_page blames each problem on the page it was on.
    for path in ("/hu/portal/", "/hu/portal/events/olomouc-portal/", "/hu/portal/events/olomouc-portal/?part=x"):
        problems += check_page(login_page, live_server.url + path, width=width)
    assert problems == []


def test_portal_pages_are_valid_html(client, olomouc, tmp_path):
    editor = get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)
    pages = {"login": client.get("/hu/account/sign-in/?next=/hu/portal/")}
    client.force_login(editor)
    pages["forbidden"] = client.get("/hu/portal/")
    client.force_login(get_user_model().objects.get(username="partner-hu"))
    pages["home"] = client.get("/hu/portal/")
    pages["list"] = client.get("/hu/portal/events/olomouc-portal/?part=x&q=%C3%B6d%C3%B6n")
    files = []
    for name, response in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages] == []
