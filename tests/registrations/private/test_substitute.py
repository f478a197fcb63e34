"""Substitutes: "send my place to a colleague". The colleague confirms their own address and the privacy
notice and takes over every seat as it stands; until then the original keeps everything."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse as django_reverse
from django.utils import timezone, translation

from registrations.models import EmailLog, Registration, Seat
from registrations.services.registration import registration_cancel, registration_expire_unconfirmed
from tests.factories import make_registration

pytestmark = pytest.mark.django_db

COLLEAGUE = {"first_name": "Ödön", "last_name": "Győrffy", "email": "odon@example.hu", "language": "hu"}


def reverse(name: str, *, token: str, language: str = "en") -> str:
    with translation.override(language):
        return django_reverse(name, kwargs={"token": token})


@pytest.fixture
def place(olomouc):
    """Jana holds the seminar and is second on the full bus's waiting list."""
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed", last_name="Sedí")
    make_registration(
        olomouc,
        parts=[olomouc.tour],
        seat_status="waitlisted",
        last_name="První",
        since=timezone.now() - datetime.timedelta(hours=2),
    )
    jana = make_registration(
        olomouc,
        parts=[olomouc.seminar],
        seat_status="confirmed",
        last_name="Nováková",
        email="jana@example.cz",
        organisation="Obec Lhota",
        country="CZ",
    )
    Seat.objects.create(
        registration=jana, part=olomouc.tour, status="waitlisted", since=timezone.now() - datetime.timedelta(hours=1)
    )
    make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted", last_name="Třetí")
    return jana


def offer(client, place, capture, **overrides):
    with capture(execute=True):
        return client.post(reverse("registrations:colleague", token=place.token), {**COLLEAGUE, **overrides})


def offer_link(message) -> str:
    return re.search(r"/registration/([^/\s]+)/confirm/", message.body).group(1)


def test_the_private_page_offers_to_send_the_place(client, place):
    html = client.get(reverse("registrations:manage", token=place.token)).content.decode()
    assert reverse("registrations:colleague", token=place.token) in html


def test_the_colleague_takes_over_every_seat_as_it_stands(client, place, olomouc, django_capture_on_commit_callbacks):
    seats_before = {seat.pk: (seat.part_id, seat.status, seat.since) for seat in place.seats.all()}
    response = offer(client, place, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    # The e-mail to the colleague, in the language chosen for them, names who offers the place.
    [message] = mail.outbox
    assert message.to == ["odon@example.hu"]
    assert "/hu/registration/" in message.body
    assert "Nováková Jana" in message.body  # in Hungarian order, for a Hungarian reader
    # Until the colleague accepts, nothing changes for Jana.
    assert Registration.objects.get(pk=place.pk).status == Registration.Status.ACTIVE
    assert set(place.seats.values_list("pk", flat=True)) == set(seats_before)
    token = offer_link(message)
    page = client.get(reverse("registrations:confirm", token=token, language="hu"))
    assert page.status_code == 200
    assert 'name="privacy"' in page.content.decode()
    # Without the privacy notice accepted, nothing happens.
    client.post(reverse("registrations:confirm", token=token, language="hu"), {})
    assert Registration.objects.filter(pk=place.pk).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("registrations:confirm", token=token, language="hu"), {"privacy": "on"})
    assert response.status_code == 302
    colleague = Registration.objects.get(email="odon@example.hu")
    assert colleague.status == Registration.Status.ACTIVE
    assert (colleague.organisation, colleague.country, colleague.language) == ("Obec Lhota", "CZ", "hu")
    assert colleague.privacy_language == "hu"
    assert colleague.privacy_version
    # The same seat rows: the seminar seat and the place in the bus's queue, no jump, no loss.
    assert {seat.pk: (seat.part_id, seat.status, seat.since) for seat in colleague.seats.all()} == seats_before
    queue = Seat.objects.filter(part=olomouc.tour, status="waitlisted").order_by("since", "pk")
    assert [seat.registration.last_name for seat in queue] == ["První", "Győrffy", "Třetí"]
    assert Seat.objects.filter(part=olomouc.tour, status="confirmed").count() == 1
    # Jana is gone and told; the colleague is told their place is confirmed, in Hungarian.
    assert not Registration.objects.filter(pk=place.pk).exists()
    kinds = {message.to[0]: message.subject for message in mail.outbox}
    assert set(kinds) == {"jana@example.cz", "odon@example.hu"}
    assert EmailLog.objects.filter(kind="substituted", recipient="").count() == 1


