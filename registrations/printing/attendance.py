"""The signed attendance sheets for the funder, one part (day) after another, as one PDF.

Input: `AttendanceSheet`s (below), one per part, with the people expected (`AttendanceRow`) in any order:
each sheet lists them by surname in the reader's alphabet (or by country, then surname), numbered, with a
column to sign in. Blank numbered rows at the end take walk-ins' names and signatures by hand. The table's
header repeats on every page, and each page's top names the event and the part it belongs to.

    pdf_bytes = attendance_sheets_pdf([seminar_sheet, tour_sheet], language="cs", blank_rows=5)
"""

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import formats, translation
from django.utils.translation import gettext

from .pdf import render_pdf
from .people import country_name, country_then_surname_order, name_in_order, surname_order


@dataclass(frozen=True)
class AttendanceRow:
    first_name: str
    last_name: str
    organisation: str = ""
    country: str = ""  # a RegistrantCountry code; OTHER or "" leaves the cell empty


@dataclass(frozen=True)
class AttendanceSheet:
    event_title: str  # in the sheet's language, as the part's name
    city: str
    part_name: str
    date: datetime.date
    rows: Sequence[AttendanceRow]


def css_string(text: str) -> str:
    """Text as a CSS string inside a <style> element: quotes and backslashes escaped, "<" written as a CSS
    escape (so no text can close the element), any line break a space."""
    quoted = re.sub(r'(["\\])', r"\\\1", re.sub(r"\s+", " ", text)).replace("<", "\\3c ")
    return f'"{quoted}"'


def page_numbers_css() -> str:
    """The CSS `content` of "Page 2 of 5" in the active language, the numbers counted by WeasyPrint."""
    text = gettext("Page %(page)s of %(pages)s")
    pieces = re.split(r"(%\(page\)s|%\(pages\)s)", text)
    counters = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}
    return " ".join(counters.get(piece) or css_string(piece) for piece in pieces if piece)


def attendance_sheets_pdf(
    sheets: Sequence[AttendanceSheet], *, language: str, by_country: bool = False, blank_rows: int = 0
) -> bytes:
    """Each sheet from a new page; names in the reader's order (Hungarian family name first)."""
    if not sheets:
        raise ValueError("No attendance sheet to print.")
    with translation.override(language):
        key = country_then_surname_order(language) if by_country else surname_order(language)
        date_format = formats.get_format("DATE_FORMAT")
        printed = [
            {
                "sheet": sheet,
                "day": formats.date_format(sheet.date, f"l {date_format}"),
                "rows": [
                    {
                        "name": name_in_order(row.first_name, row.last_name, language),
                        "organisation": row.organisation,
                        "country": country_name(row.country),
                    }
                    for row in sorted(sheet.rows, key=key)
                ],
                "blank_rows": range(len(sheet.rows) + 1, len(sheet.rows) + 1 + blank_rows),
            }
            for sheet in sheets
        ]
        return render_pdf(
            "registrations/printing/attendance_sheets.html",
            {"sheets": printed, "page_numbers": page_numbers_css()},
        )
