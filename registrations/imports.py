"""Several delegates at once: a table pasted from a spreadsheet, or a CSV or XLSX file, read into rows and
each row checked by the same form as one delegate (`forms.DelegateForm`), so the preview lists every row's
errors before anything is saved.

The columns, in this order: first name, last name, e-mail, organisation, position, language of the e-mails
(cs, sk, pl, hu or en; empty: the association's). A first row without an e-mail address is a header and is
skipped. The input is bounded: `MAX_ROWS` rows, `MAX_FILE_BYTES` per file, `MAX_TEXT_CHARS` pasted."""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from events.models import Event

from .forms import LANGUAGE_BY_COUNTRY, DelegateForm, PartChoiceField
from .models import Part

MAX_ROWS = 200
MAX_FILE_BYTES = 1_000_000
MAX_TEXT_CHARS = 100_000
COLUMNS = ("first_name", "last_name", "email", "organisation", "position", "language")


class TableError(ValueError):
    """The table as a whole cannot be read; the message is for the person importing it."""


@dataclass
class ImportRow:
    number: int  # as the person counts the lines of their table, from 1, header included
    values: dict
    errors: list[str] = field(default_factory=list)
    cleaned: dict | None = None


def table_from_text(text: str) -> list[list[str]]:
    """Rows of a pasted table: tabs (from a spreadsheet), else semicolons, else commas separate the cells."""
    if len(text) > MAX_TEXT_CHARS:
        raise TableError(gettext("The table is too long: at most %(count)d rows at once.") % {"count": MAX_ROWS})
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    delimiter = "\t" if "\t" in lines[0] else ";" if ";" in lines[0] else ","
    return [[cell.strip() for cell in row] for row in csv.reader(lines, delimiter=delimiter)]


def table_from_file(upload) -> list[list[str]]:
    """Rows of an uploaded CSV (UTF-8, with or without BOM) or XLSX file (its first sheet)."""
    if upload.size > MAX_FILE_BYTES:
        raise TableError(gettext("The file is too large: at most 1 MB."))
    content = upload.read(MAX_FILE_BYTES + 1)
    name = (upload.name or "").lower()
    if name.endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
            rows = []
            for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2):
                rows.append(["" if cell is None else str(cell).strip() for cell in row[: len(COLUMNS)]])
            return [row for row in rows if any(row)]
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as error:
            raise TableError(gettext("The file could not be read as an XLSX table.")) from error
    if name.endswith(".csv") or name.endswith(".txt"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise TableError(gettext("Please save the CSV file in UTF-8.")) from error
        return table_from_text(text)
    raise TableError(gettext("Please choose a CSV or XLSX file."))


def to_text(table: list[list[str]]) -> str:
    """The table as tab-separated text: what the preview carries to the next step."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for row in table:
        writer.writerow([" ".join(cell.split()) for cell in row])
    return out.getvalue()


def check_rows(table: list[list[str]], *, event: Event, country: str, parts: list) -> list[ImportRow]:
    """Each row checked as one delegate's form; duplicate addresses within the table are errors too."""
    first = 1
    if table and "@" not in (table[0][2] if len(table[0]) > 2 else ""):
        table, first = table[1:], 2
    if len(table) > MAX_ROWS:
        raise TableError(gettext("The table is too long: at most %(count)d rows at once.") % {"count": MAX_ROWS})
    default_language = LANGUAGE_BY_COUNTRY.get(country, settings.LANGUAGE_CODE)
    seen: dict[str, int] = {}
    rows = []
    for offset, cells in enumerate(table):
        values = dict(zip(COLUMNS, [*cells, *[""] * len(COLUMNS)], strict=False))
        row = ImportRow(number=first + offset, values=values)
        data = {**values, "language": values["language"].lower() or default_language, "parts": [p.pk for p in parts]}
        form = DelegateForm(data, event=event, country=country)
        if len(cells) > len(COLUMNS) and any(cells[len(COLUMNS) :]):
            row.errors.append(gettext("The row has more columns than the table knows."))
        if form.is_valid():
            row.cleaned = form.cleaned_data
            address = form.cleaned_data["email"].lower()
            if address in seen:
                row.errors.append(gettext("The same e-mail address is on row %(row)d.") % {"row": seen[address]})
            seen.setdefault(address, row.number)
        else:
            for name, messages in form.errors.items():
                label = form.fields[name].label if name in form.fields else ""
                row.errors.extend(f"{label}: {message}" if label else message for message in messages)
        rows.append(row)
    return rows


class ImportForm(forms.Form):
    """A pasted table or a file, and the parts every row registers for."""

    table = forms.CharField(
        label=_("Paste a table"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        help_text=_(
            "Columns: first name, last name, e-mail, organisation, position, language of the e-mails (cs, sk, pl, "
            "hu or en; empty: your country's). Copy the rows from a spreadsheet, or separate the cells with "
            "semicolons. At most 200 rows."
        ),
    )
    file = forms.FileField(
        label=_("Or choose a CSV or XLSX file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        help_text=_("The same columns; a first row with column names is skipped. At most 1 MB."),
    )
    parts = PartChoiceField(
        label=_("Parts of the programme"),
        queryset=Part.objects.none(),
        error_messages={"required": _("Please choose at least one part of the programme.")},
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parts"].queryset = Part.objects.filter(event=event).with_seat_counts()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("table", "").strip() and not cleaned.get("file"):
            raise forms.ValidationError(gettext("Please paste a table or choose a file."))
        try:
            upload = cleaned.get("file")
            cleaned["rows"] = table_from_file(upload) if upload else table_from_text(cleaned["table"])
        except TableError as error:
            raise forms.ValidationError(str(error)) from error
        if not cleaned["rows"]:
            raise forms.ValidationError(gettext("Please paste a table or choose a file."))
        return cleaned
