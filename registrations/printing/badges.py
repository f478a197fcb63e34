"""Name badges as a print-ready PDF.

Input: `Badge` rows (below), one per person, in any order (`sort_badges` puts them in the reader's order),
a `Layout` key from `LAYOUTS`, and the badge language (country names and the project's and the funder's
names are printed in it; each person's name keeps the order of their own language).

    pdf_bytes = badges_pdf(badges, layout="a4-4xa6", language="cs", event_title="Mezinárodní seminář…")

Layouts (millimetres, A4 = 210 × 297):
    "a6"       one badge per A6 page, 105 × 148, for printers that take A6 card
    "a4-4xa6"  4 badges of 105 × 148.5 (a quarter of A4) on A4, with cut marks
    "a4-8xa7"  8 badges of 105 × 74.25 (an eighth of A4, landscape A7) on A4, with cut marks
    "l7165"    Avery L7165 labels: 8 per A4, 2 × 4, 99.1 × 67.7, first label at 4.65 / 13.1, pitch 101.6 × 67.7
    "l7163"    Avery L7163 labels: 14 per A4, 2 × 7, 99.1 × 38.1, first label at 4.65 / 15.15, pitch 101.6 × 38.1

The door QR code is made while the badge is rendered (codes.py).
"""

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..models import ParticipantRole
from .codes import qr_url
from .pdf import mm, render_pdf_side_by_side, side_by_side_processes
from .people import country_name, country_then_surname_order, name_in_order, surname_order


@dataclass(frozen=True)
class Badge:
    """One person's badge. `language` is the person's own (Registration.language): it sets the order of the
    name, Hungarian family name first; the badge's text is in the language `badges_pdf` is given."""

    first_name: str
    last_name: str
    language: str = ""
    organisation: str = ""
    country: str = ""  # a RegistrantCountry code: CZ, SK, PL, HU; OTHER or "" prints no country
    role: str = ""  # a ParticipantRole value, or "" for a participant
    checkin_url: str = ""  # what the door QR code holds (attachments.checkin_url); "" prints no code


@dataclass(frozen=True)
class Layout:
    key: str
    label: str
    page: tuple[float, float]  # width, height (mm)
    badge: tuple[float, float]
    columns: int
    rows: int
    style: str  # "portrait", "landscape" or "strip": how a badge of that size is laid out
    first: tuple[float, float] = (0, 0)  # the top left corner of the first badge
    pitch: tuple[float, float] | None = None  # from one badge's corner to the next; the badge's size if None
    cut_marks: bool = False

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def slots(self) -> list[tuple[float, float]]:
        """Each badge's top left corner on a page, row by row."""
        step_x, step_y = self.pitch or self.badge
        return [
            (self.first[0] + column * step_x, self.first[1] + row * step_y)
            for row in range(self.rows)
            for column in range(self.columns)
        ]

    def cut_marks_lines(self, tick: tuple[float, float] = (3, 8), cross: float = 3) -> list[tuple[float, ...]]:
        """(left, top, width, height) of each mark: ticks on the cut lines near the paper's edges, starting
        `tick[0]` mm in (printers leave the outermost millimetres blank), and a small cross where two cut
        lines meet. Badges tile the sheet, so the cut lines are the lines between them."""
        if not self.cut_marks:
            return []
        width, height = self.page
        xs = [self.first[0] + column * self.badge[0] for column in range(1, self.columns)]
        ys = [self.first[1] + row * self.badge[1] for row in range(1, self.rows)]
        start, end = tick
        lines = []
        for x in xs:
            lines += [(x, start, 0, end - start), (x, height - end, 0, end - start)]
        for y in ys:
            lines += [(start, y, end - start, 0), (width - end, y, end - start, 0)]
        for x, y in itertools.product(xs, ys):
            lines += [(x - cross, y, 2 * cross, 0), (x, y - cross, 0, 2 * cross)]
        return lines


A4 = (210, 297)
LAYOUTS = {
    layout.key: layout
    for layout in (
        Layout("a6", _("One badge per A6 page"), page=(105, 148), badge=(105, 148), columns=1, rows=1,
               style="portrait"),
        Layout("a4-4xa6", _("4 badges A6 on A4, with cut marks"), page=A4, badge=(105, 148.5), columns=2, rows=2,
               style="portrait", cut_marks=True),
        Layout("a4-8xa7", _("8 badges A7 on A4, with cut marks"), page=A4, badge=(105, 74.25), columns=2, rows=4,
               style="landscape", cut_marks=True),
        Layout("l7165", _("Labels Avery L7165 (8 per A4, 99.1 × 67.7 mm)"), page=A4, badge=(99.1, 67.7), columns=2,
               rows=4, style="landscape", first=(4.65, 13.1), pitch=(101.6, 67.7)),
        Layout("l7163", _("Labels Avery L7163 (14 per A4, 99.1 × 38.1 mm)"), page=A4, badge=(99.1, 38.1),
               columns=2, rows=7, style="strip", first=(4.65, 15.15), pitch=(101.6, 38.1)),
    )
}  # fmt: skip

