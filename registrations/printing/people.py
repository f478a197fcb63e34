"""How the documents write and order people: the name in its language's order, the country in the reader's
language, and lists in the order `collation.by_surname` gives in the database."""

from collections.abc import Callable

from ..collation import sort_key
from ..models import RegistrantCountry

# Country codes a document names; "OTHER" says nothing useful on a badge or a sheet, so it prints nothing.
NAMED_COUNTRIES = {code: label for code, label in RegistrantCountry.choices if code != RegistrantCountry.OTHER}


def name_in_order(first_name: str, last_name: str, language: str) -> str:
    """Hungarian writes the family name first (Győrffy Ödön); the rule of `Registration.full_name`."""
    if language == "hu":
        return f"{last_name} {first_name}"
    return f"{first_name} {last_name}"


def country_name(code: str) -> str:
    """The country in the active language (Maďarsko, Węgry); empty for "other country" or an unknown code."""
    label = NAMED_COUNTRIES.get(code)
    return str(label) if label is not None else ""


def surname_order(language: str) -> Callable[[object], tuple]:
    """A sort key for objects with `last_name` and `first_name`: surname, then first name, by the reader's
    alphabet (Czech "ch" after "h", Polish "ł" after "l"), as `collation.by_surname` orders a queryset."""

    def key(person) -> tuple:
        return sort_key(person.last_name, language), sort_key(person.first_name, language)

    return key


def country_then_surname_order(language: str) -> Callable[[object], tuple]:
    """Countries by their names in the reader's language, people without a named country last; then surname.
    Call it with translation active in `language`, as the country names are read in the active language."""
    by_surname = surname_order(language)
    names = {code: sort_key(country_name(code), language) for code in NAMED_COUNTRIES}

    def key(person) -> tuple:
        country = names.get(person.country)
        return (country is None, country or (), *by_surname(person))

    return key
