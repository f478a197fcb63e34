"""Charts for the organisers' overview, drawn on the server as SVG: no JavaScript, printable, in the active
language, and readable without sight (a title and a description, and the same numbers as a table).

Each function takes plain numbers and returns a `Chart`; put it in a page with

    {% include "registrations/printing/chart.html" with chart=chart %}

which shows the SVG and, beside it, the table of its numbers. The SVG uses presentation attributes only
(no `style`), so the site's Content Security Policy lets it in inline, and it prints as drawn.

    cumulative_chart({date: new registrations that day}, start=opening day, end=last day)
    country_chart({"CZ": 34, "SK": 12, …}), diet_chart({"vegan": 3, …}), language_chart({"cs": 20, …})
    seats_chart([PartSeats(name, capacity, confirmed, waitlisted, confirmed_by_country=None), …])
    interpretation_chart([(part name, {"cs": 20, "en": 4, …}), …])
"""

import datetime
import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from .models import RegistrantCountry, Registration

PLAIN_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")  # the ids the SVG's parts are named by, and aria-labelledby
WIDTH = 640
FONT = 13  # px of the viewBox; the SVG scales to its column, the text with it
INK, QUIET, GRID = "#1a1a1a", "#555555", "#d0d0d0"
BLUE = "#00507d"
# Dark enough for white text, told apart by more than hue (and each named in the legend and the table).
COUNTRY_COLOURS = {"CZ": "#00507d", "SK": "#9e3a00", "PL": "#5e2f7a", "HU": "#005c44", "OTHER": "#6b6b6b"}
LANGUAGE_COLOURS = {"cs": "#00507d", "sk": "#9e3a00", "pl": "#5e2f7a", "hu": "#005c44", "en": "#6b6b6b"}


@dataclass(frozen=True)
class ChartTable:
    caption: str
    headings: list[str]  # the first names the rows' labels
    rows: list[tuple[str, list]]  # (label, one value per further heading)


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    svg: SafeString
    table: ChartTable


@dataclass(frozen=True)
class PartSeats:
    name: str
    capacity: int | None  # None: no limit
    confirmed: int
    waitlisted: int
    # RegistrantCountry code → confirmed seats, adding up to `confirmed` (OTHER included); all parts or none
    confirmed_by_country: Mapping[str, int] | None = None


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    fill: str
    outline: bool = False  # drawn as an outline (free seats), not filled
    hatched: bool = False  # filled with stripes (the waiting list), told apart in grey print too


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = FONT, fill: str = INK, **extra) -> str:
    attributes = "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in extra.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" text-anchor="{anchor}"{attributes}>'
        f"{escape(text)}</text>"
    )


def _svg(chart_id: str, title: str, description: str, height: float, body: list[str], defs: str = "") -> SafeString:
    if not PLAIN_ID.fullmatch(chart_id):
        raise ValueError(f"A chart id is a letter, then letters, digits or hyphens, not {chart_id!r}.")
    # Review note: every text and attribute value in it went through escape(); the id is a plain HTML id.
    return mark_safe(  # noqa: S308
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart__svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="inherit">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{defs}{''.join(body)}</svg>"
    )


def _nice_step(largest: int, ticks: int = 5) -> int:
    """1, 2, 5, 10, 20, 50…: a step that divides 0…largest into about `ticks` gridlines."""
    rough = max(largest, 1) / ticks
    power = 10 ** math.floor(math.log10(rough))
    return max(1, int(next(factor * power for factor in (1, 2, 5, 10) if factor * power >= rough)))


def _truncated(label: str, width: float, size: int = FONT) -> str:
    letters = max(int(width / (size * 0.56)), 4)
    return label if len(label) <= letters else label[: letters - 1].rstrip() + "…"


def _empty(chart_id: str, title: str, headings: list[str]) -> Chart:
    description = gettext("No data yet.")
    svg = _svg(chart_id, title, description, 48, [_text(0, 28, description, fill=QUIET)])
    return Chart(chart_id, title, description, svg, ChartTable(title, headings, []))