# How large a name may be set in each style: (largest and smallest size in points, width of the name in mm,
# on how many lines at most).
NAME_SIZES = {"portrait": (28, 14, 89, 3), "landscape": (20, 10, 64, 2), "strip": (14, 8, 60, 1)}
# Noto Sans Bold is on average a little under 0.64 em wide per letter of a name (capitals included).
LETTER_WIDTH_EM = 0.64
POINTS_PER_MM = 72 / 25.4


def _lines_needed(pieces: list[str], letters_per_line: float) -> int:
    """How many lines the name takes when broken as a browser does: as many pieces on a line as fit."""
    lines, used = 1, 0
    for piece in pieces:
        if used and used + len(piece.rstrip()) > letters_per_line:
            lines, used = lines + 1, 0
        used += len(piece)
    return lines


def name_size(name: str, style: str) -> str:
    """The largest point size (in half points) at which the name fits the badge's width on its lines."""
    largest, smallest, width, lines = NAME_SIZES[style]
    pieces = re.findall(r"[^\s-]+-?\s*", name) or [name]  # a double name may break after its hyphen
    size = largest
    while size > smallest:
        letters_per_line = width * POINTS_PER_MM / (LETTER_WIDTH_EM * size)
        longest = max(len(piece.rstrip()) for piece in pieces)
        fits = longest <= letters_per_line and (
            _lines_needed(pieces, letters_per_line) <= lines if lines > 1 else len(name) <= letters_per_line
        )
        if fits:
            break
        size -= 0.5
    return f"{size:.1f}pt"


def sort_badges(badges: Iterable[Badge], *, language: str, by_country: bool = False) -> list[Badge]:
    """By surname in the reader's alphabet (as `collation.by_surname`), or by country then surname."""
    with translation.override(language):
        key = country_then_surname_order(language) if by_country else surname_order(language)
        return sorted(badges, key=key)


def _printed(badge: Badge, style: str) -> dict:
    name = name_in_order(badge.first_name, badge.last_name, badge.language)
    role = ParticipantRole(badge.role) if badge.role else None
    return {
        "name": name,
        "name_size": name_size(name, style),
        "organisation": badge.organisation,
        "country": country_name(badge.country),
        "role": role.value if role else "",
        "role_label": role.label if role else "",
        "qr": qr_url(badge.checkin_url) if badge.checkin_url else "",
    }


# Badges for fewer people than this per CPU are made in one process (pdf.py's side by side): 60 take about a
# second, what starting a process and loading the fonts again would save.
SIDE_BY_SIDE_AT_LEAST = 60


def badges_pdf(badges: Sequence[Badge], *, layout: str, language: str, event_title: str = "") -> bytes:
    """The badges in the order given, `layout` one of LAYOUTS' keys, the text in `language`."""
    if not badges:
        raise ValueError("No badge to print.")
    chosen = LAYOUTS[layout]
    processes = side_by_side_processes(len(badges), at_least=SIDE_BY_SIDE_AT_LEAST)
    # Twice as many runs as processes, each of whole sheets: the first process starts on a quarter of the
    # badges while this one still prepares the rest.
    runs = 2 * processes if processes > 1 else 1
    sheets = -(-len(badges) // chosen.per_page)
    per_run = -(-sheets // runs) * chosen.per_page
    with translation.override(language):
        context = {
            "layout": chosen,
            "page_width": mm(chosen.page[0]),
            "page_height": mm(chosen.page[1]),
            "badge_width": mm(chosen.badge[0]),
            "badge_height": mm(chosen.badge[1]),
            "marks": [tuple(mm(value) for value in line) for line in chosen.cut_marks_lines()],
            "event_title": event_title,
        }
        contexts = (
            {**context, "sheets": _sheets(badges[start : start + per_run], chosen)}
            for start in range(0, len(badges), per_run)
        )
        return render_pdf_side_by_side("registrations/printing/badges.html", contexts, processes=processes)


def _sheets(badges: Sequence[Badge], layout: Layout) -> list[list[dict]]:
    """The badges as the template prints them, a list per sheet, each badge with its place on the sheet."""
    printed = [_printed(badge, layout.style) for badge in badges]
    return [
        [
            {"left": mm(left), "top": mm(top), **badge}
            for (left, top), badge in zip(layout.slots(), printed[start : start + layout.per_page], strict=False)
        ]
        for start in range(0, len(printed), layout.per_page)
    ]
