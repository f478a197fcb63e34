"""Dates as each language writes them: 21.–22. června 2023, 2023. június 21–22., 21–22 June 2023."""

import datetime

from django.utils import dateformat, formats
from django.utils.translation import get_language, gettext

from .models import DatePrecision, Event

# How each language writes a span of days within one month: (first day, last day, separator).
SAME_MONTH_RANGES = {
    "cs": ("j.", "j. E Y", "–"),  # 21.–22. června 2023
    "sk": ("j.", "j. E Y", " – "),  # 21. – 22. júna 2023
    "pl": ("j", "j E Y", "–"),  # 21–22 czerwca 2023
    "hu": ("Y. F j", "j.", "–"),  # 2023. június 21–22.
    "en": ("j", "j F Y", "–"),  # 21–22 June 2023
}


def date_span(start: datetime.date, end: datetime.date | None = None) -> str:
    """21.–22. června 2023 in Czech, 2023. június 21.–22. in Hungarian; one day or two months in full."""
    date_format = formats.get_format("DATE_FORMAT")
    if end is None or end == start:
        return dateformat.format(start, date_format)
    if (start.year, start.month) == (end.year, end.month):
        first, last, separator = SAME_MONTH_RANGES.get(get_language(), SAME_MONTH_RANGES["en"])
        return f"{dateformat.format(start, first)}{separator}{dateformat.format(end, last)}"
    return f"{dateformat.format(start, date_format)} – {dateformat.format(end, date_format)}"


def event_dates(event: Event) -> str:
    if event.start_date is None or event.date_precision == DatePrecision.UNKNOWN:
        return gettext("Date not confirmed yet")
    if event.date_precision == DatePrecision.MONTH:
        return dateformat.format(event.start_date, formats.get_format("YEAR_MONTH_FORMAT"))
    return date_span(event.start_date, event.end_date)


def day_heading(day: datetime.date) -> str:
    """středa 21. června 2023; Hungarian names the weekday after the date: 2023. június 21., szerda."""
    weekday = dateformat.format(day, "l")
    if get_language() == "hu":
        return f"{date_span(day)}, {weekday}"
    return f"{weekday} {date_span(day)}" if get_language() in {"cs", "sk"} else f"{weekday}, {date_span(day)}"
