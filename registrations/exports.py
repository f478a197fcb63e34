"""Participant lists as CSV and XLSX, streamed row by row so 10,000 rows need no more memory than 100.

Spreadsheet programs run a cell that starts with =, +, -, @, tab or carriage return as a formula
("formula injection"); every text cell is neutralised: CSV gets a leading apostrophe, XLSX stores text.
"""

import csv
import functools
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from .collation import by_surname
from .models import RegistrantCountry, Registration, Seat

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500


def neutralise(value: str) -> str:
    """A text cell a spreadsheet will show as text, never run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


@dataclass(frozen=True)
class Column:
    label: Promise
    value: Callable[[Registration, str], str]


@functools.cache
def _choice_labels(choices: type, language: str) -> dict[str, str]:
    return {value: str(label) for value, label in choices.choices}


def _label(choices: type, value: str) -> str:
    """A choice's label in the active language. `get_FOO_display()` hashes every lazy label on each call,
    which was most of the time of a 10,000-row export; the labels are looked up once per language."""
    return _choice_labels(choices, get_language()).get(value, value)


def _parts(registration: Registration, language: str) -> str:
    return "; ".join(f"{seat.part.name}: {_label(Seat.Status, seat.status)}" for seat in registration.seats.all())


def _date(value) -> str:
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""


def _yes_no(value: bool) -> str:
    return str(_("yes") if value else _("no"))


def _diet(registration: Registration, language: str) -> str:
    diet = _label(Registration.Diet, registration.diet)
    return f"{diet}: {registration.diet_other}" if registration.diet_other else diet


# What a partner association sees of another country's registrant (who consented to sharing).
SUMMARY_COLUMNS = [
    Column(_("Last name"), lambda r, lang: r.last_name),
    Column(_("First name"), lambda r, lang: r.first_name),
    Column(_("Organisation"), lambda r, lang: r.organisation),
    Column(_("Country"), lambda r, lang: _label(RegistrantCountry, r.country)),
    Column(_("Parts of the programme"), _parts),
]
# Everything the organisers and the registrant's own partner association see.
FULL_COLUMNS = [
    *SUMMARY_COLUMNS[:3],
    Column(_("Position"), lambda r, lang: r.position),
    *SUMMARY_COLUMNS[3:],
    Column(_("E-mail"), lambda r, lang: r.email),
    Column(_("Phone"), lambda r, lang: r.phone),
    Column(_("Language"), lambda r, lang: r.language),
    Column(_("Dietary requirements"), _diet),
    Column(_("Accessibility needs"), lambda r, lang: r.accessibility_needs),
    Column(_("Note"), lambda r, lang: r.note),
    Column(_("Photographs and video"), lambda r, lang: _yes_no(r.consent_photos)),
    Column(_("Sharing with the partner associations"), lambda r, lang: _yes_no(r.consent_sharing)),
    Column(_("Registered"), lambda r, lang: _date(r.created)),
    Column(_("E-mail confirmed"), lambda r, lang: _date(r.confirmed_at)),
]


def export_queryset(registrations: QuerySet[Registration], language: str) -> QuerySet[Registration]:
    """Sorted by surname in the reader's language, with the seats fetched alongside, chunk by chunk."""
    seats = Prefetch("seats", queryset=Seat.objects.select_related("part").exclude(status=Seat.Status.CANCELLED))
    return by_surname(registrations, language).prefetch_related(seats)


def rows(
    registrations: QuerySet[Registration],
    *,
    language: str,
    columns_for: Callable[[Registration], list[Column]] | None = None,
    columns: list[Column] = FULL_COLUMNS,
) -> Iterator[list[str]]:
    """One list of cell texts per registration. `columns_for` chooses the columns row by row (the partner
    portal shows its own country in full and the others in summary); missing cells are left empty."""
    for registration in export_queryset(registrations, language).iterator(chunk_size=CHUNK):
        chosen = columns_for(registration) if columns_for else columns
        shown = {id(column) for column in chosen}
        yield [column.value(registration, language) if id(column) in shown else "" for column in columns]


def header(columns: list[Column]) -> list[str]:
    return [str(column.label) for column in columns]


class _Line:
    """A file-like object whose write() returns the line, so csv.writer feeds a streaming response."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header_row: list[str], data: Iterable[list[str]]) -> Iterator[str]:
    # RFC 4180: comma, CRLF, quotes doubled; the BOM lets Excel read UTF-8 (diacritics) correctly.
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(header_row)
    for row in data:
        yield writer.writerow([neutralise(cell) for cell in row])


def csv_response(*, filename: str, header_row: list[str], data: Iterable[list[str]]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(header_row, data), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response["Cache-Control"] = "no-store"
    return response


def xlsx_response(*, filename: str, header_row: list[str], data: Iterable[list[str]]) -> FileResponse:
    """openpyxl's write-only mode writes rows to disk as they come; the file is then streamed."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(header_row)
    for row in data:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # always text: a value starting with "=" must never become a formula
            cells.append(cell)
        sheet.append(cells)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after streaming
    workbook.save(handle)
    handle.seek(0)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Cache-Control"] = "no-store"
    return response
