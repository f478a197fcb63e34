"""The waiting list in its order, with positions, and a seat given out of order with a reason."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from registrations.models import CountryReservation, EmailLog, Seat
from registrations.selectors import waitlist_position
from tests.factories import make_registration
from tests.registrations.private.test_private import url as private_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_client(client):
    user = get_user_model().objects.create_user("organiser", password="a-long-password-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Organisers"))
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def waiting_line(event, part, countries):
    """People waiting on `part` in this order (one minute apart)."""
    start = timezone.now() - datetime.timedelta(hours=1)
    return [
        make_registration(
            event,
            parts=[part],
            seat_status="waitlisted",
            since=start + datetime.timedelta(minutes=n),
            country=country,
            last_name=f"Waiting {n + 1}",
            language="hu" if n == 2 else "cs",
        )
        for n, country in enumerate(countries)
    ]


def fill(event, part, count, country="CZ"):
    for _ in range(count):
        make_registration(event, parts=[part], seat_status="confirmed", country=country)


def waitlist_url(part):
    return reverse("admin:registrations_part_waitlist", args=[part.pk])


def give_url(part, registration):
    seat = Seat.objects.get(registration=registration, part=part)
    return reverse("admin:registrations_part_give_seat", args=[part.pk, seat.pk])


def position(registration, part) -> int:
    return waitlist_position(Seat.objects.get(registration=registration, part=part))


def test_the_waiting_list_shows_each_persons_position_first_in_line_first(organiser_client, olomouc):
    tour = olomouc.tour
    fill(olomouc, tour, 2)
    tour.capacity = 2
    tour.save()
    first, second, third = waiting_line(olomouc, tour, ["SK", "PL", "HU"])
    response = organiser_client.get(waitlist_url(tour))
    assert response.status_code == 200
    rows = [(row["position"], row["seat"].registration) for row in response.context["rows"]]
    assert rows == [(1, first), (2, second), (3, third)]
    html = response.content.decode()
    assert html.index("Waiting 1") < html.index("Waiting 2") < html.index("Waiting 3")
    # The registration's page in the admin shows the position too, linked to the list.
    page = organiser_client.get(reverse("admin:registrations_registration_change", args=[second.pk])).content.decode()
    assert waitlist_url(tour) in page


def test_an_organiser_gives_a_seat_to_the_third_in_line_and_the_others_keep_their_order(
    organiser_client, olomouc, client, django_capture_on_commit_callbacks
):
    tour = olomouc.tour
    tour.capacity = 3
    tour.save()
    fill(olomouc, tour, 2)  # one seat free, as after a capacity raised without moving anyone up
    first, second, third = waiting_line(olomouc, tour, ["SK", "PL", "HU"])
    page = organiser_client.get(give_url(tour, third)).content.decode()
    assert "is number 3 on the waiting list" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(give_url(tour, third), {"reason": "Mayor of the host town, invited."})
    assert response.status_code == 302
    assert Seat.objects.get(registration=third, part=tour).status == "confirmed"
    assert (position(first, tour), position(second, tour)) == (1, 2)
    (message,) = mail.outbox
    assert message.to == [third.email]
    assert "Tanulmányút" in message.body  # in the person's language
    assert EmailLog.objects.get(registration=third).kind == EmailLog.Kind.MOVED_UP
    entry = LogEntry.objects.get(object_id=str(third.pk))
    assert "given out of order (position 3 on the waiting list)" in entry.get_change_message()
    assert "Mayor of the host town, invited." in entry.get_change_message()
    # The second in line sees her position on her private page, unchanged.
    assert "on the waiting list, position 2" in client.get(private_url("manage", second.token)).content.decode()


def test_the_reason_is_required(organiser_client, olomouc):
    tour = olomouc.tour
    tour.capacity = 1
    tour.save()
    (waiting,) = waiting_line(olomouc, tour, ["SK"])
    response = organiser_client.post(give_url(tour, waiting), {"reason": "   "})
    assert response.status_code == 200
    assert "Please give the reason for giving this seat out of order." in response.content.decode()
    assert Seat.objects.get(registration=waiting).status == "waitlisted"
    assert not LogEntry.objects.exists()


def test_a_full_part_takes_one_more_only_when_the_organiser_says_so(organiser_client, olomouc):
    tour = olomouc.tour
    tour.capacity = 2
    tour.save()
    fill(olomouc, tour, 2)
    first, second = waiting_line(olomouc, tour, ["SK", "PL"])
    page = organiser_client.get(give_url(tour, second)).content.decode()
    assert "The part is full." in page
    response = organiser_client.post(give_url(tour, second), {"reason": "Speaker"})
    assert "is full (capacity: 2)" in response.content.decode()
    assert Seat.objects.get(registration=second).status == "waitlisted"
    response = organiser_client.post(give_url(tour, second), {"reason": "Speaker", "over_capacity": "on"})
    assert response.status_code == 302
    assert Seat.objects.filter(part=tour, status="confirmed").count() == 3
    assert position(first, tour) == 1
    assert "Over the capacity of the part." in LogEntry.objects.get(object_id=str(second.pk)).get_change_message()


def test_a_seat_another_country_reserved_can_be_given_by_the_organiser(organiser_client, olomouc):
    tour = olomouc.tour
    tour.capacity = 2
    tour.save()
    CountryReservation.objects.create(part=tour, country="CZ", seats=1)
    fill(olomouc, tour, 1, country="SK")
    (slovak,) = waiting_line(olomouc, tour, ["SK"])
    assert "reserved for another country" in organiser_client.get(give_url(tour, slovak)).content.decode()
    organiser_client.post(give_url(tour, slovak), {"reason": "No Czech mayor needs it."})
    assert Seat.objects.get(registration=slovak).status == "confirmed"


def test_only_staff_who_may_change_registrations_give_seats(client, olomouc):
    tour = olomouc.tour
    (waiting,) = waiting_line(olomouc, tour, ["SK"])
    editor = get_user_model().objects.create_user("editor", password="a-long-password-123", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(waitlist_url(tour)).status_code == 403
    assert client.post(give_url(tour, waiting), {"reason": "x"}).status_code == 403
    assert Seat.objects.get(registration=waiting).status == "waitlisted"
