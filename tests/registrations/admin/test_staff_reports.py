"""The event overview's figures, the attendance sheet, and who may open the organisers' admin pages."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from registrations.admin.reports import event_overview
from registrations.models import PortalAccessLog, Seat
from tests.factories import make_part, make_registration
from tests.registrations.staff_users import ROLES, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(olomouc):
    """Four active registrations, one pending and one cancelled; the tour has two seats."""
    seminar, tour = olomouc.seminar, olomouc.tour
    tour.capacity = 2
    tour.save()
    both = [seminar, tour]
    make_registration(
        olomouc,
        parts=both,
        seat_status="confirmed",
        last_name="Dvořák",
        country="CZ",
        language="cs",
        diet="vegetarian",
        accessibility_needs="wheelchair",
    )
    make_registration(
        olomouc, parts=both, seat_status="confirmed", country="SK", language="sk", diet="other", diet_other="no pork"
    )
    waiting = make_registration(
        olomouc, parts=[seminar], seat_status="confirmed", country="PL", language="pl", diet="other"
    )
    waiting.diet_other = "nut allergy"
    waiting.save()
    Seat.objects.create(registration=waiting, part=tour, status="waitlisted", since=timezone.now())
    make_registration(
        olomouc,
        parts=[seminar],
        seat_status="confirmed",
        last_name="Győrffy",
        country="HU",
        language="en",
        accessibility_needs="hearing loop",
    )
    make_registration(olomouc, parts=both, country="CZ")  # pending: holds nothing yet
    cancelled = make_registration(olomouc, parts=both, seat_status="cancelled", country="HU", diet="vegan")
    cancelled.status = "cancelled"
    cancelled.save()
    return olomouc


def test_overview_counts_seats_countries_languages_diets_and_needs(known, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):  # the tenth: registrations per day, for the chart
        overview = event_overview(known)
    seminar, tour = overview["parts"]
    assert (seminar.confirmed_count, seminar.waitlisted_count, seminar.seats_left) == (4, 0, 116)
    assert (tour.confirmed_count, tour.waitlisted_count, tour.seats_left) == (2, 1, 0)
    assert overview["registration_counts"] == {"active": 4, "with_seat": 4}
    assert overview["pending"] == 1
    assert {row["code"]: row["count"] for row in overview["countries"]} == {"CZ": 1, "SK": 1, "PL": 1, "HU": 1}
    assert {row["code"]: row["count"] for row in overview["languages"]} == {"cs": 1, "sk": 1, "pl": 1, "en": 1}
    assert {row["code"]: row["count"] for row in seminar.diet_rows} == {"none": 1, "vegetarian": 1, "other": 2}
    assert seminar.diet_other_texts == ["no pork", "nut allergy"]
    assert {row["code"]: row["count"] for row in tour.diet_rows} == {"vegetarian": 1, "other": 1}
    assert tour.diet_other_texts == ["no pork"]
    # Per part, only confirmed seats: the Polish participant waits for the tour, so is not coming on it.
    assert {row["code"]: row["count"] for row in tour.country_rows} == {"CZ": 1, "SK": 1}
    assert {row["code"]: row["count"] for row in seminar.language_rows} == {"cs": 1, "sk": 1, "pl": 1, "en": 1}
    assert [row["text"] for row in seminar.diet_other_people] == ["no pork", "nut allergy"]
    assert all(row["name"] and row["pk"] for row in seminar.diet_other_people)
    assert [(seat.registration.last_name, seat.part_id) for seat in overview["needs"]] == [
        ("Dvořák", seminar.pk),
        ("Győrffy", seminar.pk),
        ("Dvořák", tour.pk),
    ]


def test_overview_page_shows_the_figures_and_no_limit(client, known):
    make_part(known, capacity=None, name_en="Evening reception")
    page = client_for(client, "organiser").get(reverse("admin:registrations_registration_overview", args=[known.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    tour_row = re.search(r"<th scope=\"row\">Study tour</th>(.*?)</tr>", html, re.S).group(1)
    # The waiting list's number links to the list in its order.
    assert re.findall(r'class="number">(?:<a href="[^"]+">)?([^<]+)<', tour_row) == ["2", "2", "1", "0"]
    assert "no limit" in html
    assert "nut allergy" in html
    assert "hearing loop" in html


def sheet_names(client, part, language: str) -> list[str]:
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    page = client.get(reverse("admin:registrations_registration_attendance", args=[part.pk]))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    return re.findall(r'<td class="attendance__number">\d+</td>\s*<td>([^<]+)</td>', page.content.decode())


@pytest.mark.parametrize(
    ("language", "surnames", "expected"),
    [
        ("cs", ["Hora", "Chalupa", "Čech", "Cibulka"], ["Jana Cibulka", "Jana Čech", "Jana Hora", "Jana Chalupa"]),
        ("pl", ["Mazur", "Łukasz", "Lukas"], ["Jana Lukas", "Jana Łukasz", "Jana Mazur"]),
        ("hu", ["Győrffy", "Cseh", "Czene"], ["Czene Jana", "Cseh Jana", "Győrffy Jana"]),
    ],
)
def test_attendance_sheet_lists_the_confirmed_by_surname_in_the_readers_language(
    client, olomouc, language, surnames, expected
):
    for surname in surnames:
        make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name=surname)
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="waitlisted", last_name="Čekající")
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed", last_name="Jiný den")
    assert sheet_names(client_for(client, "organiser"), olomouc.seminar, language) == expected
    log = PortalAccessLog.objects.get()
    assert (log.action, log.rows, log.event, log.detail["part"]) == (
        "attendance_sheet",
        len(expected),
        olomouc,
        olomouc.seminar.pk,
    )


def test_attendance_sheet_has_the_event_day_and_an_empty_signature_column(client, olomouc):
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed", organisation="Gmina Ustka", country="PL")
    page = client_for(client, "organiser").get(
        reverse("admin:registrations_registration_attendance", args=[olomouc.tour.pk])
    )
    html = page.content.decode()
    assert "Closing seminar (en)" in html
    assert "Study tour" in html
    assert "22 June 2023" in html or "June 22, 2023" in html
    assert "Gmina Ustka" in html
    assert "Poland" in html
    assert '<td class="attendance__signature"></td>' in html
    assert "attendance.css" in html
    assert "style=" not in html.split("<body")[1]  # the CSP allows no inline styles


# Each page, and what an organiser must find on it (the event's rows).
ADMIN_PAGES = [
    ("admin:registrations_registration_overview_index", [], "Closing seminar (en)"),
    ("admin:registrations_registration_overview", ["event"], "Seminar and workshops"),
    ("admin:registrations_registration_attendance", ["part"], "Jana Viditelná"),
    ("admin:registrations_registration_export", ["csv"], "Viditelná"),
    ("admin:registrations_registration_export", ["xlsx"], "Viditelná"),
    ("admin:registrations_registration_changelist", [], "Viditelná"),
]


def page_text(response) -> str:
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        return " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode("utf-8-sig")


EXPECTED = {"anonymous": 302, "partner": 302, "editor": 403, "organiser": 200}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "args", "expected_text"), ADMIN_PAGES)
def test_only_organisers_open_the_admin_reports_and_exports(client, olomouc, role, name, args, expected_text):
    """Anonymous and partner users (not staff) are sent to the admin login; an editor is refused (403);
    an organiser gets the page with the event's rows."""
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name="Viditelná")
    values = {"event": olomouc.pk, "part": olomouc.seminar.pk}
    url = reverse(name, args=[values.get(arg, arg) for arg in args])
    response = client_for(client, role).get(url)
    assert response.status_code == EXPECTED[role]
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("admin:login") + "?next=")
    if role == "organiser":
        assert expected_text in page_text(response)
    if role != "organiser":
        assert not PortalAccessLog.objects.exists()


def test_the_overview_does_not_count_someone_only_on_a_waiting_list_as_coming(known):
    only_waiting = make_registration(known, parts=[known.tour], seat_status="waitlisted", country="PL", language="pl")
    overview = event_overview(known)
    assert {row["code"]: row["count"] for row in overview["countries"]}["PL"] == 1
    assert only_waiting.seats.get().status == "waitlisted"
