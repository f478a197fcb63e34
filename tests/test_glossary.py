"""Every message and every piece of content speaks as the glossary says (shared/glossary.md, its "Never" table).

No database and no browser: the catalogues (locale/*/LC_MESSAGES/*.po, Django's and the libraries' messages
included, see v4project/library_messages.py), the content (events/content/*.json) and the registration parts
(registrations/content.py) are read as files, so the check takes well under a second.
"""

import json
import re
from pathlib import Path

import polib
import pytest

from registrations.content import OLOMOUC_PARTS

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("cs", "sk", "pl", "hu", "en")
QUOTES = {"cs": ("„", "“"), "sk": ("„", "“"), "pl": ("„", "”"), "hu": ("„", "”"), "en": ("“", "”")}

# Wrong forms, per language ("all" applies to every language). Each is a regular expression and the reason.
NEVER = {
    "all": [
        (r"(?i)\bemails?\b", '"e-mail", never "email"'),
    ],
    "cs": [(r"(?i)\bsetkání\b", 'the four events are "workshopy", not "setkání"')],
    "sk": [
        (r"(?i)\bstretnut(?:ie|ia|í|iu|iach|iami)\b", 'the four events are "workshopy", not "stretnutia"'),
        (r"(?i)\bprezentáci\w*\b(?! účastník)", 'check-in is "prezentácia účastníkov", never bare "prezentácia"'),
    ],
    "pl": [
        (r"(?i)\bspotka(?:nie|nia|niu|niem|ń|niach|niami)\b", 'the four events are "warsztaty", not "spotkania"'),
        (r"\bOlomouc\b", 'the city is "Ołomuniec" in Polish (a Czech name in parentheses may keep "Olomouce")'),
        (r"\b(?:Twój|Twoj\w*|twój|twoj\w*|jesteś|masz|możesz|chcesz|Zapomniałeś|Widzisz)\b", 'no "ty": use "Państwo"'),
    ],
    "hu": [
        (r"Községeinek", 'SMO ČR is "a Cseh Köztársaság Városainak és Településeinek Szövetsége", one name'),
        (r"Települések Társulása", 'ZMOS is "Szlovákiai Városok és Falvak Szövetsége", one name'),
        (r"(?i)\btalálkozó\w*", 'the four events are "workshopok", not "találkozók"'),
        (r"(?i)\be-mail cím", '"e-mail-cím", with its second hyphen'),
        (r"(?i)\bvideófelvétel", '"videofelvétel", one spelling'),
    ],
    "en": [(r"(?i)\bmeetings?\b", 'the four events are "workshops", not "meetings"')],
}
# Informal Polish imperatives are fine on a button ("Zarejestruj się"), never in a sentence to the reader.
PL_INFORMAL_IN_SENTENCE = re.compile(
    r"\b(?:Wprowadź|Wybierz|Sprawdź|Wpisz|Podaj|Popraw|Upewnij się|Kliknij|Przytrzymaj)\b"
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}|%%")
TAG = re.compile(r"</?([a-z]+)[^>]*>")


def catalogue_entries():
    """(language, file name, msgid, msgstr) for every translation in every catalogue, plural forms apart."""
    for language in LANGUAGES:
        for path in sorted((ROOT / "locale" / language / "LC_MESSAGES").glob("*.po")):
            for entry in polib.pofile(str(path)):
                if entry.obsolete:
                    continue
                if entry.msgid_plural:
                    for index, text in sorted(entry.msgstr_plural.items()):
                        yield language, path.name, entry.msgid if index == 0 else entry.msgid_plural, text
                else:
                    yield language, path.name, entry.msgid, entry.msgstr