def cumulative_chart(
    daily: Mapping[datetime.date, int],
    *,
    start: datetime.date,
    end: datetime.date,
    chart_id: str = "chart-registrations-over-time",
) -> Chart:
    """Registrations in total on each day from `start` (registration opened) to `end` (today, or when it
    closed); `daily` holds the new ones per day, those before `start` count on its first day."""
    title = gettext("Registrations over time")
    headings = [gettext("Day"), gettext("New registrations"), gettext("In total")]
    if end < start:
        return _empty(chart_id, title, headings)
    days = [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]
    new = [sum(count for day, count in daily.items() if day <= start)] + [daily.get(day, 0) for day in days[1:]]
    totals = list(itertools.accumulate(new))
    day_label = formats.get_format("MONTH_DAY_FORMAT")
    labels = [formats.date_format(day, day_label) for day in days]
    long_label = formats.get_format("DATE_FORMAT")
    description = ngettext(
        "%(count)s registration in total from %(start)s to %(end)s.",
        "%(count)s registrations in total from %(start)s to %(end)s.",
        totals[-1],
    ) % {
        "count": totals[-1],
        "start": formats.date_format(start, long_label),
        "end": formats.date_format(end, long_label),
    }
    height, left, right, top, bottom = 270, 44, 24, 26, 36
    plot_width, plot_height = WIDTH - left - right, height - top - bottom
    step = _nice_step(totals[-1])
    ceiling = max(step * math.ceil(max(totals[-1], 1) / step), step)

    def x(index: int) -> float:
        return left + (plot_width * index / (len(days) - 1) if len(days) > 1 else plot_width / 2)

    def y(value: int) -> float:
        return top + plot_height * (1 - value / ceiling)

    body = []
    for value in range(0, ceiling + 1, step):
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="{GRID}"/>')
        body.append(_text(left - 6, y(value) + 4, str(value), anchor="end", size=11, fill=QUIET))
    shown = sorted({round(n * (len(days) - 1) / 5) for n in range(6)}) if len(days) > 6 else range(len(days))
    for index in shown:
        body.append(_text(x(index), height - 12, labels[index], anchor="middle", size=11, fill=QUIET))
    points = " ".join(f"{x(n):.1f},{y(total):.1f}" for n, total in enumerate(totals))
    area = f"{x(0):.1f},{y(0):.1f} {points} {x(len(days) - 1):.1f},{y(0):.1f}"
    body.append(f'<polygon points="{area}" fill="{BLUE}" fill-opacity="0.15"/>')
    body.append(f'<polyline points="{points}" fill="none" stroke="{BLUE}" stroke-width="2.5"/>')
    body.append(_text(x(len(days) - 1), y(totals[-1]) - 8, str(totals[-1]), anchor="end", font_weight="bold"))
    table = ChartTable(
        title, headings, [(label, [n, total]) for label, n, total in zip(labels, new, totals, strict=True)]
    )
    return Chart(chart_id, title, description, _svg(chart_id, title, description, height, body), table)


def bar_chart(rows: Sequence[tuple[str, int]], *, title: str, heading: str, chart_id: str) -> Chart:
    """Horizontal bars, one per (label, count), in the order given; the count at the end of each bar."""
    headings = [heading, gettext("Number of people")]
    if not rows:
        return _empty(chart_id, title, headings)
    total = sum(count for _, count in rows)
    label, count = max(rows, key=lambda row: row[1])
    description = gettext("Total: %(total)s. The most: %(label)s (%(count)s).") % {
        "total": total,
        "label": label,
        "count": count,
    }
    label_width = min(200, max(len(label) for label, _ in rows) * FONT * 0.56 + 8)
    bar_left, bar_room, row_height = label_width + 8, WIDTH - label_width - 8 - 48, 28
    largest = max(max(count for _, count in rows), 1)
    body = []
    for index, (label, count) in enumerate(rows):
        top = index * row_height + 4
        width = bar_room * count / largest
        body.append(f"<g><title>{escape(label)}: {count}</title>")
        body.append(_text(label_width, top + 15, _truncated(label, label_width), anchor="end"))
        body.append(f'<rect x="{bar_left:.1f}" y="{top}" width="{width:.1f}" height="20" fill="{BLUE}"/>')
        body.append(_text(bar_left + width + 6, top + 15, str(count), font_weight="bold"))
        body.append("</g>")
    height = len(rows) * row_height + 8
    table = ChartTable(title, headings, [(label, [count]) for label, count in rows])
    return Chart(chart_id, title, description, _svg(chart_id, title, description, height, body), table)


