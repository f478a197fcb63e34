"""Certificates of attendance: one page per participant, all of it in the participant's language."""

import datetime
import io

import pytest
from pypdf import PdfReader

from registrations.models import Seat
from registrations.printing.certificates import AttendedPart, Certificate, certificates_pdf
from registrations.printing.sources import certificate_for
from tests.factories import in_all_languages, make_event, make_part, make_partner, make_registration

from .pdfs import assert_only_the_projects_font, pages_text

SEMINAR, TOUR = datetime.date(2023, 6, 21), datetime.date(2023, 6, 22)
# What each language must say: the title, the dates as events/dates.py writes them, the funder, the name.
EXPECTED = {
    "cs": ("Potvrzení o účasti", "21.–22. června 2023", "Mezinárodním visegrádským fondem", "Jana Nováková"),
    "sk": ("Potvrdenie o účasti", "21. – 22. júna 2023", "Medzinárodným vyšehradským fondom", "Ľudovít Šťastný"),
    "pl": ("Zaświadczenie o udziale", "21–22 czerwca 2023", "Międzynarodowy Fundusz Wyszehradzki", "Łukasz Żółć"),
    "hu": ("Részvételi igazolás", "2023. június 21–22.", "Nemzetközi Visegrádi Alap", "Győrffy Ödön"),
    "en": ("Certificate of attendance", "21–22 June 2023", "International Visegrad Fund", "Sarah O'Brien"),
}
NAMES = {"cs": ("Jana", "Nováková"), "sk": ("Ľudovít", "Šťastný"), "pl": ("Łukasz", "Żółć"), "hu": ("Ödön", "Győrffy"),
         "en": ("Sarah", "O'Brien")}  # fmt: skip


def certificate(language: str, **overrides) -> Certificate:
    first, last = NAMES[language]
    fields = {
        "language": language,
        "first_name": first,
        "last_name": last,
        "event_title": f"Seminar ({language})",
        "start_date": SEMINAR,
        "end_date": TOUR,
        "city": "Olomouc",
        "parts": [AttendedPart(f"Tour ({language})", TOUR), AttendedPart(f"Seminar day ({language})", SEMINAR)],
        "issued_on": datetime.date(2023, 6, 23),
        "organiser": "SMO ČR",
        **overrides,
    }
    return Certificate(**fields)


def test_each_certificate_is_one_page_in_its_participants_language():
    pages = pages_text(certificates_pdf([certificate(language) for language in EXPECTED]))
    assert len(pages) == len(EXPECTED)
    for page, (language, expected) in zip(pages, EXPECTED.items(), strict=True):
        for phrase in expected:
            assert phrase in page, (language, phrase)
        assert f"Seminar ({language})" in page
        # The parts in the order of their days.
        assert page.index(f"Seminar day ({language})") < page.index(f"Tour ({language})")


def test_certificate_is_set_in_the_projects_own_font_only():
    assert_only_the_projects_font(certificates_pdf([certificate("pl")]))


@pytest.mark.django_db
def test_certificate_for_lists_the_parts_checked_in_with_texts_in_the_registrants_language():
    event = make_event(host=make_partner(**in_all_languages("name", "Svaz")), **in_all_languages("venue", "Hall"))
    seminar = make_part(event, date=SEMINAR, **in_all_languages("name", "Seminar"))
    tour = make_part(event, date=TOUR, **in_all_languages("name", "Tour"))
    registration = make_registration(event, parts=[seminar, tour], seat_status="confirmed", language="hu")
    assert certificate_for(registration) is None  # nobody checked in yet: nothing to certify
    checked_in = datetime.datetime.now(datetime.UTC)
    Seat.objects.filter(registration=registration, part=seminar).update(checked_in_at=checked_in)
    made = certificate_for(registration, issued_on=datetime.date(2023, 6, 23))
    assert made.language == "hu"
    assert made.parts == [AttendedPart("Seminar (hu)", SEMINAR)]
    assert (made.event_title, made.city, made.venue, made.organiser) == (
        f"{event.title_hu}",
        "Olomouc (hu)",
        "Hall (hu)",
        "Svaz (hu)",
    )


def test_one_participants_certificate_is_a_document_in_their_language():
    reader = PdfReader(io.BytesIO(certificates_pdf([certificate("hu")])))  # the caller reads Czech (default)
    assert reader.metadata.title == "Részvételi igazolás"
    assert reader.trailer["/Root"]["/Lang"] == "hu"
