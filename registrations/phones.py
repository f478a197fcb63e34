"""Phone numbers as people write them in their country ("06 30 123 4567" in Hungary, "603 123 456" in
Czechia), stored in international E.164 form ("+36301234567") and shown grouped ("+36 30 123 4567").

The country the registrant chose is the region a number without "+" is read in; "Other country" has
none, so such a number needs its country code. The rules are Google's libphonenumber's (`phonenumbers`),
kept up to date with the numbering plans."""

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

# The registrant countries whose numbering plan reads a number typed without "+" (the codes are ISO's).
REGIONS = {"CZ", "SK", "PL", "HU"}
# The example in the form follows the page's language: a number as written in that language's country.
EXAMPLE_REGION_BY_LANGUAGE = {"cs": "CZ", "sk": "SK", "pl": "PL", "hu": "HU"}


class InvalidPhoneNumber(ValueError):
    """Not a phone number of the chosen country, nor one with a valid country code."""


def phone_normalise(value: str, country: str | None) -> str:
    """The number in E.164 ("+420603123456"); "" for an empty value. Raises InvalidPhoneNumber."""
    value = " ".join(value.split())
    if not value:
        return ""
    region = country if country in REGIONS else None
    try:
        number = phonenumbers.parse(value, region)
    except NumberParseException:
        raise InvalidPhoneNumber(value) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhoneNumber(value)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def phone_display(value: str) -> str:
    """A stored number grouped for reading ("+420 603 123 456"); anything else as it was stored."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, None)
    except NumberParseException:
        return value
    if not phonenumbers.is_valid_number(number):
        return value
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def phone_example(language: str | None) -> str:
    """A mobile number as people of the language's country write it ("601 123 456" in Czech,
    "06 20 123 4567" in Hungarian); in English, an international one."""
    region = EXAMPLE_REGION_BY_LANGUAGE.get(language or "")
    number = phonenumbers.example_number_for_type(region or "CZ", PhoneNumberType.MOBILE)
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL if region else PhoneNumberFormat.INTERNATIONAL)
