"""An event's practical information (how to get there, parking, interpretation, a phone): edited in five
language tabs, shown on the event page and in its calendar file; and the event's structured data (the venue's
address as far as it is known, the photo)."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from events.models import Event, Photo
from tests.factories import LANGUAGES, in_all_languages, make_event, make_partner

pytestmark = pytest.mark.django_db


def detail_url(event, lang: str) -> str:
    with translation.override(lang):
        return reverse("events:detail", kwargs={"slug": event.slug})


def json_ld_of(html: str) -> dict:
    (payload,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.DOTALL)
    return json.loads(payload)


@pytest.fixture
def event(pages):
    return make_event(
        host=make_partner(country="CZ"),
        slug="olomouc-2023",
        **in_all_languages("practical_information", "Parking in the courtyard\n\n- Bus 2 to the square"),
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_page_shows_the_practical_information_in_the_visitors_language(client, event, lang):
    html = client.get(detail_url(event, lang)).content.decode()
    with translation.override(lang):
        heading = gettext("Practical information")
    assert f'<h2 id="practical-heading">{heading}</h2>' in html
    assert "<p>Parking in the courtyard</p>" in html
    assert f"<li>Bus 2 to the square ({lang})</li>" in html
    for other in set(LANGUAGES) - {lang}:
        assert f"Bus 2 to the square ({other})" not in html


def test_event_page_without_practical_information_has_no_empty_section(client, pages):
    event = make_event(host=make_partner(country="CZ"))
    html = client.get(detail_url(event, "en")).content.decode()
    assert "practical-heading" not in html


def test_practical_information_missing_in_a_language_shows_czech_marked_as_such(client, pages):
    event = make_event(host=make_partner(country="CZ"), practical_information_cs="Parkování na nádvoří")
    html = client.get(detail_url(event, "hu")).content.decode()
    assert '<div lang="cs" data-fallback="' in html
    assert "Parkování na nádvoří" in html


def test_staff_edit_the_practical_information_in_five_language_tabs(staff_client, event):
    html = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    for code in LANGUAGES:
        assert f'name="practical_information_{code}"' in html
    assert "tabbed_translation_fields.js" in html


def test_event_calendar_file_carries_the_practical_information(client, event):
    with translation.override("pl"):
        response = client.get(reverse("events:calendar", kwargs={"slug": event.slug}))
    body = response.content.decode().replace("\r\n ", "")
    assert "Parking in the courtyard\\n\\n- Bus 2 to the square (pl)" in body
    assert "Bus 2 to the square (en)" not in body
    assert "DTSTART;VALUE=DATE:20230621" in body  # the event itself stays whole days


def test_json_ld_gives_the_venues_address_when_it_is_known(client, pages):
    event = make_event(
        host=make_partner(country="CZ"), address="Horní náměstí 583", **in_all_languages("venue", "City hall")
    )
    data = json_ld_of(client.get(detail_url(event, "en")).content.decode())
    assert data["location"]["name"] == "City hall (en)"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Horní náměstí 583",
        "addressLocality": "Olomouc (en)",
        "addressCountry": "CZ",
    }


def test_json_ld_leaves_an_unknown_street_out_instead_of_sending_it_empty(client, event):
    address = json_ld_of(client.get(detail_url(event, "en")).content.decode())["location"]["address"]
    assert "streetAddress" not in address
    assert address["addressLocality"] == "Olomouc (en)"
    assert address["addressCountry"] == "CZ"


def test_json_ld_has_the_first_photo_as_its_image(client, event):
    assert "image" not in json_ld_of(client.get(detail_url(event, "en")).content.decode())
    Photo.objects.create(
        event=event,
        image="photos/x.jpg",
        width=1600,
        height=1000,
        renditions=[
            {"width": 480, "height": 300, "name": "photos/renditions/x-480.webp"},
            {"width": 1600, "height": 1000, "name": "photos/renditions/x-1600.webp"},
        ],
    )
    data = json_ld_of(client.get(detail_url(event, "en")).content.decode())
    assert data["image"] == ["http://testserver/media/photos/renditions/x-1600.webp"]


def test_olomouc_content_has_practical_information_in_five_languages_and_invents_no_times():
    """facts.md gives the venue and SMO ČR's contact, but no times and no meeting place: they stay empty."""
    from registrations.content import load_content

    parts = load_content()
    olomouc = Event.objects.get(slug="olomouc-2023")
    for code in LANGUAGES:
        text = getattr(olomouc, f"practical_information_{code}")
        assert "smocr@smocr.cz" in text, code
        assert "+420 234 709 711" in text, code
        assert "Horní náměstí 583" in text, code
    assert parts
    assert all(part.start_time is None and part.end_time is None and not part.meeting_place for part in parts)
