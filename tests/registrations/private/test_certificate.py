"""The certificate of attendance on the private page: offered once the event has begun to whoever was checked
in for at least one part, as a private PDF in the participant's language; any other asking gets the page of
a link that does not work."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from registrations.models import Seat
from tests.factories import make_registration
from tests.registrations.printing.pdfs import text

pytestmark = pytest.mark.django_db

AFTER_THE_EVENT = datetime.date(2023, 6, 23)
LINK_TEXT = "Download your certificate of attendance (PDF)"


def url(name, token, language="en"):
    with translation.override(language):
        return reverse(f"registrations:{name}", kwargs={"token": token})


def checked_in(registration, *parts):
    moment = timezone.make_aware(datetime.datetime(2023, 6, 21, 8, 30))
    Seat.objects.filter(registration=registration, part__in=parts).update(checked_in_at=moment)
    return registration


def assert_the_unknown_link_page(response):
    assert response.status_code == 404
    assert "registrations/link_invalid.html" in [template.name for template in response.templates]
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def participant(olomouc):
    registration = make_registration(
        olomouc,
        parts=[olomouc.seminar, olomouc.tour],
        seat_status="confirmed",
        first_name="Łukasz",
        last_name="Żółć",
        language="pl",
    )
    return checked_in(registration, olomouc.seminar)


def test_after_the_event_the_checked_in_participant_downloads_the_certificate_in_their_language(
    client, participant, settings
):
    settings.DEMO_DATE = AFTER_THE_EVENT
    page = client.get(url("manage", participant.token)).content.decode()
    assert LINK_TEXT in page
    assert url("certificate", participant.token) in page
    # The page in English, the certificate in Polish: the participant's language.
    response = client.get(url("certificate", participant.token))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="certificate-olomouc-test.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    certificate = text(response.content)
    assert "Zaświadczenie o udziale" in certificate
    assert "Łukasz Żółć" in certificate
    assert "Closing seminar (pl)" in certificate
    assert "Seminarium i warsztaty" in certificate
    assert "Wizyta studyjna" not in certificate  # not checked in for the tour


def test_the_link_is_in_the_pages_language(client, participant, settings):
    settings.DEMO_DATE = AFTER_THE_EVENT
    page = client.get(url("manage", participant.token, "cs")).content.decode()
    assert "Stáhnout potvrzení o účasti (PDF)" in page


def test_before_the_event_there_is_no_certificate_even_for_someone_checked_in(client, participant):
    # The site's clock is on 1 June 2023: the event has not begun (a check-in recorded early changes nothing).
    assert LINK_TEXT not in client.get(url("manage", participant.token)).content.decode()
    assert_the_unknown_link_page(client.get(url("certificate", participant.token)))


def test_someone_not_checked_in_gets_no_certificate(client, olomouc, settings):
    settings.DEMO_DATE = AFTER_THE_EVENT
    absent = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    assert LINK_TEXT not in client.get(url("manage", absent.token)).content.decode()
    assert_the_unknown_link_page(client.get(url("certificate", absent.token)))


def test_an_unknown_link_gets_no_certificate(client, participant, settings):
    settings.DEMO_DATE = AFTER_THE_EVENT
    assert_the_unknown_link_page(client.get(url("certificate", "A" * 43)))
