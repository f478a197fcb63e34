"""The organisers' registration list: columns, filters, search, and actions that keep the public rules."""

import csv
import io

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from registrations.models import EmailLog, PortalAccessLog, Seat
from tests.factories import make_registration, make_registrations_in_bulk
from tests.registrations.staff_users import client_for

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:registrations_registration_changelist"


@pytest.fixture
def organiser(client):
    return client_for(client, "organiser")


def changelist(client, **params):
    return client.get(reverse(CHANGELIST), params)


def listed(response) -> list[str]:
    return [str(registration) for registration in response.context["cl"].result_list]


def act(client, action: str, registrations, capture):
    with capture(execute=True):
        response = client.post(
            reverse(CHANGELIST), {"action": action, "_selected_action": [r.pk for r in registrations]}
        )
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_list_shows_each_parts_seat_status_in_one_column(organiser, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name="Żółć")
    Seat.objects.create(registration=registration, part=olomouc.tour, status="waitlisted", since=timezone.now())
    page = changelist(organiser).content.decode()
    assert "Seminar and workshops: confirmed · Study tour: on the waiting list" in page
    assert "Żółć" in page


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"part": "tour"}, ["Anna Tour", "Jan Pending", "Petra Waiting"]),  # pending: chose it, no seat yet
        ({"part": "tour", "seat_status": "waitlisted"}, ["Petra Waiting"]),
        ({"seat_status": "confirmed"}, ["Anna Tour", "Ödön Seminar", "Petra Waiting"]),
        ({"checked_in": "yes"}, ["Ödön Seminar"]),
        ({"checked_in": "no"}, ["Anna Tour", "Jan Pending", "Petra Waiting"]),
        ({"country": "HU"}, ["Ödön Seminar"]),
        ({"language": "pl"}, ["Anna Tour"]),
        ({"q": "seminar@example"}, ["Ödön Seminar"]),
        ({"q": "Kraków"}, ["Anna Tour"]),
        ({"q": "Waiting"}, ["Petra Waiting"]),
    ],
)
def test_filters_and_search_find_the_right_registrations(organiser, olomouc, params, expected):
    seminar, tour = olomouc.seminar, olomouc.tour
    hungarian = make_registration(
        olomouc,
        parts=[seminar],
        seat_status="confirmed",
        first_name="Ödön",
        last_name="Seminar",
        country="HU",
        email="seminar@example.org",
    )
    Seat.objects.filter(registration=hungarian).update(checked_in_at=timezone.now())
    make_registration(
        olomouc,
        parts=[tour],
        seat_status="confirmed",
        first_name="Anna",
        last_name="Tour",
        organisation="Miasto Kraków",
        language="pl",
    )
    waiting = make_registration(
        olomouc, parts=[seminar], seat_status="confirmed", first_name="Petra", last_name="Waiting"
    )
    Seat.objects.create(registration=waiting, part=tour, status="waitlisted", since=timezone.now())
    make_registration(olomouc, parts=[tour], first_name="Jan", last_name="Pending")
    params = {key: (tour.pk if value == "tour" else value) for key, value in params.items()}
    assert sorted(listed(changelist(organiser, **params))) == sorted(expected)


def test_confirm_on_behalf_takes_seats_by_the_rules_and_sends_the_private_link(
    organiser, olomouc, django_capture_on_commit_callbacks
):
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    pending = make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour], language="sk")
    messages = act(organiser, "confirm_on_behalf", [pending], django_capture_on_commit_callbacks)
    assert messages == ["1 registration confirmed."]
    pending.refresh_from_db()
    assert pending.status == "active"
    assert {seat.part_id: seat.status for seat in pending.seats.all()} == {
        olomouc.seminar.pk: "confirmed",
        olomouc.tour.pk: "waitlisted",
    }
    (message,) = mail.outbox
    assert message.to == [pending.email]
    assert "/sk/registration/" in message.body  # a fresh private link, in Slovak
    assert "Študijná cesta" in message.body


def test_confirm_on_behalf_refuses_an_expired_registration(organiser, olomouc, django_capture_on_commit_callbacks):
    expired = make_registration(olomouc, parts=[olomouc.seminar], confirm_expires_at=timezone.now())
    token_hash = expired.token_hash
    messages = act(organiser, "confirm_on_behalf", [expired], django_capture_on_commit_callbacks)
    assert any("expired" in message for message in messages)
    expired.refresh_from_db()
    assert (expired.status, expired.token_hash, expired.seats.count()) == ("pending", token_hash, 0)
    assert mail.outbox == []


def test_moving_up_into_a_full_part_is_refused_and_changes_nothing(
    organiser, olomouc, django_capture_on_commit_callbacks
):
    tour = olomouc.tour
    tour.capacity = 1
    tour.save()
    make_registration(olomouc, parts=[tour], seat_status="confirmed")
    waiting = make_registration(olomouc, parts=[tour], seat_status="waitlisted", last_name="Čekalová")
    messages = act(organiser, "move_up", [waiting], django_capture_on_commit_callbacks)
    assert messages == [
        "Jana Čekalová: “Study tour” is full (capacity: 1): nobody can move up until a seat is free.",
        "0 seats confirmed from the waiting list.",
    ]
    assert Seat.objects.get(registration=waiting).status == "waitlisted"
    assert Seat.objects.filter(part=tour, status="confirmed").count() == 1
    assert mail.outbox == []


