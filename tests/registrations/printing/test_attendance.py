"""The signed attendance sheets: each part from a new page, sorted, numbered, with room for walk-ins."""

import datetime
import re

import pytest
from django.utils import translation

from registrations.printing.attendance import (
    AttendanceRow,
    AttendanceSheet,
    attendance_sheets_pdf,
    css_string,
    page_numbers_css,
)
from registrations.printing.sources import attendance_sheet_for
from tests.factories import in_all_languages, make_event, make_part, make_registration

from .pdfs import assert_only_the_projects_font, pages_text

ROWS = [
    AttendanceRow("Tomáš", "Chalupa", "Obec Hlubočky", "CZ"),
    AttendanceRow("Ödön", "Győrffy", "TÖOSZ", "HU"),
    AttendanceRow("Jiří", "Cibulka", "Město Uničov", "CZ"),
    AttendanceRow("Pavel", "Hora", "Město Mohelnice", "CZ"),
    AttendanceRow("Sofia", "Rossi", "Comune di Trento", "OTHER"),
]


def sheets() -> list[AttendanceSheet]:
    return [
        AttendanceSheet("Seminář", "Olomouc", "Seminář a workshopy", datetime.date(2023, 6, 21), ROWS),
        AttendanceSheet("Seminář", "Olomouc", "Studijní cesta", datetime.date(2023, 6, 22), ROWS[:2]),
    ]


def test_each_part_starts_a_page_sorted_by_surname_numbered_with_blank_rows_to_sign():
    pages = pages_text(attendance_sheets_pdf(sheets(), language="cs", blank_rows=3))
    assert len(pages) == 2
    first, second = pages
    assert "Prezenční listina" in first
    assert "Seminář a workshopy · středa 21. června 2023" in first
    assert "Studijní cesta · čtvrtek 22. června 2023" in second
    assert "Č. Jméno a příjmení Organizace Země Podpis" in first
    # Czech order: C, Č… H, Ch; each row numbered; then the blank rows go on counting.
    order = [first.index(name) for name in ("Jiří Cibulka", "Ödön Győrffy", "Pavel Hora", "Tomáš Chalupa")]
    assert order == sorted(order)
    assert re.search(r"1 Jiří Cibulka Město Uničov Česko .*5 Sofia Rossi Comune di Trento 6 7 8 ", first)
    assert "5 potvrzených účastníků" in first
    assert "Strana 1 z 2" in first
    assert "Strana 2 z 2" in second


def test_a_hungarian_reader_gets_every_name_family_name_first():
    page = pages_text(attendance_sheets_pdf(sheets()[1:], language="hu"))[0]
    assert "Chalupa Tomáš" in page
    assert "Győrffy Ödön" in page
    assert "Jelenléti ív" in page
    assert "1/1. oldal" in page


def test_attendance_sheets_are_set_in_the_projects_own_font_only():
    assert_only_the_projects_font(attendance_sheets_pdf(sheets()[1:], language="pl"))


def test_page_numbers_are_css_in_the_readers_words():
    with translation.override("hu"):
        assert page_numbers_css() == 'counter(page) "/" counter(pages) ". oldal"'
    assert css_string('say "hi" \\ \n now') == '"say \\"hi\\" \\\\ now"'
    assert css_string("</style><p>") == '"\\3c /style>\\3c p>"'


@pytest.mark.django_db
def test_attendance_sheet_for_lists_confirmed_active_registrations_only():
    event = make_event(**in_all_languages("title", "Seminar"))
    part = make_part(event)
    make_registration(event, parts=[part], seat_status="confirmed", first_name="Ana", last_name="Confirmed")
    make_registration(event, parts=[part], seat_status="waitlisted", first_name="Bea", last_name="Waiting")
    make_registration(event, parts=[part], first_name="Cyril", last_name="Pending")
    cancelled = make_registration(event, parts=[part], seat_status="confirmed", last_name="Cancelled")
    cancelled.status = "cancelled"
    cancelled.save()
    with translation.override("en"):
        sheet = attendance_sheet_for(part)
    assert [row.last_name for row in sheet.rows] == ["Confirmed"]
    assert (sheet.event_title, sheet.part_name, sheet.date) == ("Seminar (en)", part.name_en, part.date)
