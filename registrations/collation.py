"""Sorting names by the reader's language: Czech puts "ch" after "h", Polish "ł" after "l", Hungarian
"cs" after "c". PostgreSQL has ICU collations of these names; on SQLite the same names are registered
with the comparison below, so one ORM query (`Collate(...)`) sorts, and streams, on both."""

import functools
import unicodedata

from django.db.models import F, QuerySet
from django.db.models.functions import Collate

COLLATIONS = {"cs": "cs-x-icu", "sk": "sk-x-icu", "pl": "pl-x-icu", "hu": "hu-x-icu", "en": "en-x-icu"}

# Each language's letters in order; letters in one group sort as one (á is an a, told apart only on a tie).
_LATIN = "a b c d e f g h i j k l m n o p q r s t u v w x y z"
ALPHABETS = {
    "cs": "a b c č d e f g h ch i j k l m n o p q r ř s š t u v w x y z ž",
    "sk": "a ä b c č d dz dž e f g h ch i j k l m n o ô p q r ř s š t u v w x y z ž",
    "pl": "a ą b c ć d e ę f g h i j k l ł m n ń o ó p q r s ś t u v w x y z ź ż",
    "hu": "a b c cs d dz dzs e f g gy h i j k l ly m n ny o ö p q r s sz t ty u ü v w x y z zs",
    "en": _LATIN,
}
# Hungarian long vowels are the short ones with a secondary difference (ő is an ö, ű an ü).
_SAME_AS = {"hu": {"ő": "ö", "ű": "ü"}}


# Letters with no Unicode decomposition that ICU still sorts with their base letter, and a search finds by it.
_FOLDS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ı": "i"})


def fold(text: str) -> str:
    """Lower case without accents, as static/js/checkin.js folds it: "cech" finds Čech and "zolc" Żółć."""
    folded = unicodedata.normalize("NFD", text.casefold().translate(_FOLDS))
    return "".join(char for char in folded if not unicodedata.combining(char))


def _base(char: str) -> str:
    return fold(char)[:1] or char


@functools.cache
def _letters(language: str) -> tuple[dict[str, int], int]:
    letters = ALPHABETS.get(language, _LATIN).split()
    return {letter: rank for rank, letter in enumerate(letters)}, max(len(letter) for letter in letters)


def sort_key(text: str, language: str) -> tuple:
    """(letters by the language's alphabet, then accents, then case), like an ICU collation's levels."""
    ranks, longest = _letters(language)
    same_as = _SAME_AS.get(language, {})
    lower = text.casefold()
    primary, secondary = [], []
    i = 0
    while i < len(lower):
        for size in range(longest, 0, -1):
            chunk = lower[i : i + size]
            if chunk in ranks:
                primary.append(ranks[chunk])
                secondary.append(0)
                i += size
                break
            letter = same_as.get(chunk) if size == 1 else None
            base = letter or (_base(chunk) if size == 1 else None)
            if base is not None and base in ranks:
                primary.append(ranks[base])
                secondary.append(ord(chunk))
                i += 1
                break
        else:
            # Not a letter of the alphabet (space, hyphen, digit, other script): after the letters, stable.
            primary.append(1000 + ord(lower[i]))
            secondary.append(0)
            i += 1
    return (primary, secondary, [char.isupper() for char in text], text)


def _compare(language: str):
    def compare(a: str, b: str) -> int:
        key_a, key_b = sort_key(a, language), sort_key(b, language)
        return (key_a > key_b) - (key_a < key_b)

    return compare


def register_sqlite_collations(sender, connection, **kwargs) -> None:
    """connection_created receiver: the ICU collation names, implemented in Python, for SQLite."""
    if connection.vendor == "sqlite":
        for language, name in COLLATIONS.items():
            connection.connection.create_collation(name, _compare(language))


def by_surname(queryset: QuerySet, language: str) -> QuerySet:
    """Registrations in the order a reader of `language` expects: surname, first name."""
    collation = COLLATIONS.get(language, COLLATIONS["en"])
    return queryset.order_by(Collate(F("last_name"), collation).asc(), Collate(F("first_name"), collation).asc(), "pk")