def _by_count(counts: Mapping[str, int], labels: Mapping[str, str]) -> list[tuple[str, int]]:
    rows = [(capfirst(str(labels.get(code, code))), count) for code, count in counts.items() if count]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def country_chart(counts: Mapping[str, int], *, chart_id: str = "chart-countries", title: str = "") -> Chart:
    """Registrations per country: RegistrantCountry code → count."""
    return bar_chart(
        _by_count(counts, dict(RegistrantCountry.choices)),
        title=title or gettext("Active registrations per country"),
        heading=gettext("Country"),
        chart_id=chart_id,
    )


def diet_chart(counts: Mapping[str, int], *, chart_id: str = "chart-diets", title: str = "") -> Chart:
    """Dietary requirements: Registration.Diet value → count (one chart per part: give each its id)."""
    return bar_chart(
        _by_count(counts, dict(Registration.Diet.choices)),
        title=title or gettext("Catering: dietary requirements of confirmed participants"),
        heading=gettext("Dietary requirements"),
        chart_id=chart_id,
    )


def language_chart(counts: Mapping[str, int], *, chart_id: str = "chart-languages", title: str = "") -> Chart:
    """Registrations per language (cs, sk, pl, hu, en), each language in its own name as the site lists it."""
    return bar_chart(
        _by_count(counts, dict(settings.LANGUAGES)),
        title=title or gettext("Active registrations per language"),
        heading=gettext("Language"),
        chart_id=chart_id,
    )


def _legend(segments: Sequence[Segment], chart_id: str) -> tuple[list[str], float]:
    body, x = [], 0.0
    for segment in segments:
        body.append(_swatch(x, 2, 14, 14, segment, chart_id))
        body.append(_text(x + 20, 14, segment.label, size=12))
        x += 20 + len(segment.label) * 12 * 0.56 + 18
    return body, 28


def _swatch(x: float, y: float, width: float, height: float, segment: Segment, chart_id: str) -> str:
    if segment.outline:
        return (
            f'<rect x="{x + 0.75:.1f}" y="{y + 0.75:.1f}" width="{max(width - 1.5, 0):.1f}" '
            f'height="{height - 1.5:.1f}" fill="#ffffff" stroke="{segment.fill}" stroke-width="1.5"/>'
        )
    fill = f"url(#{chart_id}-{segment.key}-stripes)" if segment.hatched else segment.fill
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{fill}"/>'


def _stripes(chart_id: str, segments: Sequence[Segment]) -> str:
    patterns = "".join(
        f'<pattern id="{chart_id}-{segment.key}-stripes" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<rect width="3" height="6" fill="{segment.fill}"/></pattern>'
        for segment in segments
        if segment.hatched
    )
    return f"<defs>{patterns}</defs>" if patterns else ""


def stacked_chart(
    rows: Sequence[tuple[str, Mapping[str, int]]],
    segments: Sequence[Segment],
    *,
    title: str,
    description: str,
    chart_id: str,
    headings: list[str],
    table_rows: list[tuple[str, list]],
) -> Chart:
    """One horizontal bar per row, made of its segments in the given order, each labelled with its number
    where it is wide enough; a legend above."""
    legend, legend_height = _legend(segments, chart_id)
    label_width = min(200, max(len(label) for label, _ in rows) * FONT * 0.56 + 8)
    bar_left, bar_room, row_height = label_width + 8, WIDTH - label_width - 8 - 8, 34
    largest = max(max(sum(values.values()) for _, values in rows), 1)
    body = list(legend)
    for index, (label, values) in enumerate(rows):
        top = legend_height + 8 + index * row_height
        body.append(_text(label_width, top + 17, _truncated(label, label_width), anchor="end"))
        x = bar_left
        for segment in segments:
            count = values.get(segment.key, 0)
            if not count:
                continue
            width = bar_room * count / largest
            body.append(f"<g><title>{escape(label)} – {escape(segment.label)}: {count}</title>")
            body.append(_swatch(x, top, width, 24, segment, chart_id))
            if width >= 8 * len(str(count)) + 6:
                on_fill = segment.outline or segment.hatched
                colour = INK if on_fill else "#ffffff"
                body.append(
                    _text(x + width / 2, top + 17, str(count), anchor="middle", fill=colour, font_weight="bold")
                )
            body.append("</g>")
            x += width
    height = legend_height + 8 + len(rows) * row_height
    svg = _svg(chart_id, title, description, height, body, defs=_stripes(chart_id, segments))
    return Chart(chart_id, title, description, svg, ChartTable(title, headings, table_rows))


