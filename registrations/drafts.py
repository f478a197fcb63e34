"""A registrant's own answers carried back to the registration form: after sending it ("check your e-mail"
names the address, and "wrong address? start again" refills the form) and after cancelling ("register
again" starts from the previous answers).

They travel in a signed cookie that only the visitor's browser holds, for an hour, sent only to the event's
registration pages (its path), never readable by a script (HttpOnly), and never in a URL. The server keeps no
copy, so a registrant who deletes their data leaves nothing of it here. No consent is carried (the privacy
notice, photographs, sharing): a consent is given by ticking the box on the form that is sent, never by a box
that comes ticked."""

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from events.models import Event

from .models import DETAIL_FIELDS, Registration

COOKIE_NAME = "registration_draft"
SALT = "registrations.draft"
MAX_AGE = 60 * 60
# A browser keeps a cookie of up to 4096 bytes; the long free texts are left out when they do not fit.
MAX_COOKIE_BYTES = 3800
DROPPED_FIRST = ("note", "accessibility_needs", "diet_other")
FIELDS = (*(field for field in DETAIL_FIELDS if not field.startswith("consent_")), "email")


def draft_from_answers(data: dict) -> dict:
    """The answers of a registration form (cleaned data) worth carrying back, with the chosen parts' ids."""
    draft = {field: data[field] for field in FIELDS if field in data}
    draft["parts"] = [part.pk for part in data.get("parts", ())]
    draft["sent"] = True  # "check your e-mail" names the address only once the form has been sent with it
    return draft


def draft_from_registration(registration: Registration) -> dict:
    """A (cancelled) registration's answers, to register again from them."""
    draft = {field: getattr(registration, field) for field in FIELDS}
    draft["parts"] = list(registration.requested_parts.values_list("pk", flat=True))
    return draft


def _registration_path(event: Event) -> str:
    """The event's registration pages in the active language: the form, "check your e-mail", "again"."""
    return reverse("registrations:register", kwargs={"slug": event.slug})


def draft_keep(response: HttpResponse, *, event: Event, draft: dict) -> None:
    draft = dict(draft)
    value = signing.dumps({"event": event.pk, **draft}, salt=SALT, compress=True)
    for field in DROPPED_FIRST:
        if len(value.encode()) <= MAX_COOKIE_BYTES:
            break
        draft.pop(field, None)
        value = signing.dumps({"event": event.pk, **draft}, salt=SALT, compress=True)
    response.set_cookie(
        COOKIE_NAME,
        value,
        max_age=MAX_AGE,
        path=_registration_path(event),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def draft_read(request: HttpRequest, *, event: Event) -> dict | None:
    """The visitor's draft for this event, or None (none, expired, tampered with, another event's)."""
    value = request.COOKIES.get(COOKIE_NAME)
    if not value:
        return None
    try:
        draft = signing.loads(value, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # also an expired one
        return None
    if not isinstance(draft, dict) or draft.pop("event", None) != event.pk:
        return None
    return draft
