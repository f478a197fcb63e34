"""Placeholders in the organisers' texts: `{name}`, `{event}`, `{parts}`, `{link}` … A text is checked when it is
saved (an unknown or malformed placeholder is refused with a message naming it) and filled in when each
e-mail is built, in the registrant's language. Values are plain text; the HTML part escapes them."""

import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import date_format, time_format
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PLACEHOLDERS = {
    "name": gettext_lazy("the registrant's name, in the order of their language"),
    "first_name": gettext_lazy("first name"),
    "last_name": gettext_lazy("last name"),
    "event": gettext_lazy("the event's title"),
    "parts": gettext_lazy("the registrant's parts of the programme, each with its date, time and place"),
    "link": gettext_lazy("the registrant's private link"),
}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
FALLBACK_LANGUAGE = "en"


def placeholders_used(text: str) -> set[str]:
    """The placeholders in `text`; ValidationError for an unknown one, a format, or a lone brace."""
    used = set()
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise ValidationError(
            _("A brace has no pair. Write placeholders as {name}; for a brace itself, write {{ or }}.")
        ) from error
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if field not in PLACEHOLDERS or spec or conversion:
            known = ", ".join(f"{{{key}}}" for key in PLACEHOLDERS)
            raise ValidationError(
                _("Unknown placeholder {%(placeholder)s}. You can use: %(known)s."),
                params={
                    "placeholder": field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""),
                    "known": known,
                },
            )
        used.add(field)
    return used


def check_text(value: str) -> None:
    """A validator for a subject or a body."""
    placeholders_used(value)


def part_line(part) -> str:
    """A part with its date, its time and its meeting place, in the active language."""
    pieces = [part.name, date_format(part.date, "DATE_FORMAT")]
    start, end = getattr(part, "start_time", None), getattr(part, "end_time", None)
    if start and end:
        pieces.append(f"{time_format(start, 'TIME_FORMAT')}–{time_format(end, 'TIME_FORMAT')}")
    elif start:
        pieces.append(time_format(start, "TIME_FORMAT"))
    place = getattr(part, "meeting_place", "")
    if place:
        pieces.append(place)
    return ", ".join(pieces)


def values(registration, *, parts, link: str) -> dict[str, str]:
    """What each placeholder stands for, for this registrant, in the active language."""
    return {
        "name": registration.full_name(registration.language),
        "first_name": registration.first_name,
        "last_name": registration.last_name,
        "event": registration.event.title,
        "parts": "\n".join(f"- {part_line(part)}" for part in parts),
        "link": link,
    }


def fill_text(text: str, filled: dict[str, str]) -> str:
    return text.format_map(filled)


def fill_html(text: str, filled: dict[str, str]) -> SafeString:
    """The text as paragraphs, escaped; the link becomes a link."""
    escaped = {key: escape(value) for key, value in filled.items()}
    if filled.get("link"):
        escaped["link"] = format_html('<a href="{}" style="color:#1d3f8f;">{}</a>', filled["link"], filled["link"])
    # Review note: escape first, then fill: the braces survive escaping, and the values are escaped on their own.
    return mark_safe(linebreaks(escape(text).format_map(escaped)))  # noqa: S308 - every piece is escaped above


def text_in(obj, field: str, language: str) -> tuple[str, str]:
    """The text of `field` in `language`, else in English: (text, language it is in)."""
    own = getattr(obj, f"{field}_{language}", "") or ""
    if own.strip():
        return own, language
    return getattr(obj, f"{field}_{FALLBACK_LANGUAGE}", "") or "", FALLBACK_LANGUAGE
