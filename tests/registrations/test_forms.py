"""The phone rule of registrations/forms.py, the same on the registration form, the private page and the admin:
numbers as people write them in the chosen country, stored in E.164, errors and examples in the visitor's
language."""

import importlib
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

import registrations
from registrations.forms import DetailsForm
from registrations.models import Registration
from tests.factories import make_registration
from tests.registrations.conftest import form_data
from tests.registrations.services.test_erasure import admin_form_data
from tests.registrations.staff_users import make_user

pytestmark = pytest.mark.django_db


def details_form(event, language="en", **overrides) -> DetailsForm:
    with translation.override(language):
        form = DetailsForm(form_data(event, **overrides), event=event)
        form.is_valid()
    return form


@pytest.mark.parametrize(
    ("typed", "country", "stored"),
    [
        ("06 30 123 4567", "HU", "+36301234567"),
        ("603 123 456", "CZ", "+420603123456"),
        ("0905 123 456", "SK", "+421905123456"),
        ("12 345 67 89", "PL", "+48123456789"),
        ("+48 12 345 67 89", "CZ", "+48123456789"),  # a number from another country, with its code
        ("00420 603 123 456", "HU", "+420603123456"),  # the international prefix written out
        ("+44 20 7946 0018", "OTHER", "+442079460018"),
        ("  +420  601 234  567 ", "CZ", "+420601234567"),
        ("", "CZ", ""),
    ],
)
def test_a_number_written_as_in_the_chosen_country_is_stored_in_e164(olomouc, typed, country, stored):
    form = details_form(olomouc, phone=typed, country=country)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == stored


@pytest.mark.parametrize(
    ("typed", "country"),
    [
        ("06 30 123 4567", "CZ"),  # a Hungarian way of writing, read as a Czech number: not one
        ("603 123 456", "OTHER"),  # no country to read it in: the code is needed
        ("12", "CZ"),
        ("+420 abc", "CZ"),
        ("+1 234 567 890 123 456 789", "CZ"),
        ("+420 601 234 567\nBcc: x@example.org", "CZ"),
    ],
)
def test_a_number_that_is_not_one_is_refused(olomouc, typed, country):
    form = details_form(olomouc, phone=typed, country=country)
    assert "phone" in form.errors


@pytest.mark.parametrize(
    ("language", "example", "error_start"),
    [
        ("cs", "601 123 456", "Zadejte prosím platné telefonní číslo"),
        ("sk", "0912 123 456", "Zadajte, prosím, platné telefónne číslo"),
        ("pl", "512 345 678", "Prosimy podać prawidłowy numer telefonu"),
        ("hu", "06 20 123 4567", "Kérjük, érvényes telefonszámot adjon meg"),
        ("en", "+420 601 123 456", "Please enter a valid phone number"),
    ],
)
def test_the_example_and_the_error_follow_the_pages_language(client, olomouc, language, example, error_start):
    with translation.override(language):
        url = reverse("registrations:register", kwargs={"slug": olomouc.slug})
    html = client.get(url).content.decode()
    assert example in html
    response = client.post(url, form_data(olomouc, phone="12"))
    (error,) = response.context["form"].errors["phone"]
    assert error.startswith(error_start)
    assert example in error
    assert not Registration.objects.exists()


def test_an_old_stored_number_the_rule_refuses_stays_while_unchanged(client, olomouc):
    """Numbers stored before the rule: editing something else on the private page keeps them as they were."""
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", phone="+420 12")
    data = form_data(olomouc, phone="+420 12", first_name="Jitka", parts=[olomouc.seminar.pk])
    with translation.override("en"):
        url = reverse("registrations:manage", kwargs={"token": registration.token})
    assert client.post(url, data).status_code == 302
    registration.refresh_from_db()
    assert (registration.first_name, registration.phone) == ("Jitka", "+420 12")
    # Changed, it must be a number.
    response = client.post(url, {**data, "phone": "+420 13"})
    assert "phone" in response.context["form"].errors


def test_the_private_page_shows_the_stored_number_grouped_and_keeps_it_in_e164(client, olomouc):
    registration = make_registration(
        olomouc, parts=[olomouc.seminar], seat_status="confirmed", phone="+36301234567", country="HU"
    )
    with translation.override("en"):
        url = reverse("registrations:manage", kwargs={"token": registration.token})
    assert 'value="+36 30 123 4567"' in client.get(url).content.decode()
    data = form_data(olomouc, phone="+36 30 123 4567", country="HU", parts=[olomouc.seminar.pk])
    assert client.post(url, data).status_code == 302
    registration.refresh_from_db()
    assert registration.phone == "+36301234567"


def test_the_admin_keeps_the_same_rule(olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", country="HU")
    staff = Client()
    staff.force_login(make_user("superuser"))
    change = f"/admin/registrations/registration/{registration.pk}/change/"
    data = admin_form_data(staff.get(change))
    assert staff.post(change, {**data, "phone": "06 30 123 4567"}).status_code == 302
    registration.refresh_from_db()
    assert registration.phone == "+36301234567"
    response = staff.post(change, {**data, "phone": "06 30 12"})
    assert response.status_code == 200
    assert "phone" in response.context["adminform"].form.errors
    registration.refresh_from_db()
    assert registration.phone == "+36301234567"


def test_the_migration_rewrites_stored_numbers_in_e164_and_leaves_the_rest(olomouc):
    """Numbers stored before the rule ("+420 601 234 567") become E.164; what is not a number stays as it was."""
    from django.apps import apps

    # Found by name, not number: migrations are renumbered when branches meet.
    path = next((Path(registrations.__file__).parent / "migrations").glob("*_phone_numbers.py"))
    migration = importlib.import_module(f"registrations.migrations.{path.stem}")
    old = make_registration(olomouc, phone="+420 601 234 567")
    odd = make_registration(olomouc, phone="+00 HU Shared")
    none = make_registration(olomouc, phone="")
    migration.to_e164(apps, None)
    phones = dict(Registration.objects.values_list("pk", "phone"))
    assert (phones[old.pk], phones[odd.pk], phones[none.pk]) == ("+420601234567", "+00 HU Shared", "")


def test_interpretation_is_offered_in_each_languages_own_name_and_may_be_left_unsaid(olomouc):
    form = details_form(olomouc, language="pl")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["interpretation_language"] == ""
    assert form.fields["interpretation_language"].choices == [
        ("", "nie podano"),
        ("cs", "čeština"),
        ("sk", "slovenčina"),
        ("pl", "polski"),
        ("hu", "magyar"),
        ("en", "English"),
    ]
    assert details_form(olomouc, interpretation_language="hu").cleaned_data["interpretation_language"] == "hu"
    assert "interpretation_language" in details_form(olomouc, interpretation_language="de").errors


def test_the_admin_records_the_language_of_interpretation(olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    staff = Client()
    staff.force_login(make_user("superuser"))
    change = f"/admin/registrations/registration/{registration.pk}/change/"
    data = admin_form_data(staff.get(change))
    assert staff.post(change, {**data, "interpretation_language": "sk"}).status_code == 302
    registration.refresh_from_db()
    assert registration.interpretation_language == "sk"
