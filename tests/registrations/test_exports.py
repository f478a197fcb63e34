import csv
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from registrations import exports
from registrations.collation import by_surname
from registrations.models import Registration
from tests.factories import make_event, make_part, make_registration

pytestmark = pytest.mark.django_db

FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTab", "\rReturn", '=HYPERLINK("http://evil.example","x")']


@pytest.fixture
def event():
    return make_event()


def body_of(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_starts_with_a_bom_and_quotes_as_rfc_4180(event):
    part = make_part(event, name_en="Seminar")
    make_registration(event, parts=[part], seat_status="confirmed", organisation='Obec "Horní", Dolní', note="a\nb")
    with translation.override("en"):  # the reader's language: the column names follow it
        response = exports.csv_response(
            filename="list",
            header_row=exports.header(exports.FULL_COLUMNS),
            data=exports.rows(Registration.objects.all(), language="en"),
        )
        body = body_of(response)
    assert body.startswith("\ufeffLast name,First name,Organisation,")
    assert '"Obec ""Horní"", Dolní"' in body
    assert '"a\nb"' in body
    assert body.endswith("\r\n")
    assert response["Content-Disposition"] == 'attachment; filename="list.csv"'


@pytest.mark.parametrize("value", FORMULAS)
def test_csv_neutralises_every_formula(event, value):
    make_registration(event, organisation=value, first_name="Ann")
    body = body_of(
        exports.csv_response(
            filename="x",
            header_row=exports.header(exports.SUMMARY_COLUMNS),
            data=exports.rows(Registration.objects.all(), language="en", columns=exports.SUMMARY_COLUMNS),
        )
    )
    cells = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))[1]
    assert cells[2] == "'" + value


def test_xlsx_stores_formulas_as_text_and_keeps_diacritics(event):
    for value in FORMULAS:
        make_registration(event, organisation=value)
    make_registration(event, first_name="Łukasz", last_name="Żółć", organisation="Győrffy Ödön és Šťastná")
    response = exports.xlsx_response(
        filename="list",
        header_row=exports.header(exports.SUMMARY_COLUMNS),
        data=exports.rows(Registration.objects.all(), language="pl", columns=exports.SUMMARY_COLUMNS),
    )
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    organisations = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    # XML stores a carriage return as a line feed; what matters is that each is text.
    assert {value.replace("\r", "\n") for value in FORMULAS} <= set(organisations)
    assert "Győrffy Ödön és Šťastná" in organisations
    for row in sheet.iter_rows(min_row=2):
        assert row[2].data_type == "s"  # text, never "f" (formula)
    assert ("Żółć", "Łukasz") in [row[:2] for row in sheet.iter_rows(min_row=2, values_only=True)]


SURNAMES = ["Hora", "Chalupa", "Cibulka", "Čech", "Lukas", "Łukasz", "Mazur", "Żak", "Zima"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("cs", ["Cibulka", "Čech", "Hora", "Chalupa", "Lukas", "Łukasz", "Mazur", "Żak", "Zima"]),
        ("pl", ["Čech", "Chalupa", "Cibulka", "Hora", "Lukas", "Łukasz", "Mazur", "Zima", "Żak"]),
    ],
)
def test_lists_sort_by_surname_with_the_readers_rules_on_this_database(event, language, expected):
    for surname in reversed(SURNAMES):
        make_registration(event, last_name=surname)
    ordered = list(by_surname(Registration.objects.all(), language).values_list("last_name", flat=True))
    assert ordered == expected
    exported = [row[0] for row in exports.rows(Registration.objects.all(), language=language)]
    assert exported == expected


def test_rows_choose_columns_per_registration(event):
    own = make_registration(event, country="SK", email="own@example.org", last_name="A")
    make_registration(event, country="HU", email="other@example.org", last_name="B")
    data = list(
        exports.rows(
            Registration.objects.all(),
            language="en",
            columns_for=lambda r: exports.FULL_COLUMNS if r.pk == own.pk else exports.SUMMARY_COLUMNS,
        )
    )
    email_column = exports.header(exports.FULL_COLUMNS).index("E-mail")
    assert data[0][email_column] == "own@example.org"
    assert data[1][email_column] == ""
