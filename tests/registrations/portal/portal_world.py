"""The partner portal tests' world: four partner associations, registrants of every country, accounts."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from events.models import Partner
from registrations.models import PartnerMembership, Registration
from tests.factories import make_event, make_part, make_partner, make_registration

COUNTRIES = ["CZ", "SK", "PL", "HU"]
PARTNERS = [f"partner-{code.lower()}" for code in COUNTRIES]
PASSWORD = "a-long-password-123"


@pytest.fixture
def world(olomouc):
    """Per country: a registrant who shares, one who does not, one waitlisted who shares, and a pending
    and a cancelled one who must never appear. Plus one from another country, and a partner user each."""
    event = olomouc
    for code in COUNTRIES:
        partner = Partner.objects.filter(country=code).first() or make_partner(country=code)
        user = get_user_model().objects.create_user(f"partner-{code.lower()}", password=PASSWORD)
        PartnerMembership.objects.create(user=user, partner=partner)
        for kind, sharing, status in [("Shared", True, "confirmed"), ("Private", False, "confirmed")]:
            person(event, code, kind, sharing=sharing, seat_status=status, parts=[event.seminar, event.tour])
        person(event, code, "Waiting", sharing=True, seat_status="waitlisted", parts=[event.tour])
        person(event, code, "Pending", sharing=True, seat_status=None, parts=[event.seminar])
        cancelled = person(event, code, "Gone", sharing=True, seat_status="confirmed", parts=[event.seminar])
        Registration.objects.filter(pk=cancelled.pk).update(status=Registration.Status.CANCELLED)
    person(event, "OTHER", "Shared", sharing=True, seat_status="confirmed", parts=[event.seminar])
    person(event, "OTHER", "Private", sharing=False, seat_status="confirmed", parts=[event.seminar])
    other_event = make_event(slug="elsewhere")
    person(other_event, "HU", "Elsewhere", sharing=True, seat_status="confirmed", parts=[make_part(other_event)])
    return event


def person(event, code: str, kind: str, *, sharing: bool, seat_status, parts) -> Registration:
    """Last name "Shared-HU", e-mail "shared.hu@example.org", phone "+00 HU Shared": easy to look for."""
    return make_registration(
        event,
        parts=parts,
        seat_status=seat_status,
        first_name="Anna",
        last_name=f"{kind}-{code}",
        email=f"{kind.lower()}.{code.lower()}@example.org",
        phone=f"+00 {code} {kind}",
        position=f"mayor of {kind}-{code}",
        country=code,
        consent_sharing=sharing,
        note=f"note of {kind}-{code}",
    )


def visible_to(role: str) -> dict[str, bool]:
    """{last name: shown in full} that the role must see on the Olomouc list."""
    everyone = [f"{kind}-{code}" for code in [*COUNTRIES, "OTHER"] for kind in ("Shared", "Private", "Waiting")]
    everyone = [name for name in everyone if name != "Waiting-OTHER"]
    if role in ("organiser", "superuser"):
        return dict.fromkeys(everyone, True)
    own = role.removeprefix("partner-").upper()
    return {
        name: name.endswith(f"-{own}")
        for name in everyone
        if name.endswith(f"-{own}") or not name.startswith("Private")
    }


@pytest.fixture
def accounts(world):
    User = get_user_model()
    editor = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    organiser = User.objects.create_user("organiser", password=PASSWORD, is_staff=True)
    organiser.groups.add(Group.objects.get(name="Organisers"))
    User.objects.create_superuser("boss", "boss@example.org", PASSWORD)
    return {"editor": "editor", "organiser": "organiser", "superuser": "boss", **{p: p for p in PARTNERS}}


def login(client, username: str):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"registrations:portal_{name}", kwargs=kwargs)


def sign_in_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("accounts:sign_in")


def sign_out_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("accounts:sign_out")


def list_url(language: str = "en", slug: str = "olomouc-test") -> str:
    return url("participants", language, slug=slug)


def rows_of(response) -> dict[str, bool]:
    return {row.registration.last_name: row.full for row in response.context["rows"]}


def csv_rows(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(body)))


def xlsx_rows(response) -> list[dict]:
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *data = sheet.iter_rows(values_only=True)
    return [{key: value or "" for key, value in zip(header, row, strict=True)} for row in data]


def assert_no_foreign_contact(text: str, own: str | None) -> None:
    for code in [*COUNTRIES, "OTHER"]:
        if code == own:
            continue
        for kind in ("shared", "private", "waiting"):
            assert f"{kind}.{code.lower()}@example.org" not in text
            assert f"+00 {code} {kind.title()}" not in text
            assert f"note of {kind.title()}-{code}" not in text


# The permission matrix -------------------------------------------------------------------------------
