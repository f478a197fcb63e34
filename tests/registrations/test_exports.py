import csv
import datetime
import io
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation
from openpyxl import load_workbook

from registrations import exports
from registrations.collation import by_surname
from registrations.models import Registration, Seat
from tests.factories import make_event, make_part, make_registration, make_registrations_in_bulk

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


def test_rows_speak_the_readers_language_whatever_language_is_active(event):
    part = make_part(event, name_en="Seminar", name_pl="Seminarium")
    make_registration(
        event,
        parts=[part],
        seat_status="waitlisted",
        country="HU",
        diet="vegan",
        consent_photos=True,
        interpretation_language="hu",
    )
    with translation.override("en"):
        (row,) = exports.rows(Registration.objects.all(), language="pl")
        cells = dict(zip(exports.header(exports.FULL_COLUMNS), row, strict=True))
    assert cells["Country"] == "Węgry"
    assert cells["Language of interpretation"] == "hu"  # a code, as the language of the e-mails
    assert cells["Parts of the programme"] == "Seminarium: na liście rezerwowej"
    assert cells["Dietary requirements"] == "wegańska"
    assert cells["Photographs and video"] == "tak"
    created = timezone.localtime(Registration.objects.get().created)
    assert cells["Registered"] == created.strftime("%d-%m-%Y  %H:%M")  # Polish SHORT_DATETIME_FORMAT


@pytest.mark.parametrize("language", ["cs", "sk", "pl", "hu", "en"])
def test_dates_read_as_djangos_short_datetime_format(language):
    prague = zoneinfo.ZoneInfo("Europe/Prague")
    moments = [
        datetime.datetime(2023, 6, 21, 0, 0, tzinfo=prague),  # English says "midnight"
        datetime.datetime(2023, 6, 21, 12, 0, tzinfo=prague),  # and "noon"
        datetime.datetime(2023, 10, 29, 0, 30, tzinfo=datetime.UTC),  # 2:30 in Prague, twice that night
        datetime.datetime(2024, 2, 29, 23, 59, 59, 999999, tzinfo=datetime.UTC),
    ]
    with translation.override(language):
        date = exports.active_texts().date
        assert [date(moment) for moment in moments] == [
            formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") for moment in moments
        ]
        assert date(None) == ""


def test_seats_stay_with_their_registration_across_chunks(event):
    """More registrations than one chunk, with the seats read chunk by chunk: each row keeps its own."""
    seminar, tour = make_part(event, name_en="Seminar", order=1), make_part(event, name_en="Tour", order=2)
    now = timezone.now()
    registrations = make_registrations_in_bulk(event, exports.CHUNK + 5, last_name="Row {n:05d}")
    seats = []
    for n, registration in enumerate(registrations):
        seats.append(Seat(registration=registration, part=tour, status=Seat.Status.WAITLISTED, since=now))
        if n % 3:  # a cancelled seat is not shown
            status = Seat.Status.CONFIRMED if n % 3 == 1 else Seat.Status.CANCELLED
            seats.append(Seat(registration=registration, part=seminar, status=status, since=now))
    Seat.objects.bulk_create(seats)
    with translation.override("en"):
        data = list(exports.rows(Registration.objects.all(), language="en", columns=exports.SUMMARY_COLUMNS))
    assert [row[0] for row in data] == [f"Row {n:05d}" for n in range(exports.CHUNK + 5)]
    expected = {1: "Seminar: confirmed; Tour: on the waiting list"}
    assert [row[4] for row in data] == [expected.get(n % 3, "Tour: on the waiting list") for n in range(len(data))]


@pytest.mark.parametrize("page", ["export_csv", "export_xlsx"])
def test_portal_export_makes_as_many_queries_for_40_rows_as_for_2(client, django_user_model, olomouc, page):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "x"))
    export_url = reverse(f"registrations:portal_{page}", kwargs={"slug": olomouc.slug})
    queries = []
    for count in (2, 38):
        for _ in range(count):
            make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour], seat_status="confirmed")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(export_url)
            b"".join(response.streaming_content)
        queries.append(len(captured))
    assert Registration.objects.count() == 40
    assert queries[0] == queries[1]


# Status, check-in, file names, the spreadsheet's shape, Excel's CSV -----------------------------------


def admin_export(client, file_format: str, **query):
    return client.get(reverse("admin:registrations_registration_export", args=[file_format]), query)


def test_admin_export_has_status_and_check_in_and_holds_active_registrations_unless_filtered(staff_client, olomouc):
    here = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name="Here")
    Seat.objects.filter(registration=here).update(
        checked_in_at=datetime.datetime(2023, 6, 21, 7, 5, tzinfo=datetime.UTC)
    )
    make_registration(olomouc, parts=[olomouc.seminar], seat_status=None, last_name="Pending", status="pending")
    gone = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name="Gone")
    Registration.objects.filter(pk=gone.pk).update(status="cancelled")
    rows = list(csv.DictReader(io.StringIO(body_of(admin_export(staff_client, "csv")).lstrip("\ufeff"))))
    assert [(row["Last name"], row["Status"]) for row in rows] == [("Here", "active")]
    assert rows[0]["Checked in"].startswith("Seminar")
    assert "09:05" in rows[0]["Checked in"] or "9:05" in rows[0]["Checked in"]  # Prague time
    cancelled = admin_export(staff_client, "csv", status__exact="cancelled")
    assert [row["Last name"] for row in csv.DictReader(io.StringIO(body_of(cancelled).lstrip("\ufeff")))] == ["Gone"]


def test_export_file_names_say_event_part_and_date(staff_client, olomouc, client, django_user_model):
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    today = timezone.localdate().isoformat()
    response = admin_export(staff_client, "xlsx", event__id__exact=olomouc.pk, part=olomouc.tour.pk)
    assert f'filename="{olomouc.slug}-' in response["Content-Disposition"]
    assert f"registrations-{today}.xlsx" in response["Content-Disposition"]
    assert "tour" in response["Content-Disposition"].lower()
    portal = staff_client.get(reverse("registrations:portal_export_csv_excel", kwargs={"slug": olomouc.slug}))
    assert portal["Content-Disposition"] == f'attachment; filename="{olomouc.slug}-participants-{today}-excel.csv"'


def test_xlsx_has_a_bold_frozen_header_filters_widths_and_real_dates(staff_client, olomouc):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name="Šťastný")
    response = admin_export(staff_client, "xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}2"
    assert sheet.column_dimensions["C"].width == 30  # the organisation
    registered = sheet.cell(2, header.index("Registered") + 1)
    assert isinstance(registered.value, datetime.datetime)
    assert registered.number_format == "yyyy-mm-dd hh:mm"
    assert sheet.cell(2, 1).value == "Šťastný"


def test_the_csv_for_excel_uses_semicolons_and_a_bom_beside_the_standard_one(staff_client, olomouc):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", organisation="Obec; Dolní")
    excel = body_of(admin_export(staff_client, "csv-excel"))
    standard = body_of(admin_export(staff_client, "csv"))
    assert excel.startswith("\ufeffLast name;First name;Organisation;")
    assert '"Obec; Dolní"' in excel
    assert standard.startswith("\ufeffLast name,First name,Organisation,")
    assert next(csv.reader(io.StringIO(excel.lstrip("\ufeff").splitlines()[1]), delimiter=";"))[2] == "Obec; Dolní"
