"""Check-in at the door: who may use it, marking and undoing per day, counts, and the QR card."""

import datetime
import re

import pytest
from django.urls import reverse as django_reverse
from django.utils import timezone, translation

from registrations.models import PortalAccessLog, Seat
from tests.factories import make_registration
from tests.registrations.staff_users import ROLES, client_for
from v4project import clock

pytestmark = pytest.mark.django_db


def reverse(name: str, *args, **kwargs) -> str:
    """URLs in English, so the tests read the messages as written in the code."""
    with translation.override("en"):
        return django_reverse(name, *args, **kwargs)


@pytest.fixture
def day(olomouc):
    """Three confirmed for the seminar (one already arrived), one waiting, one for the tour only."""
    seminar = olomouc.seminar
    for name in ("Hora", "Chalupa", "Čech"):
        make_registration(olomouc, parts=[seminar], seat_status="confirmed", last_name=name)
    Seat.objects.filter(registration__last_name="Hora").update(checked_in_at=timezone.now())
    make_registration(olomouc, parts=[seminar], seat_status="waitlisted", last_name="Čekající")
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed", last_name="Autobusová")
    return olomouc


def names(response) -> list[str]:
    return re.findall(r'<span class="checkin__name">([^<]+)</span>', response.content.decode())


def counts(response) -> str:
    return re.search(r'id="checkin-counts"[^>]*>([^<]+)<', response.content.decode()).group(1)


@pytest.fixture
def organiser(client):
    return client_for(client, "organiser")


def seat_of(surname: str) -> Seat:
    return Seat.objects.get(registration__last_name=surname, part__order=1)


CHECKIN_URLS = ["checkin", "checkin_day"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", CHECKIN_URLS)
def test_only_organisers_open_the_checkin(client, day, role, name):
    """Anonymous: to the login page and back; a partner or an editor: 403; an organiser: that day's list."""
    url = reverse(f"registrations:{name}", kwargs={"part_id": day.seminar.pk} if name == "checkin_day" else {})
    response = client_for(client, role).get(f"{url}?q=")
    assert "no-store" in response["Cache-Control"]
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('accounts:sign_in')}?next={url}%3Fq%3D"
    elif role in {"partner", "editor"}:
        assert response.status_code == 403
        assert "Hora" not in response.content.decode()
    else:
        assert response.status_code == 200
        assert names(response) == ["Jana Čech", "Jana Chalupa", "Jana Hora"]


@pytest.mark.parametrize("role", ROLES)
def test_only_organisers_mark_arrivals(client, day, role):
    seat = seat_of("Čech")
    response = client_for(client, role).post(reverse("registrations:checkin_mark", args=[seat.pk]), {"arrived": "1"})
    seat.refresh_from_db()
    assert (seat.checked_in_at is not None) == (role == "organiser")
    assert response.status_code == {"anonymous": 302, "partner": 403, "editor": 403, "organiser": 302}[role]


def test_default_day_is_todays_part(organiser, day):
    day.tour.date = clock.today()
    day.tour.save()
    response = organiser.get(reverse("registrations:checkin"))
    assert names(response) == ["Jana Autobusová"]


def test_default_day_after_the_event_is_the_first(organiser, day, settings):
    settings.DEMO_DATE = datetime.date(2023, 7, 1)
    assert day.seminar.date < clock.today()
    assert names(organiser.get(reverse("registrations:checkin"))) == ["Jana Čech", "Jana Chalupa", "Jana Hora"]


def test_the_list_is_sorted_by_surname_in_the_readers_language(organiser, day):
    with translation.override("cs"):
        czech = django_reverse("registrations:checkin")
    assert names(organiser.get(czech)) == ["Jana Čech", "Jana Hora", "Jana Chalupa"]  # Czech: "ch" after "h"


def test_search_without_javascript_filters_by_name_or_organisation(organiser, day):
    url = reverse("registrations:checkin_day", args=[day.seminar.pk])
    assert names(organiser.get(url, {"q": "chal"})) == ["Jana Chalupa"]
    assert names(organiser.get(url, {"q": "jana čech"})) == ["Jana Čech"]
    assert names(organiser.get(url, {"q": "CECH"})) == ["Jana Čech"]  # no diacritics, any case
    assert names(organiser.get(url, {"q": "Obec Testov"})) == ["Jana Čech", "Jana Chalupa", "Jana Hora"]
    assert "Nobody of that name" in organiser.get(url, {"q": "nikdo"}).content.decode()


