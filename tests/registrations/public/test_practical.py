"""What a visitor learns before registering: each part's date, times, where to meet and what it includes (on the
event page and next to its checkbox), a Register button near the top on a phone, and the event's offer in its
structured data."""

import datetime
import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import LANGUAGES, in_all_languages, make_open_event, make_pages, make_part, make_registration

pytestmark = pytest.mark.django_db


def event_url(event, language="en"):
    with translation.override(language):
        return reverse("events:detail", kwargs={"slug": event.slug})


def register_url(event, language="en"):
    with translation.override(language):
        return reverse("registrations:register", kwargs={"slug": event.slug})


def json_ld_of(html: str) -> dict:
    (payload,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.DOTALL)
    return json.loads(payload)


@pytest.fixture
def timed(olomouc):
    """The seminar from 9:00 to 16:30 at the city hall; the study tour stays a whole day with no place."""
    olomouc.seminar.start_time = datetime.time(9, 0)
    olomouc.seminar.end_time = datetime.time(16, 30)
    for code in LANGUAGES:
        setattr(olomouc.seminar, f"meeting_place_{code}", f"Main entrance ({code})")
        setattr(olomouc.seminar, f"description_{code}", f"Lunch included ({code})")
        setattr(olomouc.tour, f"description_{code}", f"A day by bus ({code})")
    olomouc.seminar.save()
    olomouc.tour.save()
    return olomouc


@pytest.mark.parametrize(
    ("lang", "seminar_when", "tour_when", "where"),
    [
        ("cs", "21. června 2023, 9:00–16:30", "22. června 2023", "Místo srazu"),
        ("sk", "21. júna 2023, 9:00–16:30", "22. júna 2023", "Miesto zrazu"),
        ("pl", "21 czerwca 2023, 09:00–16:30", "22 czerwca 2023", "Miejsce zbiórki"),
        ("hu", "2023. június 21., 09:00–16:30", "2023. június 22.", "Találkozási pont"),
        ("en", "21 June 2023, 09:00–16:30", "22 June 2023", "Where to meet"),
    ],
)
def test_event_page_shows_each_part_with_its_times_place_and_what_it_includes(
    client, timed, lang, seminar_when, tour_when, where
):
    html = client.get(event_url(timed, lang)).content.decode()
    section = html[html.index('id="parts-heading"') :]
    assert f'<time datetime="2023-06-21T09:00:00+02:00">{seminar_when}</time>' in section
    assert f'<time datetime="2023-06-22">{tour_when}</time>' in section
    assert f"{where}: <span>Main entrance ({lang})</span>" in section
    assert f"Lunch included ({lang})" in section
    assert f"A day by bus ({lang})" in section
    assert section.count(f"{where}:") == 1  # the tour has no meeting place: no empty line for it


def test_part_descriptions_are_escaped_on_the_event_page_and_in_the_form(client, olomouc):
    olomouc.tour.description_en = '<img src=x onerror="alert(1)">'
    olomouc.tour.meeting_place_en = "<b>bus</b>"
    olomouc.tour.save()
    for url in (event_url(olomouc), register_url(olomouc)):
        html = client.get(url).content.decode()
        assert "<img src=x" not in html
        assert "&lt;img src=x" in html
        assert "<b>bus</b>" not in html


def test_form_shows_each_parts_times_place_and_description_next_to_its_checkbox(client, timed):
    html = client.get(register_url(timed, "pl")).content.decode()
    (seminar_label,) = re.findall(r'<label for="id_parts_\d+" class="form-check-label">\s*(.*?)\s*</label>', html)[:1]
    assert seminar_label.startswith("Seminarium i warsztaty · 21 czerwca 2023, 09:00–16:30 · ")
    assert '<span class="part-choice__details"><span>Miejsce zbiórki: Main entrance (pl)</span>' in seminar_label
    assert "<span>Lunch included (pl)</span>" in seminar_label
    labels = re.findall(r'<label for="id_parts_\d+" class="form-check-label">\s*(.*?)\s*</label>', html, re.DOTALL)
    assert "A day by bus (pl)" in labels[1]
    assert "Lunch included" not in labels[1]


def test_form_label_stays_one_line_for_a_part_without_details(client, olomouc):
    html = client.get(register_url(olomouc)).content.decode()
    labels = re.findall(r'<label for="id_parts_\d+" class="form-check-label">\s*(.*?)\s*</label>', html, re.DOTALL)
    assert labels[0] == "Seminar and workshops · 21 June 2023 · 120 seats left"
    assert "part-choice__details" not in html


