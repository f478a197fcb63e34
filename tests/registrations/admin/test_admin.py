"""The admin keeps the rules: a larger capacity moves people up, cancelling tells them, e-mails resend."""

import pytest
from django.core import mail
from django.urls import reverse

from registrations.models import EmailLog, Registration, Seat
from tests.factories import make_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("organiser", "org@example.cz", "organiser-password")
    client.force_login(user)
    return client


def part_form(part, **overrides) -> dict:
    data = {"event": part.event.pk, "date": part.date.isoformat(), "capacity": part.capacity, "order": part.order}
    for code in ("cs", "sk", "pl", "hu", "en"):
        data[f"name_{code}"] = getattr(part, f"name_{code}")
        data[f"description_{code}"] = ""
    # The seats reserved per country, edited on the same page: none.
    data.update({"reservations-TOTAL_FORMS": 0, "reservations-INITIAL_FORMS": 0})
    data.update(overrides)
    return data


def test_capacity_increase_in_the_admin_moves_the_first_waiting_up(
    staff_client, olomouc, django_capture_on_commit_callbacks
):
    tour = olomouc.tour
    tour.capacity = 1
    tour.save()
    make_registration(olomouc, parts=[tour], seat_status="confirmed")
    first = make_registration(olomouc, parts=[tour], seat_status="waitlisted", language="hu")
    second = make_registration(olomouc, parts=[tour], seat_status="waitlisted")
    url = reverse("admin:registrations_part_change", args=[tour.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, part_form(tour, capacity=2))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Seat.objects.get(registration=first).status == "confirmed"
    assert Seat.objects.get(registration=second).status == "waitlisted"
    (message,) = mail.outbox
    assert message.to == [first.email]
    assert "Tanulmányút" in message.body


def test_admin_lists_and_searches_registrations(staff_client, olomouc):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name="Żółć")
    response = staff_client.get(reverse("admin:registrations_registration_changelist"), {"q": "Żółć"})
    assert response.status_code == 200
    assert "Żółć" in response.content.decode()
    registration = Registration.objects.get()
    page = staff_client.get(reverse("admin:registrations_registration_change", args=[registration.pk]))
    assert page.status_code == 200


def test_admin_cancel_action_uses_the_rules(staff_client, olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    url = reverse("admin:registrations_registration_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url, {"action": "cancel_registrations", "_selected_action": [registration.pk]})
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert EmailLog.objects.get().kind == "cancelled"


def test_admin_resends_a_failed_email_in_the_registrants_language(
    staff_client, olomouc, django_capture_on_commit_callbacks
):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="pl")
    log = EmailLog.objects.create(
        registration=registration, kind="registration_confirmed", language="pl", error="SMTP down"
    )
    url = reverse("admin:registrations_emaillog_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url, {"action": "resend", "_selected_action": [log.pk]})
    (message,) = mail.outbox
    assert "Seminarium i warsztaty" in message.body
    assert "/pl/registration/" in message.body
    assert EmailLog.objects.filter(sent_at__isnull=False).count() == 1
