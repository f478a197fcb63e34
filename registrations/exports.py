"""Participant lists as CSV and XLSX, streamed chunk by chunk so 10,000 rows need no more memory than 1,000.

Spreadsheet programs run a cell that starts with =, +, -, @, tab or carriage return as a formula
("formula injection"); every text cell is neutralised: CSV gets a leading apostrophe, XLSX stores text.

A 10,000-row export takes a fraction of a second because nothing is done per row that can be done once:
registrations are read as tuples (building model instances and prefetching seats into them was half the
time), the seats come in one query per chunk of rows, every label and the date format are looked up once per
export, and the CSV is sent a chunk at a time (a line per write was a socket write per line under gunicorn).
"""

import csv
import io
import itertools
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import dateformat, formats, timezone, translation
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from v4project.headers import make_private

from .collation import by_surname
from .models import Part, RegistrantCountry, Registration, Seat

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 1000  # rows read from the database, and CSV lines sent, at a time


def neutralise(value: str) -> str:
    """A text cell a spreadsheet will show as text, never run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class ExportRow(NamedTuple):
    """What an export shows of one registration."""

    pk: int
    last_name: str
    first_name: str
    organisation: str
    position: str
    country: str
    email: str
    phone: str
    language: str
    interpretation_language: str
    diet: str
    diet_other: str
    accessibility_needs: str
    note: str
    consent_photos: bool
    consent_sharing: bool
    created: datetime
    confirmed_at: datetime | None
    status: str
    parts: str = ""  # the active seats: "Seminar: confirmed; Study tour: on the waiting list"
    checkins: str = ""  # the parts checked in at the door, with the time: "Seminar: 21. 6. 2023 9:05"


REGISTRATION_FIELDS = ExportRow._fields[:-2]  # read with the registration; the rest comes from the seats


@dataclass
class Texts:
    """An export's labels and date format in the reader's language, looked up once per export rather than
    once per cell (`date_format()` alone looked up and parsed the format 20,000 times for 10,000 rows)."""

    countries: dict[str, str]
    diets: dict[str, str]
    seat_statuses: dict[str, str]
    statuses: dict[str, str]
    yes: str
    no: str
    date: Callable[[datetime | None], str]
    part_names: dict[int, str] = field(default_factory=dict)  # filled in as the chunks name parts


def _labels(choices: type) -> dict[str, str]:
    return {value: str(label) for value, label in choices.choices}


def _short_datetime() -> Callable[[datetime | None], str]:
    """`date_format(localtime(value), "SHORT_DATETIME_FORMAT")` in the active language and time zone, with the
    format parsed once rather than once per cell (Django's own parsing, so the text is the same)."""
    zone = timezone.get_current_timezone()
    pieces = [
        getattr(dateformat.DateFormat, piece) if i % 2 else dateformat.re_escaped.sub(r"\1", piece)
        for i, piece in enumerate(dateformat.re_formatchars.split(formats.get_format("SHORT_DATETIME_FORMAT")))
        if piece
    ]

    def short_datetime(value: datetime | None) -> str:
        if value is None:
            return ""
        local = dateformat.DateFormat(value.astimezone(zone))
        return "".join([piece if isinstance(piece, str) else str(piece(local)) for piece in pieces])

    return short_datetime


def active_texts() -> Texts:
    return Texts(
        countries=_labels(RegistrantCountry),
        diets=_labels(Registration.Diet),
        seat_statuses=_labels(Seat.Status),
        statuses=_labels(Registration.Status),
        yes=str(_("yes")),
        no=str(_("no")),
        date=_short_datetime(),
    )


@dataclass(frozen=True)
class Column:
    label: Promise
    value: Callable[[ExportRow, Texts], str]
    # A date column: a real date in XLSX (`raw` gives the datetime), text in the reader's format in CSV.
    raw: Callable[[ExportRow], datetime | None] | None = None
    width: int = 18  # characters, for XLSX


def _diet(row: ExportRow, texts: Texts) -> str:
    diet = texts.diets.get(row.diet, row.diet)
    return f"{diet}: {row.diet_other}" if row.diet_other else diet


def _blank(row: ExportRow, texts: Texts) -> str:
    return ""


# What a partner association sees of another country's registrant (who consented to sharing).
SUMMARY_COLUMNS = [
    Column(_("Last name"), lambda r, t: r.last_name),
    Column(_("First name"), lambda r, t: r.first_name),
    Column(_("Organisation"), lambda r, t: r.organisation, width=30),
    Column(_("Country"), lambda r, t: t.countries.get(r.country, r.country), width=14),
    Column(_("Parts of the programme"), lambda r, t: r.parts, width=40),
]
# Everything the organisers and the registrant's own partner association see.
FULL_COLUMNS = [
    *SUMMARY_COLUMNS[:3],
    Column(_("Position"), lambda r, t: r.position),
    *SUMMARY_COLUMNS[3:],
    Column(_("Status"), lambda r, t: t.statuses.get(r.status, r.status), width=14),
    Column(_("Checked in"), lambda r, t: r.checkins, width=30),
    Column(_("E-mail"), lambda r, t: r.email, width=30),
    Column(_("Phone"), lambda r, t: r.phone),
    Column(_("Language"), lambda r, t: r.language, width=10),
    Column(_("Language of interpretation"), lambda r, t: r.interpretation_language, width=10),
    Column(_("Dietary requirements"), _diet, width=24),
    Column(_("Accessibility needs"), lambda r, t: r.accessibility_needs, width=30),
    Column(_("Note"), lambda r, t: r.note, width=30),
    Column(_("Photographs and video"), lambda r, t: t.yes if r.consent_photos else t.no, width=10),
    Column(_("Sharing with the partner associations"), lambda r, t: t.yes if r.consent_sharing else t.no, width=10),
    Column(_("Registered"), lambda r, t: t.date(r.created), raw=lambda r: r.created),
    Column(_("E-mail confirmed"), lambda r, t: t.date(r.confirmed_at), raw=lambda r: r.confirmed_at),
]


def export_queryset(registrations: QuerySet[Registration], language: str) -> QuerySet[Registration]:
    """Sorted by surname in the reader's language, with the seats fetched alongside (the portal's list page)."""
    seats = Prefetch("seats", queryset=Seat.objects.select_related("part").exclude(status=Seat.Status.CANCELLED))
    return by_surname(registrations, language).prefetch_related(seats)


def _parts(registration_ids: list[int], texts: Texts) -> tuple[dict[int, str], dict[int, str]]:
    """Each registration's active seats in the programme's order, as one text, and the parts it was checked
    in for with the time: one query for a chunk of registrations (and one more for the names the first time
    a part appears)."""
    seats = Seat.objects.filter(registration_id__in=registration_ids).exclude(status=Seat.Status.CANCELLED)
    found = list(seats.values_list("registration_id", "part_id", "status", "checked_in_at"))
    unnamed = {part_id for _, part_id, _, _ in found} - texts.part_names.keys()
    if unnamed:
        texts.part_names.update((part.pk, part.name) for part in Part.objects.filter(pk__in=unnamed))
    parts, checkins = defaultdict(list), defaultdict(list)
    for registration_id, part_id, status, checked_in_at in found:
        parts[registration_id].append(f"{texts.part_names[part_id]}: {texts.seat_statuses.get(status, status)}")
        if checked_in_at:
            checkins[registration_id].append(f"{texts.part_names[part_id]}: {texts.date(checked_in_at)}")
    return (
        {registration_id: "; ".join(names) for registration_id, names in parts.items()},
        {registration_id: "; ".join(times) for registration_id, times in checkins.items()},
    )


def _local(value: datetime | None) -> datetime | None:
    """A real date for a spreadsheet: local time, without a zone (XLSX knows none)."""
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def rows(
    registrations: QuerySet[Registration],
    *,
    language: str,
    columns_for: Callable[[ExportRow], list[Column]] | None = None,
    columns: list[Column] = FULL_COLUMNS,
    typed: bool = False,
) -> Iterator[list]:
    """One list of cell texts per registration, by surname and in the reader's `language` (a streamed export
    is written after the view returns, so the language is set here). `columns_for` chooses the columns row
    by row among a few fixed lists (the partner portal shows its own country in full and the others in
    summary); missing cells are left empty. With `typed`, date columns hold datetimes (for XLSX)."""
    with translation.override(language):
        texts = active_texts()
        # id(chosen) -> (chosen, a value function per column); keeping `chosen` keeps its id from being reused.
        layouts: dict[int, tuple[list[Column], list[Callable[[ExportRow, Texts], str]]]] = {}
        found = by_surname(registrations, language).values_list(*REGISTRATION_FIELDS)
        for chunk in itertools.batched(found.iterator(chunk_size=CHUNK), CHUNK):
            parts, checkins = _parts([values[0] for values in chunk], texts)
            for values in chunk:
                row = ExportRow(*values, parts.get(values[0], ""), checkins.get(values[0], ""))
                chosen = columns_for(row) if columns_for else columns
                layout = layouts.get(id(chosen))
                if layout is None:
                    shown = {id(column) for column in chosen}
                    cells = [
                        (_typed(column) if typed and column.raw else column.value) if id(column) in shown else _blank
                        for column in columns
                    ]
                    layout = layouts[id(chosen)] = (chosen, cells)
                yield [value(row, texts) for value in layout[1]]


def _typed(column: Column) -> Callable[[ExportRow, Texts], datetime | None]:
    return lambda row, texts: _local(column.raw(row))


def header(columns: list[Column]) -> list[str]:
    return [str(column.label) for column in columns]


def widths(columns: list[Column]) -> list[int]:
    return [column.width for column in columns]


def _take(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def csv_lines(header_row: list[str], data: Iterable[list[str]], *, delimiter: str = ",") -> Iterator[str]:
    """RFC 4180: comma, CRLF, quotes doubled; the BOM lets Excel read UTF-8 (diacritics) correctly. Czech
    (and Slovak, Polish, Hungarian) Excel expects a semicolon: with `delimiter=";"` a double-click opens it
    in columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", delimiter=delimiter)
    buffer.write("\ufeff")
    writer.writerow(header_row)
    for chunk in itertools.batched(data, CHUNK):
        writer.writerows([[neutralise(cell) for cell in row] for row in chunk])
        yield _take(buffer)
    if rest := _take(buffer):  # the header of an empty list
        yield rest


def csv_response(
    *, filename: str, header_row: list[str], data: Iterable[list[str]], for_excel: bool = False
) -> StreamingHttpResponse:
    """The standard CSV, or with `for_excel` the one Excel in the partners' languages opens by double-click
    (semicolons; its name says so)."""
    lines = csv_lines(header_row, data, delimiter=";" if for_excel else ",")
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    name = f"{filename}-excel" if for_excel else filename
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return make_private(response)


def export_filename(*, event=None, part: Part | None = None, what: str = "participants") -> str:
    """ "olomouc-2023-study-tour-participants-2026-12-01": the event, the part if one was chosen, the date."""
    pieces = [event.slug if event else "", slugify(part.name) if part else "", what, timezone.localdate().isoformat()]
    return "-".join(piece for piece in pieces if piece)


def xlsx_response(
    *, filename: str, header_row: list[str], data: Iterable[list], widths: list[int] | None = None
) -> FileResponse:
    """openpyxl's write-only mode writes rows to disk as they come; the file is then streamed. A bold header
    that stays in view, filters on every column, column widths, and dates as real dates."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths or [18] * len(header_row), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header_cells = []
    for label in header_row:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for row in data:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            else:
                cell.data_type = "s"  # always text: a value starting with "=" must never become a formula
            cells.append(cell)
        sheet.append(cells)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(header_row), 1))}{count + 1}"
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after streaming
    workbook.save(handle)
    handle.seek(0)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return make_private(response)
