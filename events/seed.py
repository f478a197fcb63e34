"""The site's real content in five languages, and `seed_content()`, which creates or updates it.

The content lives in `events/content/*.json`: partners, workshops, the Olomouc programme and the pages.
Every fact there comes from shared/facts.md; where a fact is unknown the field stays empty or the text
says that it will be announced. Terms follow shared/glossary.md. Translated fields are objects keyed by
language code; a long text is a list of blocks: a string is a paragraph (or a "## " heading), a nested
list is a bulleted list. Running `seed_content()` again changes nothing unless the content has changed.
"""

import datetime
import json
from pathlib import Path

from django.db import models, transaction
from django.utils import translation
from modeltranslation.settings import DEFAULT_LANGUAGE

from .models import Event, Page, Partner, ProgrammeItem

LANGUAGES = ("cs", "sk", "pl", "hu", "en")
CONTENT = Path(__file__).resolve().parent / "content"
# JSON has no dates: these fields are written as ISO 8601 and read back as dates and times.
DATE_FIELDS = {"start_date", "end_date", "day"}
DATETIME_FIELDS = {"registration_opens", "registration_closes"}


def load(name: str) -> list[dict]:
    records = json.loads((CONTENT / f"{name}.json").read_text(encoding="utf-8"))
    return [{key: _typed(key, value) for key, value in record.items()} for record in records]


def _typed(key: str, value):
    if value is None:
        return None
    if key in DATE_FIELDS:
        return datetime.date.fromisoformat(value)
    if key in DATETIME_FIELDS:
        return datetime.datetime.fromisoformat(value)
    return value


def _as_text(value: str | list) -> str:
    """A list of blocks as the pages' plain-text format: paragraphs apart by blank lines, lists as "- "."""
    if isinstance(value, str):
        return value
    blocks = [block if isinstance(block, str) else "\n".join(f"- {item}" for item in block) for block in value]
    return "\n\n".join(blocks)


def _field_values(record: dict) -> dict:
    """Model field values: a {language: text} dict becomes `field_cs` … `field_en`; other values stay."""
    values = {}
    for name, value in record.items():
        if isinstance(value, dict):
            values.update({f"{name}_{language}": _as_text(value[language]) for language in LANGUAGES})
        else:
            values[name] = value
    return values


def _upsert(model: type[models.Model], record: dict, keys: tuple[str, ...]) -> models.Model:
    """Create the object, or update only the fields that differ, so a second run saves nothing."""
    lookup = {key: record[key] for key in keys}
    values = _field_values({name: value for name, value in record.items() if name not in keys})
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(obj, name, value)
        obj.save()
    return obj


def _seed_partners() -> dict[str, Partner]:
    return {record["code"]: _upsert(Partner, record, ("code",)) for record in load("partners")}


def _seed_events(partners: dict[str, Partner]) -> dict[str, Event]:
    events = {}
    for record in load("workshops"):
        events[record["slug"]] = _upsert(Event, {**record, "host": partners[record["host"]]}, ("slug",))
    return events


def _seed_programme(event: Event, items: list[dict]) -> None:
    for record in items:
        _upsert(ProgrammeItem, {**record, "event": event}, ("event", "day", "order"))


def _seed_pages() -> None:
    for record in load("pages"):
        _upsert(Page, record, ("slug",))


@transaction.atomic
def seed_content() -> None:
    """Create or update the partners, the four events, the Olomouc programme and the content pages."""
    # modeltranslation fills the untranslated column (`title`) from the active language: make that Czech.
    with translation.override(DEFAULT_LANGUAGE):
        partners = _seed_partners()
        events = _seed_events(partners)
        _seed_programme(events["olomouc-2023"], load("programme"))
        _seed_pages()
