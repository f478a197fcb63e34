"""The overview's charts count what is known: registrations per day since opening, seats per part (per country
where reserved), countries, interpretation per language and day, diets and accessibility needs; in the reader's
language, with the numbers beside each drawing, and in a few queries whatever the number of registrations."""

import datetime
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event
from registrations.admin.reports import event_overview
from registrations.models import CountryReservation, Registration, Seat
from tests.factories import make_registration
from tests.registrations.staff_users import client_for

pytestmark = pytest.mark.django_db
PRAGUE = datetime.timezone(datetime.timedelta(hours=2))


def made_on(registration, day: datetime.date) -> None:
    moment = datetime.datetime.combine(day, datetime.time(10), tzinfo=PRAGUE)
    Registration.objects.filter(pk=registration.pk).update(created=moment)


@pytest.fixture
def known(olomouc):
    """Four coming (one waiting for the tour), one pending, one cancelled; the tour has two seats."""
    Event.objects.filter(pk=olomouc.pk).update(
        registration_opens=datetime.datetime(2023, 5, 1, 9, tzinfo=PRAGUE),
    )
    olomouc.refresh_from_db()
    seminar, tour = olomouc.seminar, olomouc.tour
    tour.capacity = 2
    tour.save()
    both = [seminar, tour]
    czech = make_registration(
        olomouc,
        parts=both,
        seat_status="confirmed",
        country="CZ",
        interpretation_language="cs",
        diet="vegetarian",
        accessibility_needs="wheelchair",
    )
    slovak = make_registration(olomouc, parts=both, seat_status="confirmed", country="SK", interpretation_language="sk")
    polish = make_registration(
        olomouc, parts=[seminar], seat_status="confirmed", country="PL", interpretation_language="en", diet="vegan"
    )
    Seat.objects.create(registration=polish, part=tour, status="waitlisted", since=timezone.now())
    make_registration(  # made today, by the real clock: after the last day shown, so counted on it
        olomouc, parts=[seminar], seat_status="confirmed", country="HU", accessibility_needs="hearing loop"
    )
    make_registration(olomouc, parts=both, country="CZ", interpretation_language="cs")  # pending
    cancelled = make_registration(
        olomouc, parts=both, seat_status="cancelled", country="HU", interpretation_language="hu"
    )
    Registration.objects.filter(pk=cancelled.pk).update(status="cancelled")
    made_on(czech, datetime.date(2023, 4, 30))  # before the opening (staff's test): counted on its first day
    made_on(slovak, datetime.date(2023, 5, 3))
    made_on(polish, datetime.date(2023, 5, 3))
    return olomouc


def test_registrations_per_day_count_up_from_the_opening_to_today(known):
    with translation.override("en"):
        chart = event_overview(known)["charts"]["registrations"]
    rows = chart.table.rows
    assert len(rows) == 32  # 1 May to 1 June 2023, the site's today
    assert rows[0] == ("1 May", [1, 1])
    assert rows[1] == ("2 May", [0, 1])
    assert rows[2] == ("3 May", [2, 3])
    assert rows[-1] == ("1 June", [1, 4])  # the active registrations: neither the pending nor the cancelled
    assert chart.description == "4 registrations in total from 1 May 2023 to 1 June 2023."


def test_seats_per_part_and_per_country_where_reserved(known):
    CountryReservation.objects.create(part=known.tour, country="CZ", seats=1)
    with translation.override("en"):
        charts = event_overview(known)["charts"]
    seminar_capacity = known.seminar.capacity
    assert charts["seats"].table.headings == ["Part of the programme", "Capacity", "Confirmed", "Free", "Waiting list"]
    assert charts["seats"].table.rows == [
        ("Seminar and workshops", [seminar_capacity, 4, seminar_capacity - 4, 0]),
        ("Study tour", [2, 2, 0, 1]),
    ]
    by_country = charts["seats_by_country"]
    assert by_country.title == "Confirmed seats per country where seats are reserved"
    assert by_country.table.headings == [
        "Part of the programme",
        "Capacity",
        "Confirmed",
        "Czechia",
        "Slovakia",
        "Free",
        "Waiting list",
    ]
    assert by_country.table.rows == [("Study tour", [2, 2, 1, 1, 0, 1])]


