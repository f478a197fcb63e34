"""The partner portal: who may see which participants, in how much detail, and what is logged."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from events.models import Partner
from registrations.models import PartnerMembership, PortalAccessLog, Registration, Seat
from registrations.tokens import new_checkin_code, new_token, token_hash
from tests.factories import make_event, make_part, make_partner, make_registration

pytestmark = pytest.mark.django_db

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

PAGES = ["home", "participants", "export_csv", "export_xlsx"]


def page_url(page: str) -> str:
    return url(page) if page == "home" else url(page, slug="olomouc-test")


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitor_is_sent_to_the_portal_login_and_back(client, world, page):
    response = client.get(page_url(page))
    assert response.status_code == 302
    assert response["Location"] == f"{url('login')}?next={page_url(page)}"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("page", PAGES)
def test_editor_gets_the_no_access_page_on_every_portal_url(client, accounts, page):
    response = login(client, "editor").get(page_url(page))
    assert response.status_code == 403
    assert "No access to the partner portal" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert not PortalAccessLog.objects.exists()


def test_no_access_page_is_in_the_visitors_language(client, accounts):
    response = login(client, "editor").get(url("home", "cs"))
    assert response.status_code == 403
    assert '<html lang="cs">' in response.content.decode()


@pytest.mark.parametrize("role", [*PARTNERS, "organiser", "superuser"])
def test_portal_home_lists_published_events_with_parts(client, accounts, role):
    make_event(slug="hidden", published=False)
    make_part(make_event(slug="unpublished-with-parts", published=False))
    response = login(client, accounts[role]).get(url("home"))
    assert response.status_code == 200
    assert [event.slug for event in response.context["events"]] == ["olomouc-test", "elsewhere"]
    assert list_url() in response.content.decode()


@pytest.mark.parametrize("role", [*PARTNERS, "organiser", "superuser"])
def test_participant_list_shows_exactly_what_the_role_may_see(client, accounts, role):
    response = login(client, accounts[role]).get(list_url())
    assert response.status_code == 200
    assert rows_of(response) == visible_to(role)
    html = response.content.decode()
    own = None if role in ("organiser", "superuser") else role.removeprefix("partner-").upper()
    if own:
        assert_no_foreign_contact(html, own)
        assert f"private.{own.lower()}@example.org" in html
        assert f"note of Private-{own}" in html
    else:
        assert "private.other@example.org" in html
    for hidden in ("Pending-", "Gone-", "Elsewhere-"):
        assert hidden not in html


@pytest.mark.parametrize("role", [*PARTNERS, "organiser", "superuser"])
@pytest.mark.parametrize(("page", "read"), [("export_csv", csv_rows), ("export_xlsx", xlsx_rows)])
def test_export_holds_exactly_what_the_list_shows(client, accounts, role, page, read):
    response = login(client, accounts[role]).get(url(page, slug="olomouc-test"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    rows = read(response)
    assert {row["Last name"]: bool(row["E-mail"]) for row in rows} == visible_to(role)
    for row in rows:
        if not visible_to(role)[row["Last name"]]:
            assert row["Phone"] == row["Note"] == row["Position"] == row["Accessibility needs"] == ""
    own = None if role in ("organiser", "superuser") else role.removeprefix("partner-").upper()
    if own:
        assert_no_foreign_contact(repr(rows), own)


@pytest.mark.parametrize("role", ["anonymous", "editor", *PARTNERS, "organiser", "superuser"])
def test_logout_is_a_post_that_ends_on_the_portal_login(client, accounts, role):
    if role != "anonymous":
        login(client, accounts[role])
    assert client.get(url("logout")).status_code == 405
    response = client.post(url("logout"))
    assert response.status_code == 302
    assert response["Location"] == url("login")
    assert "no-store" in response["Cache-Control"]
    assert client.get(url("home")).status_code == 302


# Out of visibility is a 404 like "does not exist" ---------------------------------------------------


@pytest.mark.parametrize("page", ["participants", "export_csv", "export_xlsx"])
def test_unpublished_or_partless_event_is_the_same_404_as_a_missing_one(client, accounts, page):
    make_part(make_event(slug="secret", published=False))
    make_event(slug="no-parts")
    login(client, "partner-hu")
    missing = client.get(url(page, slug="no-such-event"))
    assert missing.status_code == 404
    assert "no-store" in missing["Cache-Control"]
    for slug in ("secret", "no-parts"):
        response = client.get(url(page, slug=slug))
        assert response.status_code == 404
        assert response.content.decode().replace(slug, "no-such-event") == missing.content.decode()
        assert response["Cache-Control"] == missing["Cache-Control"]


def test_part_of_another_event_as_filter_reveals_nothing(client, accounts):
    elsewhere_part = Registration.objects.get(last_name="Elsewhere-HU").seats.get().part
    response = login(client, "partner-sk").get(list_url(), {"part": elsewhere_part.pk})
    assert response.status_code == 200
    assert rows_of(response) == visible_to("partner-sk")  # an invalid filter is ignored, nothing else
    assert "Elsewhere-HU" not in response.content.decode()


# Filters, counts, sorting ---------------------------------------------------------------------------


def test_filters_narrow_the_list_and_the_export(client, accounts, olomouc):
    login(client, "partner-hu")
    tour = {"part": olomouc.tour.pk}
    assert set(rows_of(client.get(list_url(), tour))) == {
        "Shared-HU", "Private-HU", "Waiting-HU", "Shared-CZ", "Waiting-CZ", "Shared-SK",
        "Waiting-SK", "Shared-PL", "Waiting-PL",
    }  # fmt: skip
    waiting_on_tour = {**tour, "status": "waitlisted"}
    assert set(rows_of(client.get(list_url(), waiting_on_tour))) == {f"Waiting-{code}" for code in COUNTRIES}
    assert set(rows_of(client.get(list_url(), {"status": "confirmed", "part": olomouc.seminar.pk}))) == {
        "Shared-HU", "Private-HU", "Shared-CZ", "Shared-SK", "Shared-PL", "Shared-OTHER",
    }  # fmt: skip
    assert set(rows_of(client.get(list_url(), {"country": "CZ"}))) == {"Shared-CZ", "Waiting-CZ"}
    assert set(rows_of(client.get(list_url(), {"q": "private"}))) == {"Private-HU"}
    assert set(rows_of(client.get(list_url(), {"q": "anna waiting-p"}))) == {"Waiting-PL"}
    export = csv_rows(client.get(url("export_csv", slug="olomouc-test"), {"country": "CZ"}))
    assert {row["Last name"] for row in export} == {"Shared-CZ", "Waiting-CZ"}


@pytest.mark.parametrize(
    "query",
    [
        {"part": "abc"},
        {"part": "99999999999999999999999"},
        {"part": "-1"},
        {"status": "cancelled"},
        {"status": ["confirmed", "x"]},
        {"country": "XX"},
        {"q": "x" * 500},
        {"q": "\x00"},
        {"page": "abc"},
        {"page": "9999"},
        {"page": "-1"},
    ],
)
def test_invalid_filter_values_are_ignored_never_an_error(client, accounts, query):
    login(client, "partner-pl")
    response = client.get(list_url(), query)
    assert response.status_code == 200
    assert set(rows_of(response)) <= set(visible_to("partner-pl"))
    for page in ("export_csv", "export_xlsx"):
        assert client.get(url(page, slug="olomouc-test"), query).status_code == 200


def test_counts_per_country_and_part_cover_only_what_the_partner_sees(client, accounts, olomouc):
    response = login(client, "partner-hu").get(list_url(), {"country": "CZ"})  # filters do not change counts
    counts = {row["country"]: row["count"] for row in response.context["countries"]}
    assert counts == {"CZ": 2, "SK": 2, "PL": 2, "HU": 3, "OTHER": 1}
    parts = {part.pk: (part.confirmed_count, part.waitlisted_count) for part in response.context["parts"]}
    # seminar: Shared ×4 countries, Private-HU, Shared-OTHER; tour: Shared ×4, Private-HU, Waiting ×4
    assert parts == {olomouc.seminar.pk: (6, 0), olomouc.tour.pk: (5, 4)}

    response = login(client, "organiser").get(list_url())
    counts = {row["country"]: row["count"] for row in response.context["countries"]}
    assert counts == {"CZ": 3, "SK": 3, "PL": 3, "HU": 3, "OTHER": 2}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("cs", ["Cibulka", "Čech", "Hora", "Chalupa", "Lukas", "Łukasz", "Mazur"]),
        ("pl", ["Čech", "Chalupa", "Cibulka", "Hora", "Lukas", "Łukasz", "Mazur"]),
    ],
)
def test_list_is_sorted_by_surname_in_the_readers_language(client, accounts, olomouc, language, expected):
    Registration.objects.all().delete()
    for surname in ["Mazur", "Chalupa", "Łukasz", "Hora", "Čech", "Lukas", "Cibulka"]:
        make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name=surname, country="CZ")
    response = login(client, "partner-cz").get(list_url(language))
    assert [row.registration.last_name for row in response.context["rows"]] == expected
    export = csv_rows(client.get(url("export_csv", language, slug="olomouc-test")))
    assert [row[next(iter(row))] for row in export] == expected  # the first column, whatever its label


def test_hungarian_reader_sees_family_name_first(client, accounts):
    response = login(client, "partner-hu").get(list_url("hu"))
    names = {row.registration.last_name: row.name for row in response.context["rows"]}
    assert names["Private-HU"] == "Private-HU Anna"
    assert login(client, "partner-hu").get(list_url("en")).context["rows"][0].name.startswith("Anna ")


# Log and headers ------------------------------------------------------------------------------------


def test_every_list_view_and_export_is_logged(client, accounts, olomouc):
    login(client, "partner-sk")
    client.get(list_url(), {"country": "CZ", "q": "shared", "part": "bogus"})
    client.get(url("export_csv", slug="olomouc-test"))
    client.get(url("export_xlsx", slug="olomouc-test"), {"status": "waitlisted"})
    client.get(url("home"))  # the list of events holds no personal data: not logged
    logs = list(PortalAccessLog.objects.order_by("pk").values("username", "action", "event", "detail", "rows"))
    user = get_user_model().objects.get(username="partner-sk")
    entry = {"username": "partner-sk", "event": olomouc.pk}
    assert logs == [
        {**entry, "action": "list", "detail": {"q": "shared", "country": "CZ", "page": 1}, "rows": 1},
        {**entry, "action": "export_csv", "detail": {}, "rows": 10},
        {**entry, "action": "export_xlsx", "detail": {"status": "waitlisted"}, "rows": 4},
    ]
    assert set(PortalAccessLog.objects.values_list("user", flat=True)) == {user.pk}


@pytest.mark.parametrize("role", ["anonymous", "partner-cz"])
def test_every_portal_response_is_private(client, accounts, role):
    if role != "anonymous":
        login(client, role)
    for address in [url("login"), url("home"), list_url(), url("participants", slug="nope")]:
        response = client.get(address)
        assert "no-store" in response["Cache-Control"], address
        assert response["X-Robots-Tag"] == "noindex"


def test_language_links_keep_the_visitor_on_the_participant_list(client, accounts):
    html = login(client, "partner-hu").get(list_url("hu")).content.decode()
    assert f'href="{list_url("pl")}" hreflang="pl"' in html


# Login ----------------------------------------------------------------------------------------------


def test_login_page_is_in_the_visitors_language_and_leads_to_the_portal(client, accounts):
    response = client.get(url("login", "hu"))
    assert response.status_code == 200
    assert '<html lang="hu">' in response.content.decode()
    response = client.post(url("login", "hu"), {"username": "partner-hu", "password": PASSWORD})
    assert response["Location"] == url("home", "hu")


def test_login_returns_to_the_page_asked_for(client, accounts):
    response = client.post(f"{url('login')}?next={list_url()}", {"username": "partner-hu", "password": PASSWORD})
    assert response["Location"] == list_url()


@pytest.mark.parametrize("evil", ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"])
def test_login_never_redirects_off_the_site(client, accounts, evil):
    response = client.post(url("login"), {"username": "partner-hu", "password": PASSWORD, "next": evil})
    assert response.status_code == 302
    assert response["Location"] == url("home")
    # Already signed in: the login page sends the user on, and again only within the site.
    response = client.get(url("login"), {"next": evil})
    assert response["Location"] == url("home")


# Query counts ---------------------------------------------------------------------------------------


def bulk_registrations(event, count: int) -> None:
    """`count` active registrations, each with both parts; countries in turn, every third not sharing."""
    codes = [*COUNTRIES, "OTHER"]
    now = timezone.now()
    registrations = Registration.objects.bulk_create(
        Registration(
            event=event,
            token_hash=token_hash(new_token()),
            checkin_code=new_checkin_code(),
            status=Registration.Status.ACTIVE,
            first_name="Bulk",
            last_name=f"Person {n:05}",
            email=f"bulk{n}@example.org",
            organisation="Obec",
            country=codes[n % len(codes)],
            language="cs",
            consent_sharing=n % 3 != 0,
            privacy_version="test",
            privacy_language="cs",
            privacy_accepted_at=now,
            confirmed_at=now,
        )
        for n in range(count)
    )
    Seat.objects.bulk_create(
        Seat(registration=registration, part=part, status="waitlisted" if n % 7 == 0 else "confirmed", since=now)
        for n, registration in enumerate(registrations)
        for part in (event.seminar, event.tour)
    )


@pytest.mark.parametrize("count", [50, 2000])
@pytest.mark.parametrize("role", ["partner-hu", "organiser"])
def test_participant_list_needs_a_dozen_queries_whatever_its_length(
    client, accounts, olomouc, django_assert_max_num_queries, count, role
):
    bulk_registrations(olomouc, count)
    login(client, role)
    with django_assert_max_num_queries(12):
        response = client.get(list_url(), {"part": olomouc.tour.pk, "q": "bulk"})
    assert response.status_code == 200
    codes = [*COUNTRIES, "OTHER"]
    visible = count if role == "organiser" else sum(1 for n in range(count) if codes[n % 5] == "HU" or n % 3)
    assert len(response.context["rows"]) == min(visible, 100)
    assert response.context["page"].paginator.count == visible
