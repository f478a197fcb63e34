"""Organisers add a registration by hand and change someone's parts, under the public rules and locks."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from registrations.models import EmailLog, Registration, Seat
from tests.factories import make_registration
from tests.registrations.staff_users import client_for

pytestmark = pytest.mark.django_db

ADD = "admin:registrations_registration_add"


@pytest.fixture
def organiser(client):
    return client_for(client, "organiser")


def by_hand(event, **overrides) -> dict:
    data = {
        "first_name": "Ödön",
        "last_name": "Győrffy",
        "email": "odon@example.hu",
        "language": "hu",
        "organisation": "Pápa",
        "position": "polgármester",
        "country": "HU",
        "diet": "vegetarian",
        "diet_other": "",
        "parts": [event.seminar.pk],
    }
    data.update(overrides)
    return data


def test_organisers_add_a_registration_by_hand_and_the_person_consents_herself(
    organiser, olomouc, django_capture_on_commit_callbacks
):
    chooser = organiser.get(reverse(ADD))
    assert chooser.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(f"{reverse(ADD)}?event={olomouc.pk}", by_hand(olomouc))
    assert response.status_code == 302
    person = Registration.objects.get(email="odon@example.hu")
    assert (person.status, person.country, person.diet, person.language) == ("pending", "HU", "vegetarian", "hu")
    assert person.invited_by_organisers
    assert person.privacy_accepted_at is None
    [message] = mail.outbox
    assert "szervezők regisztrálták" in message.body
    link = re.search(r"http://[^\s]+/confirm/", message.body).group(0).removeprefix("http://testserver")
    organiser.logout()
    assert 'name="privacy"' in organiser.get(link).text


def test_adding_by_hand_keeps_the_public_rules(organiser, olomouc, django_capture_on_commit_callbacks):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", email="known@example.org")
    before = Registration.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        known = organiser.post(f"{reverse(ADD)}?event={olomouc.pk}", by_hand(olomouc, email="KNOWN@example.org"))
    assert known.status_code == 302  # the same answer as for a new address
    assert Registration.objects.count() == before
    assert [m.to for m in mail.outbox] == [["known@example.org"]]
    assert EmailLog.objects.filter(kind=EmailLog.Kind.LINK_AGAIN).count() == 1
    bad = organiser.post(f"{reverse(ADD)}?event={olomouc.pk}", by_hand(olomouc, email="x\r\n@y", phone="123"))
    assert bad.status_code == 200
    assert {"email", "phone"} <= set(bad.context["form"].errors)
    assert Registration.objects.count() == before


def test_an_editor_cannot_add_a_registration(client, olomouc):
    editor = client_for(client, "editor")
    assert editor.get(reverse(ADD)).status_code == 403


def test_organisers_change_parts_under_the_seat_rule_and_the_person_is_told_in_her_language(
    organiser, olomouc, django_capture_on_commit_callbacks
):
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed", email="first@example.org")
    person = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="pl")
    url = reverse("admin:registrations_registration_parts", args=[person.pk])
    assert url in organiser.get(reverse("admin:registrations_registration_change", args=[person.pk])).text
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(url, {"parts": [olomouc.tour.pk]})
    assert response.status_code == 302
    seats = {seat.part_id: seat.status for seat in person.seats.all()}
    # The bus is full: the tour is a place on its waiting list, never a seat beyond capacity.
    assert seats == {olomouc.seminar.pk: Seat.Status.CANCELLED, olomouc.tour.pk: Seat.Status.WAITLISTED}
    assert Seat.objects.filter(part=olomouc.tour, status=Seat.Status.CONFIRMED).count() == 1
    [message] = [m for m in mail.outbox if m.to == [person.email]]
    assert EmailLog.objects.get(registration=person, kind=EmailLog.Kind.CHANGED).language == "pl"
    assert message.subject


def test_parts_of_a_cancelled_registration_cannot_be_changed(organiser, olomouc):
    person = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    Registration.objects.filter(pk=person.pk).update(status="cancelled")
    url = reverse("admin:registrations_registration_parts", args=[person.pk])
    response = organiser.post(url, {"parts": [olomouc.tour.pk]}, follow=True)
    assert "cancelled" in response.text
    assert not person.seats.filter(part=olomouc.tour).exists()


def test_organisers_add_people_of_any_country_from_a_table(organiser, olomouc, django_capture_on_commit_callbacks):
    url = f"{reverse('admin:registrations_registration_import')}?event={olomouc.pk}"
    table = "Ödön;Győrffy;odon@example.hu;Pápa;polgármester;hu\nAnna;Kiss;anna@example.hu;Győr;;\n"
    preview = organiser.post(url, {"table": table, "country": "HU", "parts": [olomouc.seminar.pk], "preview": "1"})
    assert not preview.context["has_errors"]
    assert not Registration.objects.filter(email__endswith="@example.hu").exists()
    bad = organiser.post(url, {"table": table + "X;;bad;;;\n", "country": "HU", "parts": [olomouc.seminar.pk]})
    assert bad.context["has_errors"]
    with django_capture_on_commit_callbacks(execute=True):
        sent = organiser.post(
            url, {"table": preview.context["table_text"], "country": "HU", "parts": [olomouc.seminar.pk], "send": "1"}
        )
    assert sent.status_code == 302
    people = Registration.objects.filter(email__endswith="@example.hu")
    assert {(p.country, p.language, p.invited_by_organisers) for p in people} == {("HU", "hu", True)}
    assert len(mail.outbox) == 2


def test_staff_cannot_confirm_on_behalf_of_someone_who_has_not_consented(
    organiser, olomouc, django_capture_on_commit_callbacks
):
    organiser.post(f"{reverse(ADD)}?event={olomouc.pk}", by_hand(olomouc))
    person = Registration.objects.get(email="odon@example.hu")
    response = organiser.post(
        reverse("admin:registrations_registration_changelist"),
        {"action": "confirm_on_behalf", "_selected_action": [person.pk]},
        follow=True,
    )
    assert "Only the person can accept the privacy notice" in response.text
    person.refresh_from_db()
    assert person.status == "pending"
    assert not person.seats.exists()