def seats_chart(parts: Sequence[PartSeats], *, chart_id: str = "chart-seats", title: str = "") -> Chart:
    """Per part: confirmed (per country where given), free seats, the waiting list."""
    title = title or gettext("Seats per part of the programme")
    by_country = all(part.confirmed_by_country is not None for part in parts) and any(
        part.confirmed_by_country for part in parts
    )
    countries = [c for c in COUNTRY_COLOURS if by_country and any(p.confirmed_by_country.get(c) for p in parts)]
    country_labels = {code: capfirst(str(label)) for code, label in RegistrantCountry.choices}
    confirmed = [Segment(code, country_labels[code], COUNTRY_COLOURS[code]) for code in countries] or [
        Segment("confirmed", gettext("Confirmed"), BLUE)
    ]
    segments = [
        *confirmed,
        Segment("free", gettext("Free"), BLUE, outline=True),
        Segment("waitlisted", gettext("Waiting list"), "#9e3a00", hatched=True),
    ]
    headings = [gettext("Part of the programme"), gettext("Capacity"), gettext("Confirmed")]
    headings += [country_labels[code] for code in countries] if by_country else []
    headings += [gettext("Free"), gettext("Waiting list")]
    if not parts:
        return _empty(chart_id, title, headings)
    rows, table_rows, sentences = [], [], []
    for part in parts:
        free = None if part.capacity is None else max(part.capacity - part.confirmed, 0)
        values = dict(part.confirmed_by_country or {}) if by_country else {"confirmed": part.confirmed}
        rows.append((part.name, {**values, "free": free or 0, "waitlisted": part.waitlisted}))
        numbers = {"part": part.name, "confirmed": part.confirmed, "waiting": part.waitlisted}
        if free is None:
            no_limit = gettext("no limit")
            sentence = gettext("“%(part)s”: confirmed %(confirmed)s (no limit); waiting list: %(waiting)s.")
            table_rows.append((part.name, [no_limit, part.confirmed, *_per_country(part, countries), no_limit]))
        else:
            numbers |= {"capacity": part.capacity, "free": free}
            sentence = gettext(
                "“%(part)s”: confirmed %(confirmed)s of %(capacity)s; free: %(free)s; waiting list: %(waiting)s."
            )
            table_rows.append((part.name, [part.capacity, part.confirmed, *_per_country(part, countries), free]))
        table_rows[-1][1].append(part.waitlisted)
        sentences.append(sentence % numbers)
    return stacked_chart(
        rows,
        segments,
        title=title,
        description=" ".join(sentences),
        chart_id=chart_id,
        headings=headings,
        table_rows=table_rows,
    )


def _per_country(part: PartSeats, countries: list[str]) -> list[int]:
    return [(part.confirmed_by_country or {}).get(code, 0) for code in countries]


def interpretation_chart(
    parts: Sequence[tuple[str, Mapping[str, int]]], *, chart_id: str = "chart-interpretation"
) -> Chart:
    """Per part (day): how many follow it in each language (cs, sk, pl, hu, en), so interpreters are booked."""
    title = gettext("Interpretation: participants per language")
    languages = dict(settings.LANGUAGES)
    used = [code for code in languages if any(counts.get(code) for _, counts in parts)]
    headings = [gettext("Part of the programme"), *(languages[code] for code in used), gettext("In total")]
    if not used:
        return _empty(chart_id, title, headings)
    segments = [Segment(code, languages[code], LANGUAGE_COLOURS[code]) for code in used]
    sentences = [
        gettext("“%(part)s”: %(counts)s.")
        % {"part": name, "counts": ", ".join(f"{languages[code]} {counts.get(code, 0)}" for code in used)}
        for name, counts in parts
    ]
    table_rows = [
        (name, [*(counts.get(code, 0) for code in used), sum(counts.get(code, 0) for code in used)])
        for name, counts in parts
    ]
    return stacked_chart(
        list(parts),
        segments,
        title=title,
        description=" ".join(sentences),
        chart_id=chart_id,
        headings=headings,
        table_rows=table_rows,
    )