def content_texts():
    """(language, where, text) for every translated field of the content and of the registration parts."""

    def flatten(value):
        return [value] if isinstance(value, str) else [text for item in value for text in flatten(item)]

    for path in sorted((ROOT / "events" / "content").glob("*.json")):
        for number, record in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            for field, value in record.items():
                if isinstance(value, dict) and set(value) == set(LANGUAGES):
                    for language in LANGUAGES:
                        for text in flatten(value[language]):
                            yield language, f"{path.name}[{number}].{field}", text
    for number, part in enumerate(OLOMOUC_PARTS):
        for field in ("name", "description"):
            for language in LANGUAGES:
                yield language, f"seed.py part {number}.{field}", part[field][language]


def wrong_forms(language: str, text: str) -> list[str]:
    found = [reason for pattern, reason in NEVER["all"] + NEVER[language] if re.search(pattern, text)]
    unquoted = re.sub(r"„[^”]*”", "", text)  # a quoted button name ("„Wybierz”") is not an imperative
    if language == "pl" and text.rstrip().endswith((".", ":", "?")) and PL_INFORMAL_IN_SENTENCE.search(unquoted):
        found.append('no informal imperative in a sentence: "Prosimy…" or an impersonal form')
    return found


def test_every_message_avoids_the_glossarys_wrong_forms():
    problems = [
        f"{language} {name}: {msgid!r} → {msgstr!r}: {reason}"
        for language, name, msgid, msgstr in catalogue_entries()
        for reason in wrong_forms(language, msgstr)
    ]
    assert not problems, "\n".join(problems)


def test_every_content_field_avoids_the_glossarys_wrong_forms():
    problems = [
        f"{language} {where}: {text[:80]!r}…: {reason}"
        for language, where, text in content_texts()
        for reason in wrong_forms(language, text)
    ]
    assert not problems, "\n".join(problems)


def test_placeholders_and_html_tags_survive_translation():
    problems = []
    for language, name, msgid, msgstr in catalogue_entries():
        if not msgstr:
            continue
        theirs, ours = PLACEHOLDER.findall(msgid), PLACEHOLDER.findall(msgstr)
        # A plural form may leave the count out ("egy hely"), never add or lose another placeholder.
        count_left_out = set(ours) <= set(theirs) and re.search(r"%\(\w*count\w*\)d|%d", msgid)
        if sorted(theirs) != sorted(ours) and not count_left_out:
            problems.append(f"{language} {name}: placeholders of {msgid!r} → {msgstr!r}")
        if sorted(TAG.findall(msgid)) != sorted(TAG.findall(msgstr)):
            problems.append(f"{language} {name}: HTML tags of {msgid!r} → {msgstr!r}")
    assert not problems, "\n".join(problems)


def test_quoted_names_keep_their_quotes_in_each_languages_style():
    """An event's title never stands bare in a sentence: “…” in the English source, „…“ or „…” in translation."""
    problems = []
    for language, name, msgid, msgstr in catalogue_entries():
        opening, closing = QUOTES[language]
        for quoted in re.findall(r"“([^”]*)”", msgid):
            if PLACEHOLDER.fullmatch(quoted) and f"{opening}{quoted}{closing}" not in msgstr:
                problems.append(f"{language} {name}: {msgstr!r} should quote {quoted} as {opening}…{closing}")
        if msgstr.count(opening) != msgstr.count(closing) and opening != closing:
            problems.append(f"{language} {name}: unbalanced quotes in {msgstr!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["title", "part"])
def test_english_source_never_sets_a_title_bare_into_a_sentence(name):
    """The title ends a subject line ("Your registration: …") or is quoted; anywhere else it needs quotes."""
    bare = [
        msgid
        for language, _file, msgid, _msgstr in catalogue_entries()
        if language == "en"
        and f"%({name})s" in msgid
        and f"“%({name})s”" not in msgid
        and not re.search(rf": %\({name}\)s$", msgid)
    ]
    assert not bare, "\n".join(bare)


def test_city_and_venue_are_two_different_words():
    """cs/sk once said "Místo" for the city next to "Místo konání" for the venue."""
    for language in ("cs", "sk", "pl", "hu"):
        po = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
        city, venue = po.find("City").msgstr, po.find("Venue").msgstr
        assert city.split()[0] != venue.split()[0], (language, city, venue)
