"""Everything recorded about a registrant, as labelled rows in the active language: shown on their private
page and listed in the "your registration has changed" e-mail, so they have it in writing. One list for
both, so the page and the e-mail never disagree. (The parts with their seats have their own list.)"""

from django.utils import formats, timezone
from django.utils.translation import get_language, gettext, pgettext

from .models import Registration
from .phones import phone_display


def _or_not_given(value: str) -> str:
    return value or pgettext("a field left empty", "not given")


def _consent(given: bool) -> str:
    return gettext("yes, I agree") if given else gettext("no")


def recorded_details(registration: Registration) -> list[dict]:
    """[{"label": "Phone", "value": "+420 601 234 567", "multiline": False}, …], in the active language."""
    language = get_language()
    diet = registration.get_diet_display()
    if registration.diet == Registration.Diet.OTHER and registration.diet_other:
        diet = f"{diet}: {registration.diet_other}"
    accepted = formats.date_format(timezone.localtime(registration.privacy_accepted_at), "DATETIME_FORMAT")
    privacy = gettext("accepted on %(date)s (version %(version)s)") % {
        "date": accepted,
        "version": registration.privacy_version,
    }
    rows = [
        (gettext("Name"), registration.full_name(language), False),
        (gettext("E-mail"), registration.email, False),
        (gettext("Phone"), _or_not_given(phone_display(registration.phone)), False),
        (gettext("Organisation"), _or_not_given(registration.organisation), False),
        (gettext("Position"), _or_not_given(registration.position), False),
        (gettext("Country"), registration.get_country_display(), False),
        (gettext("Language of the e-mails"), registration.get_language_display(), False),
        (
            gettext("Language of interpretation"),
            _or_not_given(registration.get_interpretation_language_display()),
            False,
        ),
        (gettext("Dietary requirements"), diet, False),
        (gettext("Accessibility needs"), _or_not_given(registration.accessibility_needs), True),
        (gettext("Note for the organisers"), _or_not_given(registration.note), True),
        (gettext("Photographs and video"), _consent(registration.consent_photos), False),
        (gettext("Sharing with the partner associations"), _consent(registration.consent_sharing), False),
        (gettext("Privacy notice"), privacy, False),
    ]
    # `text`: the value for a plain-text e-mail, its further lines indented under the first.
    return [
        {"label": label, "value": value, "multiline": multiline, "text": "\n  ".join(value.splitlines())}
        for label, value, multiline in rows
    ]