def test_no_chart_per_country_without_reservations(known):
    assert event_overview(known)["charts"]["seats_by_country"] is None


def test_countries_interpretation_diets_and_needs_count_the_confirmed(known):
    with translation.override("en"):
        overview = event_overview(known)
    charts = overview["charts"]
    assert charts["countries"].table.rows == [("Czechia", [1]), ("Hungary", [1]), ("Poland", [1]), ("Slovakia", [1])]
    interpretation = charts["interpretation"]
    assert interpretation.table.headings == ["Part of the programme", "čeština", "slovenčina", "English", "In total"]
    # Per day, confirmed seats only: the Polish participant waits for the tour; the Hungarian chose nothing.
    assert interpretation.table.rows == [
        ("Seminar and workshops (21 June 2023)", [1, 1, 1, 3]),
        ("Study tour (22 June 2023)", [1, 1, 0, 2]),
    ]
    seminar, tour = overview["parts"]
    assert (seminar.interpretation_unchosen, tour.interpretation_unchosen) == (1, 0)
    assert seminar.diet_chart.table.rows == [("No special requirements", [2]), ("Vegan", [1]), ("Vegetarian", [1])]
    assert tour.diet_chart.table.rows == [("No special requirements", [1]), ("Vegetarian", [1])]
    assert seminar.diet_chart.title == "“Seminar and workshops”: dietary requirements"
    assert charts["needs"].table.rows == [
        ("Seminar and workshops (21 June 2023)", [2]),
        ("Study tour (22 June 2023)", [1]),
    ]


def test_the_overview_page_draws_the_charts_in_the_admins_language_without_javascript(client, known):
    organiser = client_for(client, "organiser")
    with translation.override("cs"):
        url = reverse("admin:registrations_registration_overview", args=[known.pk])
    html = organiser.get(url, HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    for chart_id in ("chart-seats", "chart-registrations-over-time", "chart-countries", "chart-interpretation"):
        assert f'<figure class="chart" id="{chart_id}">' in html
    assert html.count('role="img"') >= 7  # and one diet chart per part, and the needs
    assert "Tlumočení: účastníci podle jazyka" in html
    assert '<th scope="col">čeština</th>' in html
    assert "„Seminář a workshopy“: 1 potvrzený účastník si nevybral jazyk tlumočení." in html
    assert "css/charts.css" in html
    assert "<script" not in html[html.index('<div id="content-main"') :]


def test_the_print_stylesheet_keeps_each_chart_whole_with_its_table():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/charts.css")).read_text(encoding="utf-8")
    printed = css[css.index("@media print") :]
    assert ".chart { display: block; break-inside: avoid;" in printed
    assert "print-color-adjust: exact" in printed


def overview_queries(event) -> int:
    with CaptureQueriesContext(connection) as queries:
        event_overview(event)
    return len(queries)


def test_the_overviews_queries_do_not_grow_with_the_registrations(known, django_assert_max_num_queries):
    CountryReservation.objects.create(part=known.tour, country="CZ", seats=1)
    few = overview_queries(known)
    for n in range(30):
        make_registration(
            known,
            parts=[known.seminar, known.tour],
            seat_status="confirmed",
            country=["CZ", "SK", "PL", "HU"][n % 4],
            interpretation_language=["cs", "sk", "pl", "hu", "en", ""][n % 6],
            diet=["none", "vegan", "other"][n % 3],
            diet_other="no nuts",
            accessibility_needs="ramp" if n % 5 == 0 else "",
        )
    assert overview_queries(known) == few
    with django_assert_max_num_queries(12):  # ten, and two for the seats reserved per country
        event_overview(known)
