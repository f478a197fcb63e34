"""The language a registrant follows during the seminar: chosen on the form (the page's language to start
with), changed on the private page, and part of everything recorded about them."""

import pytest
from django.urls import reverse
from django.utils import translation

from registrations.models import Registration
from tests.factories import make_registration
from tests.registrations.conftest import form_data

pytestmark = pytest.mark.django_db


def register_url(event, language):
    with translation.override(language):
        return reverse("registrations:register", kwargs={"slug": event.slug})


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("cs", "Jazyk tlumočení"),
        ("sk", "Jazyk tlmočenia"),
        ("pl", "Język tłumaczenia"),
        ("hu", "Tolmácsolás nyelve"),
        ("en", "Language of interpretation"),
    ],
)
def test_the_form_asks_for_the_language_of_interpretation_starting_on_the_pages(client, olomouc, language, label):
    response = client.get(register_url(olomouc, language))
    form = response.context["form"]
    assert form["interpretation_language"].value() == language
    html = response.content.decode()
    assert label in html
    assert f'<option value="{language}" selected>' in html


def test_the_chosen_language_is_stored_and_can_be_changed_on_the_private_page(client, olomouc):
    assert client.post(register_url(olomouc, "pl"), form_data(olomouc, interpretation_language="hu")).status_code == 302
    assert Registration.objects.get().interpretation_language == "hu"

    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="en")
    with translation.override("en"):
        url = reverse("registrations:manage", kwargs={"token": registration.token})
    page = client.get(url).content.decode()
    assert "<dt>Language of interpretation</dt><dd>not given</dd>" in page
    data = form_data(olomouc, parts=[olomouc.seminar.pk], interpretation_language="sk")
    assert client.post(url, data).status_code == 302
    registration.refresh_from_db()
    assert registration.interpretation_language == "sk"
    assert "<dt>Language of interpretation</dt><dd>slovenčina</dd>" in client.get(url).content.decode()


def test_a_language_the_seminar_has_no_interpreter_for_is_refused_in_the_visitors_language(client, olomouc):
    response = client.post(register_url(olomouc, "cs"), form_data(olomouc, interpretation_language="de"))
    assert response.status_code == 200
    (error,) = response.context["form"].errors["interpretation_language"]
    assert error.startswith("Vyberte")
    assert not Registration.objects.exists()
