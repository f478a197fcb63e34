"""The report for the funder: who took part per event, day and country, hosting and travelling, with the
figures organisers enter by hand for the workshops; the downloads; counts that outlive the names."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from events.models import Event
from registrations.admin.funder import funder_report
from registrations.models import ReportedAttendance, Seat
from registrations.services import privacy
from registrations.services import staff as staff_services
from tests.factories import make_event, make_registration
from tests.registrations.admin.test_staff_reports import EXPECTED, page_text
from tests.registrations.staff_users import ROLES, client_for, make_user

pytestmark = pytest.mark.django_db


def check_in(registration, *parts) -> None:
    Seat.objects.filter(registration=registration, part__in=parts).update(checked_in_at=timezone.now())


@pytest.fixture
def attended(olomouc):
    """Olomouc (hosted in Czechia): two Czechs and a Pole on the seminar day, one of the Czechs and a
    Hungarian on the tour; others registered but never came, or are not confirmed."""
    Event.objects.filter(pk=olomouc.pk).update(country="CZ")
    olomouc.refresh_from_db()
    both = [olomouc.seminar, olomouc.tour]
    came_twice = make_registration(olomouc, parts=both, seat_status="confirmed", country="CZ", last_name="Dvořák")
    check_in(came_twice, *both)
    czech = make_registration(olomouc, parts=both, seat_status="confirmed", country="CZ", last_name="Šťastný")
    check_in(czech, olomouc.seminar)
    pole = make_registration(
        olomouc, parts=both, seat_status="confirmed", country="PL", first_name="Łukasz", last_name="Żółć"
    )
    check_in(pole, olomouc.seminar)
    hungarian = make_registration(
        olomouc,
        parts=both,
        seat_status="confirmed",
        country="HU",
        first_name="Ödön",
        last_name="Győrffy",
        language="hu",
    )
    check_in(hungarian, olomouc.tour)
    make_registration(olomouc, parts=both, seat_status="confirmed", country="SK")  # never came
    make_registration(olomouc, parts=both, country="SK")  # never confirmed
    return olomouc


def test_checkins_count_per_day_and_country_and_each_person_once_per_event(attended):
    report = funder_report()
    (event,) = report["events"]
    seminar, tour = event.days
    assert seminar.date == datetime.date(2023, 6, 21)
    assert (seminar.figures.countries["CZ"], seminar.figures.countries["PL"], seminar.figures.total) == (2, 1, 3)
    assert (seminar.figures.hosting, seminar.figures.travelling) == (2, 1)
    assert (tour.figures.countries["CZ"], tour.figures.countries["HU"], tour.figures.total) == (1, 1, 2)
    # Dvořák came on both days: one participant, two participant-days.
    assert (event.people.total, event.people.hosting, event.people.travelling) == (4, 2, 2)
    assert event.person_days.total == 5
    assert event.people.countries["SK"] == 0  # registered, confirmed, never came


def test_a_walk_in_counts_like_anyone_checked_in(attended):
    organiser = make_user("organiser")
    staff_services.walk_in_add(
        part=attended.tour,
        data={"first_name": "Zoltán", "last_name": "Kovács", "organisation": "Győr", "country": "HU", "email": ""},
        user=organiser,
    )
    (event,) = funder_report()["events"]
    assert event.days[1].figures.countries["HU"] == 2
    assert event.people.total == 5


def test_figures_entered_by_hand_count_for_a_workshop_and_in_the_project_totals(attended):
    workshop = make_event(slug="workshop-zilina", country="SK", start_date=datetime.date(2022, 10, 6))
    for country, count in (("SK", 30), ("CZ", 8), ("HU", 5)):
        ReportedAttendance.objects.create(
            event=workshop, date=workshop.start_date, country=country, participants=count, source="signed sheets, ZMOS"
        )
    report = funder_report()
    by_event = {row.event.pk: row for row in report["events"]}
    (day,) = by_event[workshop.pk].days
    assert day.by_hand
    assert day.sources == ["signed sheets, ZMOS"]
    assert (day.figures.hosting, day.figures.travelling) == (30, 13)
    assert report["total_people"].total == 4 + 43
    assert report["total_people"].countries["SK"] == 30
    assert report["total_days"].total == 5 + 43


def test_the_page_shows_the_tables_and_the_counts_outlive_anonymisation(client, attended):
    url = reverse("admin:registrations_registration_funder_report")
    organiser = client_for(client, "organiser")
    html = organiser.get(url).content.decode()
    assert "Report for the funder" in html
    assert "From the hosting country" in html
    assert "Travelled from abroad" in html
    assert reverse("admin:registrations_registration_funder_participants", args=[attended.pk, "csv"]) in html

    privacy.event_anonymise(event=attended)
    html = organiser.get(url).content.decode()
    assert "the counts remain, the names are gone" in html
    assert reverse("admin:registrations_registration_funder_participants", args=[attended.pk, "csv"]) not in html
    assert funder_report()["events"][0].people.total == 4


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_list_of_participants_has_who_came_and_on_which_days(client, attended, file_format):
    url = reverse("admin:registrations_registration_funder_participants", args=[attended.pk, file_format])
    text = page_text(client_for(client, "organiser").get(url))
    assert "Dvořák" in text
    assert "Żółć" in text
    assert "Győrffy" in text
    assert "21/06/2023, 22/06/2023" in text  # the days Dvořák came
    assert "Slovakia" not in text  # the Slovaks never came


def test_the_attendance_sheets_of_every_day_come_as_one_pdf(client, attended):
    url = reverse("admin:registrations_registration_funder_attendance", args=[attended.pk])
    response = client_for(client, "organiser").get(url)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Żółć" in text
    assert "Šťastný" in text
    assert "Seminar and workshops" in text or "Study tour" in text


def test_a_download_in_another_format_is_not_found(client, attended):
    url = reverse("admin:registrations_registration_funder_participants", args=[attended.pk, "pdf"])
    assert client_for(client, "organiser").get(url).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_only_organisers_see_the_report(client, attended, role):
    response = client_for(client, role).get(reverse("admin:registrations_registration_funder_report"))
    assert response.status_code == EXPECTED[role]