def test_accepting_twice_changes_nothing(client, place, django_capture_on_commit_callbacks):
    offer(client, place, django_capture_on_commit_callbacks)
    token = offer_link(mail.outbox[-1])
    url = reverse("registrations:confirm", token=token)
    client.post(url, {"privacy": "on"})
    response = client.post(url, {"privacy": "on"})
    assert response.status_code == 302
    assert Registration.objects.get(email="odon@example.hu").seats.count() == 2


def test_the_offer_expires_like_a_confirmation_link_and_the_place_stays(
    client, place, django_capture_on_commit_callbacks
):
    offer(client, place, django_capture_on_commit_callbacks)
    token = offer_link(mail.outbox[-1])
    Registration.objects.filter(email="odon@example.hu").update(confirm_expires_at=timezone.now())
    response = client.post(reverse("registrations:confirm", token=token), {"privacy": "on"})
    assert response.status_code == 410
    assert "This offer has expired" in response.content.decode()
    assert place.seats.count() == 2
    assert registration_expire_unconfirmed() == 1
    assert not Registration.objects.filter(email="odon@example.hu").exists()


def test_a_new_offer_replaces_the_earlier_one(client, place, django_capture_on_commit_callbacks):
    offer(client, place, django_capture_on_commit_callbacks)
    first = offer_link(mail.outbox[-1])
    offer(client, place, django_capture_on_commit_callbacks, email="other@example.sk", language="sk")
    assert not Registration.objects.filter(email="odon@example.hu").exists()
    assert client.post(reverse("registrations:confirm", token=first), {"privacy": "on"}).status_code == 404
    assert "other@example.sk" in client.get(reverse("registrations:manage", token=place.token)).content.decode()


def test_cancelling_withdraws_the_offer(client, place, django_capture_on_commit_callbacks):
    offer(client, place, django_capture_on_commit_callbacks)
    registration_cancel(registration=place, notify=False)
    assert not Registration.objects.filter(email="odon@example.hu").exists()


def test_an_offer_cannot_be_confirmed_as_a_plain_registration(client, place, django_capture_on_commit_callbacks):
    from registrations.exceptions import RegistrationError
    from registrations.services.registration import registration_confirm

    offer(client, place, django_capture_on_commit_callbacks)
    colleague = Registration.objects.get(email="odon@example.hu")
    with pytest.raises(RegistrationError):
        registration_confirm(registration=colleague)
    assert place.seats.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "jana@example.cz"}, "not your own"),
        ({"email": "taken@example.org"}, "already has a registration for this event"),
        ({"email": "nope"}, "Enter a valid e-mail address"),
        ({"first_name": "Ödön\r\nBcc: x@example.org"}, "on one line"),
        ({"language": "de"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_a_clear_message(client, place, olomouc, data, message, django_capture_on_commit_callbacks):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", email="taken@example.org")
    response = offer(client, place, django_capture_on_commit_callbacks, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert mail.outbox == []


def test_no_offer_once_the_event_has_begun(client, place, settings):
    settings.DEMO_DATE = datetime.date(2023, 6, 21)
    response = client.get(reverse("registrations:colleague", token=place.token))
    assert response.status_code == 302
    assert (
        reverse("registrations:colleague", token=place.token)
        not in client.get(reverse("registrations:manage", token=place.token)).content.decode()
    )
