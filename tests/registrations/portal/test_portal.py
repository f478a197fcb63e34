"""The partner portal: who may see which participants, in how much detail."""

import pytest

from registrations.models import PortalAccessLog, Registration
from tests.factories import make_event, make_part, make_registration
from tests.registrations.portal.portal_world import (
    COUNTRIES,
    PARTNERS,
    assert_no_foreign_contact,
    csv_rows,
    list_url,
    login,
    rows_of,
    sign_in_url,
    sign_out_url,
    url,
    visible_to,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

PAGES = ["home", "participants", "export_csv", "export_xlsx"]


def page_url(page: str) -> str:
    return url(page) if page == "home" else url(page, slug="olomouc-test")


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitor_is_sent_to_the_sign_in_page_and_back(client, world, page):
    response = client.get(page_url(page))
    assert response.status_code == 302
    assert response["Location"] == f"{sign_in_url()}?next={page_url(page)}"
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
def test_signing_out_is_a_post_that_ends_on_the_sign_in_page(client, accounts, role):
    if role != "anonymous":
        login(client, accounts[role])
    assert client.get(sign_out_url()).status_code == 405
    response = client.post(sign_out_url())
    assert response.status_code == 302
    assert response["Location"] == sign_in_url()
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
    ],
)
def test_a_bad_filter_value_is_named_and_never_narrows_or_exports(client, accounts, query):
    login(client, "partner-pl")
    response = client.get(list_url(), query)
    assert response.status_code == 200
    assert "Some filters have a value the list does not know" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()  # at the field, with its error
    assert set(rows_of(response)) <= set(visible_to("partner-pl"))
    for page in ("export_csv", "export_xlsx"):
        export = client.get(url(page, slug="olomouc-test"), query)
        assert export.status_code == 302
        assert export["Location"].startswith(list_url() + "?")
        assert client.get(export["Location"]).status_code == 200


@pytest.mark.parametrize("page", ["abc", "9999", "-1"])
def test_any_page_number_shows_a_page(client, accounts, page):
    login(client, "partner-pl")
    response = client.get(list_url(), {"page": page})
    assert response.status_code == 200
    assert "Some filters have a value" not in response.content.decode()
    assert client.get(url("export_csv", slug="olomouc-test"), {"page": page}).status_code == 200


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
    parts = {part.pk: (part.confirmed_count, part.waitlisted_count) for part in response.context["parts"]}
    # Everyone's seats, never a cancelled registration's: seminar Shared and Private ×5 countries; tour
    # Shared and Private ×4, Waiting ×4.
    assert parts == {olomouc.seminar.pk: (10, 0), olomouc.tour.pk: (8, 4)}


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


def test_own_countrys_phone_numbers_are_grouped_for_reading_and_dialled_in_e164(client, accounts, olomouc):
    make_registration(
        olomouc,
        parts=[olomouc.seminar],
        seat_status="confirmed",
        last_name="Győrffy",
        country="HU",
        phone="+36301234567",
        consent_sharing=True,
    )
    html = login(client, "partner-hu").get(list_url()).content.decode()
    assert '<a href="tel:+36301234567">+36 30 123 4567</a>' in html