def test_arrived_and_undo_change_the_count_and_are_logged(organiser, day):
    url = reverse("registrations:checkin_day", args=[day.seminar.pk])
    assert counts(organiser.get(url)) == "Arrived 1 of 3 expected"
    seat = seat_of("Čech")
    mark = reverse("registrations:checkin_mark", args=[seat.pk])
    response = organiser.post(mark, {"arrived": "1", "next": f"{url}?q=cech"})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?q=cech"
    assert counts(organiser.get(url)) == "Arrived 2 of 3 expected"
    first_arrival = Seat.objects.get(pk=seat.pk).checked_in_at
    organiser.post(mark, {"arrived": "1"})  # a double tap keeps the first time
    assert Seat.objects.get(pk=seat.pk).checked_in_at == first_arrival
    organiser.post(mark, {"arrived": "0"})
    assert Seat.objects.get(pk=seat.pk).checked_in_at is None
    assert counts(organiser.get(url)) == "Arrived 1 of 3 expected"
    logs = PortalAccessLog.objects.filter(action="checkin").order_by("pk")
    assert [(log.detail["seat"], log.detail["arrived"], log.event_id) for log in logs] == [
        (seat.pk, True, day.pk),
        (seat.pk, True, day.pk),
        (seat.pk, False, day.pk),
    ]
    assert Seat.objects.get(registration__last_name="Čech").part == day.seminar  # the tour is another day


def test_marking_answers_json_for_the_script(organiser, day):
    seat = seat_of("Chalupa")
    response = organiser.post(
        reverse("registrations:checkin_mark", args=[seat.pk]), {"arrived": "1"}, HTTP_ACCEPT="application/json"
    )
    data = response.json()
    assert data["arrived"] is True
    assert data["counts"] == "Arrived 2 of 3 expected"
    assert data["arrival"].startswith("arrived at ")


def test_a_waitlisted_seat_cannot_be_checked_in(organiser, day):
    seat = seat_of("Čekající")
    response = organiser.post(
        reverse("registrations:checkin_mark", args=[seat.pk]), {"arrived": "1"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 409
    assert Seat.objects.get(pk=seat.pk).checked_in_at is None
    assert not PortalAccessLog.objects.exists()


def test_marking_never_redirects_off_the_site(organiser, day):
    seat = seat_of("Čech")
    response = organiser.post(
        reverse("registrations:checkin_mark", args=[seat.pk]), {"arrived": "1", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("registrations:checkin_day", args=[day.seminar.pk])


def test_checkin_page_uses_no_inline_script_or_style(organiser, day):
    html = organiser.get(reverse("registrations:checkin")).content.decode()
    assert "checkin.js" in html
    assert "checkin.css" in html
    assert "style=" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []


# The QR card -----------------------------------------------------------------------------------------------


def test_qr_card_shows_the_person_and_checks_in_for_an_organiser(organiser, olomouc):
    registration = make_registration(
        olomouc,
        parts=[olomouc.seminar, olomouc.tour],
        seat_status="confirmed",
        first_name="Ödön",
        last_name="Győrffy",
        organisation="Szentendre",
        country="HU",
    )
    url = reverse("registrations:checkin_card", args=[registration.checkin_code])
    page = organiser.get(url)
    html = page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert "Ödön Győrffy" in html
    assert "Szentendre" in html
    assert "Hungary" in html
    assert html.count('class="checkin__mark"') == 2  # one Arrived button per confirmed day
    seat = registration.seats.get(part=olomouc.tour)
    # The browser posts the card's form with the site's own origin, as from any page of the site.
    organiser.post(
        reverse("registrations:checkin_mark", args=[seat.pk]),
        {"arrived": "1", "next": url},
        HTTP_ORIGIN="http://testserver",
    )
    assert registration.seats.get(part=olomouc.tour).checked_in_at is not None
    assert registration.seats.get(part=olomouc.seminar).checked_in_at is None


@pytest.mark.parametrize("role", ["anonymous", "partner", "editor"])
def test_qr_card_shows_nothing_personal_to_anyone_else_and_the_same_for_any_code(client, olomouc, role):
    registration = make_registration(
        olomouc, parts=[olomouc.seminar], seat_status="confirmed", first_name="Ödön", last_name="Győrffy"
    )
    visitor = client_for(client, role)
    valid = visitor.get(reverse("registrations:checkin_card", args=[registration.checkin_code]))
    invalid = visitor.get(reverse("registrations:checkin_card", args=["no-such-code"]))
    assert valid.status_code == invalid.status_code == 200
    # The same page: only the page's own address (in the language links) differs.
    assert valid.content.decode().replace(registration.checkin_code, "CODE") == invalid.content.decode().replace(
        "no-such-code", "CODE"
    )
    assert "Győrffy" not in valid.content.decode()
    assert "Show this code at the registration desk." in valid.content.decode()


def test_qr_card_tells_an_organiser_an_unknown_code(organiser, olomouc):
    html = organiser.get(reverse("registrations:checkin_card", args=["no-such-code"])).content.decode()
    assert "Unknown code or cancelled registration." in html


def test_checkin_days_list_every_part(organiser, olomouc):
    olomouc.tour.date = datetime.date(2023, 6, 22)
    olomouc.tour.save()
    html = organiser.get(reverse("registrations:checkin")).content.decode()
    assert reverse("registrations:checkin_day", args=[olomouc.tour.pk]) in html
    assert 'aria-current="page"' in html
