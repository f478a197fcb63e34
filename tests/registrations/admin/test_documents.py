"""Name badges and certificates from the admin: who is printed, in which order and layout, what "not
printed yet" leaves out, and who may print."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from registrations.models import Registration, Seat
from registrations.services import staff as staff_services
from tests.factories import make_registration
from tests.registrations.admin.test_staff_reports import EXPECTED
from tests.registrations.printing.pdfs import pages_text, text
from tests.registrations.staff_users import ROLES, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(olomouc):
    """Three confirmed on the seminar (one also on the tour), one waiting for the tour only, one pending."""
    seminar, tour = olomouc.seminar, olomouc.tour
    make_registration(
        olomouc, parts=[seminar, tour], seat_status="confirmed", first_name="Łukasz", last_name="Żółć", country="PL"
    )
    make_registration(
        olomouc,
        parts=[seminar],
        seat_status="confirmed",
        first_name="Ödön",
        last_name="Győrffy",
        country="HU",
        language="hu",
        role="speaker",
    )
    make_registration(
        olomouc, parts=[seminar], seat_status="confirmed", first_name="Ľudovít", last_name="Šťastný", country="SK"
    )
    make_registration(olomouc, parts=[tour], seat_status="waitlisted", last_name="Čekající")
    make_registration(olomouc, parts=[seminar], last_name="Nepotvrzená")
    return olomouc


def post_badges(client, event, **choices):
    data = {"layout": "a6", "order": "surname", "role": "any", **choices}
    return client.post(reverse("admin:registrations_registration_badges", args=[event.pk]), data)


def test_badges_of_everyone_confirmed_by_surname_one_per_a6_page(client, people):
    organiser = client_for(client, "organiser")
    page = organiser.get(reverse("admin:registrations_registration_badges", args=[people.pk])).content.decode()
    assert "3 people with a confirmed seat, 3 of them without a printed badge." in page
    response = post_badges(organiser, people)
    assert response["Content-Type"] == "application/pdf"
    pages = pages_text(response.content)
    assert len(pages) == 3
    # Győrffy, Šťastný, Żółć: by surname; the Hungarian's family name first, his role on his badge.
    assert "Győrffy Ödön" in pages[0]
    assert "SPEAKER" in pages[0]  # set in capitals
    assert "Ľudovít Šťastný" in pages[1]
    assert "Łukasz Żółć" in pages[2]
    assert "Čekající" not in text(response.content)
    assert "Nepotvrzená" not in text(response.content)


def test_not_printed_yet_leaves_out_the_badges_already_printed_and_a_part_narrows_the_list(client, people):
    organiser = client_for(client, "organiser")
    post_badges(organiser, people, part=people.tour.pk)  # Żółć alone holds a confirmed seat on the tour
    assert list(Registration.objects.exclude(badge_printed_at=None).values_list("last_name", flat=True)) == ["Żółć"]
    response = post_badges(organiser, people, not_printed="on", layout="a4-8xa7")
    printed = text(response.content)
    assert "Győrffy" in printed
    assert "Šťastný" in printed
    assert "Żółć" not in printed
    assert len(pages_text(response.content)) == 1  # 8 badges on an A4 page


def test_only_those_with_a_role_and_nothing_to_print_is_said_on_the_page(client, people):
    organiser = client_for(client, "organiser")
    assert "Győrffy" in text(post_badges(organiser, people, role="with-role").content)
    response = post_badges(organiser, people, role="press")
    assert response.status_code == 200
    assert "there is no badge to print" in response.content.decode()


def test_badges_and_certificates_of_the_selected_from_the_list(client, people):
    organiser = client_for(client, "organiser")
    url = reverse("admin:registrations_registration_changelist")
    chosen = Registration.objects.filter(last_name__in=["Żółć", "Šťastný"])
    response = organiser.post(url, {"action": "print_badges", "_selected_action": [r.pk for r in chosen]})
    assert response["Content-Type"] == "application/pdf"
    assert "Żółć" in text(response.content)

    # A certificate only for who was checked in, in their own language.
    Seat.objects.filter(registration__last_name="Żółć").update(checked_in_at=timezone.now())
    response = organiser.post(url, {"action": "issue_certificates", "_selected_action": [r.pk for r in chosen]})
    certificate = text(response.content)
    assert "Łukasz Żółć" in certificate
    assert "Šťastný" not in certificate
    none = organiser.post(
        url, {"action": "issue_certificates", "_selected_action": [chosen.get(last_name="Šťastný").pk]}, follow=True
    )
    assert "there is no certificate to issue" in none.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_only_organisers_print_badges(client, people, role):
    response = client_for(client, role).get(reverse("admin:registrations_registration_badges", args=[people.pk]))
    assert response.status_code == EXPECTED[role]


def test_a_walk_ins_badge_from_the_check_in_card(client, people):
    organiser_client = client_for(client, "organiser")
    organiser = get_user_model().objects.get(username="organiser-hu")
    walk_in = staff_services.walk_in_add(
        part=people.seminar,
        data={"first_name": "Zoltán", "last_name": "Kovács", "organisation": "Győr", "country": "HU", "email": ""},
        user=organiser,
        over_capacity=False,
    )
    card = organiser_client.get(reverse("registrations:checkin_card", args=[walk_in.checkin_code])).content.decode()
    badge_url = reverse("admin:registrations_registration_badge", args=[walk_in.pk])
    assert badge_url in card
    response = organiser_client.get(badge_url)
    assert response["Content-Type"] == "application/pdf"
    assert "Kovács Zoltán" in text(response.content)  # a Hungarian name, family name first
    walk_in.refresh_from_db()
    assert walk_in.badge_printed_at is not None
