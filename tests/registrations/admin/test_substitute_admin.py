"""Staff send a registration's place to a colleague from the admin: the same offer as the private page's."""

import re

import pytest
from django.core import mail

from registrations.models import Registration
from tests.factories import make_registration
from tests.registrations.staff_users import client_for

pytestmark = pytest.mark.django_db


def test_an_organiser_offers_the_place_and_the_colleague_takes_it_over(
    client, olomouc, django_capture_on_commit_callbacks
):
    jana = make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour], seat_status="confirmed", language="sk")
    organiser = client_for(client, "organiser")
    change = organiser.get(f"/admin/registrations/registration/{jana.pk}/change/").content.decode()
    url = f"/admin/registrations/registration/{jana.pk}/substitute/"
    assert url in change
    form = organiser.get(url).content.decode()
    assert '<option value="sk" selected>' in form  # the registrant's language by default
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(
            url, {"first_name": "Peter", "last_name": "Zástupca", "email": "peter@example.sk", "language": "sk"}
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["peter@example.sk"]
    token = re.search(r"/registration/([^/\s]+)/confirm/", message.body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/sk/registration/{token}/confirm/", {"privacy": "on"})
    peter = Registration.objects.get(email="peter@example.sk")
    assert peter.seats.filter(status="confirmed").count() == 2
    assert not Registration.objects.filter(pk=jana.pk).exists()


@pytest.mark.parametrize("role", ["editor", "partner"])
def test_only_those_who_change_registrations_offer_a_place(client, olomouc, role):
    jana = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    response = client_for(client, role).post(
        f"/admin/registrations/registration/{jana.pk}/substitute/",
        {"first_name": "Peter", "last_name": "Z", "email": "peter@example.sk", "language": "sk"},
    )
    assert response.status_code in {302, 403}
    assert not Registration.objects.filter(email="peter@example.sk").exists()


def test_a_bad_address_is_a_message_in_the_admin(client, olomouc):
    jana = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    response = client_for(client, "organiser").post(
        f"/admin/registrations/registration/{jana.pk}/substitute/",
        {"first_name": "Peter", "last_name": "Z", "email": jana.email, "language": "sk"},
    )
    assert response.status_code == 200
    assert "not your own" in response.content.decode()