def test_moving_up_a_chosen_person_into_a_free_seat_tells_them(organiser, olomouc, django_capture_on_commit_callbacks):
    tour = olomouc.tour
    tour.capacity = 2
    tour.save()
    make_registration(olomouc, parts=[tour], seat_status="confirmed")
    make_registration(olomouc, parts=[tour], seat_status="waitlisted")  # first in the queue, not chosen
    chosen = make_registration(olomouc, parts=[tour], seat_status="waitlisted", language="hu")
    messages = act(organiser, "move_up", [chosen], django_capture_on_commit_callbacks)
    assert messages == ["1 seat confirmed from the waiting list."]
    assert Seat.objects.get(registration=chosen).status == "confirmed"
    (message,) = mail.outbox
    assert message.to == [chosen.email]
    assert "Tanulmányút" in message.body
    assert EmailLog.objects.get(registration=chosen).kind == "moved_up"


def test_cancelling_gives_the_seat_to_the_first_waiting(organiser, olomouc, django_capture_on_commit_callbacks):
    tour = olomouc.tour
    tour.capacity = 1
    tour.save()
    leaving = make_registration(olomouc, parts=[tour], seat_status="confirmed")
    first = make_registration(olomouc, parts=[tour], seat_status="waitlisted")
    second = make_registration(olomouc, parts=[tour], seat_status="waitlisted")
    Seat.objects.filter(registration=second).update(since=timezone.now() + timezone.timedelta(minutes=1))
    messages = act(organiser, "cancel_registrations", [leaving], django_capture_on_commit_callbacks)
    assert messages == ["1 registration cancelled."]
    assert Seat.objects.get(registration=first).status == "confirmed"
    assert Seat.objects.get(registration=second).status == "waitlisted"
    assert sorted(message.to[0] for message in mail.outbox) == sorted([leaving.email, first.email])


def test_resend_sends_the_last_email_again_in_the_registrants_language(
    organiser, olomouc, django_capture_on_commit_callbacks
):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="pl")
    EmailLog.objects.create(registration=registration, kind="confirm_address", language="pl")
    EmailLog.objects.create(registration=registration, kind="registration_confirmed", language="pl", error="SMTP")
    never_written_to = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    messages = act(organiser, "resend_last_email", [registration, never_written_to], django_capture_on_commit_callbacks)
    assert f"{never_written_to}: No e-mail has been sent to this registrant yet." in messages
    assert "1 e-mail sent again." in messages
    newest = EmailLog.objects.filter(registration=registration).first()
    assert (newest.kind, newest.language, newest.error) == ("registration_confirmed", "pl", "")
    assert EmailLog.objects.filter(registration=registration).count() == 3
    (message,) = mail.outbox
    assert "Seminarium i warsztaty" in message.body


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_export_action_writes_exactly_the_selected_rows_and_logs_it(organiser, olomouc):
    chosen = [
        make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name=name)
        for name in ("Hora", "Chalupa", "Cibulka")
    ]
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name="Nevybraná")
    organiser.defaults["HTTP_ACCEPT_LANGUAGE"] = "cs"
    response = organiser.post(
        reverse(CHANGELIST), {"action": "export_selected_csv", "_selected_action": [r.pk for r in chosen]}
    )
    _header, *rows = csv_rows(response)
    assert [row[0] for row in rows] == ["Cibulka", "Hora", "Chalupa"]  # Czech: "ch" after "h"
    log = PortalAccessLog.objects.get()
    assert (log.action, log.rows, log.event, log.detail["scope"]) == ("admin_export", 3, olomouc, "selected")


def test_export_buttons_write_every_filtered_row(organiser, olomouc):
    for country in ("HU", "HU", "SK"):
        make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", country=country)
    page = changelist(organiser, country="HU").content.decode()
    export_url = reverse("admin:registrations_registration_export", args=["xlsx"]) + "?country=HU"
    assert export_url in page
    response = organiser.get(export_url)
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 3  # the header and the two Hungarians
    assert PortalAccessLog.objects.get().detail["filters"] == {"country": "HU"}
    csv_response = organiser.get(reverse("admin:registrations_registration_export", args=["csv"]), {"country": "SK"})
    assert len(csv_rows(csv_response)) == 2


def make_many(event, parts, count: int) -> None:
    """`count` registrations with a seat on each part, written in bulk."""
    now = timezone.now()
    registrations = make_registrations_in_bulk(event, count, last_name="Nováková {n}")
    Seat.objects.bulk_create(
        Seat(registration=registration, part=part, status="confirmed", since=now)
        for registration in registrations
        for part in parts
    )


@pytest.mark.parametrize("count", [50, 2000])
def test_registration_list_stays_under_15_queries(organiser, olomouc, django_assert_max_num_queries, count):
    olomouc.seminar.capacity = None
    olomouc.seminar.save()
    make_many(olomouc, [olomouc.seminar, olomouc.tour], count)
    with django_assert_max_num_queries(14):
        response = changelist(organiser)
    assert response.status_code == 200
    assert response.context["cl"].result_count == count
    with django_assert_max_num_queries(14):
        changelist(organiser, part=olomouc.tour.pk, seat_status="confirmed", checked_in="no", q="Nováková")