def test_phone_gets_a_register_button_before_the_programme_while_registration_is_open(client, olomouc, settings):
    html = client.get(event_url(olomouc)).content.decode()
    link = f'<a class="btn btn-primary btn-lg w-100" href="{register_url(olomouc)}">'
    button = f'<p class="register-button d-lg-none">{link}'
    assert button in html
    assert html.index(button) < html.index('id="parts-heading"') < html.index('id="registration-box-heading"')
    settings.DEMO_DATE = datetime.date(2023, 6, 21)  # the event has begun: registration is closed
    assert "register-button" not in Client().get(event_url(olomouc)).content.decode()


def test_no_register_button_for_an_event_without_parts(client, before_the_seminar):
    make_pages()
    event = make_open_event(**in_all_languages("title", "Talk"))
    assert "register-button" not in client.get(event_url(event)).content.decode()


def test_json_ld_offers_free_seats_with_the_form_and_the_opening(client, olomouc):
    data = json_ld_of(client.get(event_url(olomouc)).content.decode())
    assert data["isAccessibleForFree"] is True
    assert data["offers"] == {
        "@type": "Offer",
        "price": 0,
        "priceCurrency": "CZK",
        "availability": "https://schema.org/InStock",
        "url": f"http://testserver{register_url(olomouc)}",
        "validFrom": olomouc.registration_opens.isoformat(),
        "validThrough": olomouc.registration_ends_at.isoformat(),  # when the seminar begins
    }


def test_json_ld_offers_nothing_once_registration_has_closed(client, olomouc, settings):
    settings.DEMO_DATE = datetime.date(2023, 6, 21)  # the event has begun: registration is closed
    data = json_ld_of(Client().get(event_url(olomouc)).content.decode())
    assert "offers" not in data
    assert register_url(olomouc) not in json.dumps(data)


def test_json_ld_is_sold_out_only_when_every_part_is_full(client, olomouc):
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    assert json_ld_of(client.get(event_url(olomouc)).content.decode())["offers"]["availability"].endswith("InStock")
    olomouc.seminar.capacity = 1
    olomouc.seminar.save()
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    offers = json_ld_of(client.get(event_url(olomouc)).content.decode())["offers"]
    assert offers["availability"] == "https://schema.org/SoldOut"


def test_json_ld_has_no_offer_for_an_event_without_registration(client, pages):
    from tests.factories import make_event

    event = make_event()
    make_part(event)
    assert "offers" not in json_ld_of(client.get(event_url(event)).content.decode())


def test_private_page_shows_times_place_and_the_practical_information(client, timed):
    for code in LANGUAGES:
        setattr(timed, f"practical_information_{code}", f"Interpretation into five languages ({code})")
    timed.save()
    registration = make_registration(timed, parts=[timed.seminar], seat_status="confirmed", language="sk")
    with translation.override("sk"):
        html = client.get(reverse("registrations:manage", kwargs={"token": registration.token})).content.decode()
    assert "21. júna 2023, 9:00–16:30" in html
    assert "Miesto zrazu: Main entrance (sk)" in html
    assert '<h2 id="practical-heading">Praktické informácie</h2>' in html
    assert "Interpretation into five languages (sk)" in html


@pytest.mark.django_db(transaction=True)
def test_changing_a_parts_time_or_the_practical_information_shows_at_once_on_cached_pages(transactional_db, settings):
    """The page cache (v4project/pagecache) is emptied by every save of a part or an event."""
    settings.DEMO_DATE = datetime.date(2023, 6, 1)
    make_pages()
    event = make_open_event(slug="olomouc-2023", **in_all_languages("title", "Closing seminar"))
    part = make_part(event, capacity=10)
    client = Client()
    assert "10:00" not in client.get(event_url(event)).content.decode()
    client.get(event_url(event))  # from the cache now
    part.start_time = datetime.time(10, 0)
    part.meeting_place_en = "Town hall steps"
    part.save()
    html = client.get(event_url(event)).content.decode()
    assert "21 June 2023, 10:00" in html
    assert "Town hall steps" in html
    event.practical_information_en = "Bring your ID"
    event.save()
    assert "Bring your ID" in client.get(event_url(event)).content.decode()
