"""The site's real content in five languages, and `seed_content()`, which creates or updates it.

The content lives in `events/content/*.json`: partners, workshops, the Olomouc programme and the pages.
Every fact there comes from shared/facts.md; where a fact is unknown the field stays empty or the text
says that it will be announced. Terms follow shared/glossary.md. Translated fields are objects keyed by
language code; a long text is a list of blocks: a string is a paragraph (or a "## " heading), a nested
list is a bulleted list.

Safe on a live site (`manage.py load_content`): running it again changes nothing unless the content has
changed, and then only the fields staff have not edited since. Each object's loaded values are kept in
`LoadedContent`: a field is updated only while it still holds the value loaded last time; an object staff
have deleted is not brought back. A field of an object loaded before that record existed is only filled
when it is empty.
"""

import datetime
import json
from pathlib import Path

from django.db import models, transaction
from django.utils import translation
from modeltranslation.settings import DEFAULT_LANGUAGE

from .models import Event, LoadedContent, Page, Partner, ProgrammeItem

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


def _upsert(model: type[models.Model], record: dict, keys: tuple[str, ...]) -> models.Model | None:
    lookup = {key: record[key] for key in keys}
    values = _field_values({name: value for name, value in record.items() if name not in keys})
    return upsert_content(model, lookup, values)


def comparable(value):
    """A field's value as JSON stores it: related objects by key, dates as ISO text, instants in UTC."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


def _current(obj: models.Model, name: str):
    field = obj._meta.get_field(name)
    return getattr(obj, field.attname) if field.is_relation else comparable(getattr(obj, name))


def upsert_content(model: type[models.Model], lookup: dict, values: dict) -> models.Model | None:
    """Create the object, or update the fields staff have not changed since the last load (see above).
    Returns the object, or None for one that staff have deleted."""
    label = model._meta.label_lower
    key = "|".join(f"{name}={comparable(lookup[name])}" for name in sorted(lookup))
    offered = {name: comparable(value) for name, value in values.items()}
    record = LoadedContent.objects.filter(model=label, key=key).first()
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        if record is not None:
            return None  # loaded once and deleted by staff since
        obj = model.objects.create(**lookup, **values)
        LoadedContent.objects.create(model=label, key=key, values=offered)
        return obj
    loaded = record.values if record else {}
    baseline = dict(loaded)
    changed = {}
    for name, value in values.items():
        current = _current(obj, name)
        if current == offered[name]:
            baseline[name] = offered[name]
        elif (name in loaded and current == loaded[name]) or (name not in loaded and current in ("", None)):
            changed[name] = value
            baseline[name] = offered[name]
    if changed:
        for name, value in changed.items():
            setattr(obj, name, value)
        obj.save()
    if baseline != loaded:
        LoadedContent.objects.update_or_create(model=label, key=key, defaults={"values": baseline})
    return obj


def _seed_partners() -> dict[str, Partner]:
    return {record["code"]: _upsert(Partner, record, ("code",)) for record in load("partners")}


def _seed_events(partners: dict[str, Partner | None]) -> dict[str, Event | None]:
    events = {}
    for record in load("workshops"):
        events[record["slug"]] = _upsert(Event, {**record, "host": partners[record["host"]]}, ("slug",))
    return events


def _seed_programme(event: Event | None, items: list[dict]) -> None:
    if event is None:
        return
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
