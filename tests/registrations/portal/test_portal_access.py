"""The partner portal: logging, private responses, login and its redirects, speed with many rows."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from registrations.models import PortalAccessLog, Registration, Seat
from registrations.tokens import new_checkin_code, new_token, token_hash
from tests.registrations.portal.portal_world import (
    COUNTRIES,
    PASSWORD,
    list_url,
    login,
    sign_in_url,
    url,
)

pytestmark = pytest.mark.django_db


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
        # The words searched for may be a person's name: the log keeps only that there was a search.
        {**entry, "action": "list", "detail": {"searched": True, "country": "CZ", "page": 1}, "rows": 1},
        {**entry, "action": "export_csv", "detail": {}, "rows": 10},
        {**entry, "action": "export_xlsx", "detail": {"status": "waitlisted"}, "rows": 4},
    ]
    assert set(PortalAccessLog.objects.values_list("user", flat=True)) == {user.pk}


@pytest.mark.parametrize("role", ["anonymous", "partner-cz"])
def test_every_portal_response_is_private(client, accounts, role):
    if role != "anonymous":
        login(client, role)
    for address in [sign_in_url(), url("home"), list_url(), url("participants", slug="nope")]:
        response = client.get(address)
        assert "no-store" in response["Cache-Control"], address
        assert response["X-Robots-Tag"] == "noindex"


def test_language_links_keep_the_visitor_on_the_participant_list(client, accounts):
    html = login(client, "partner-hu").get(list_url("hu")).content.decode()
    assert f'href="{list_url("pl")}" hreflang="pl"' in html


# Login ----------------------------------------------------------------------------------------------


def test_sign_in_page_is_in_the_visitors_language_and_leads_partners_to_the_portal(client, accounts):
    response = client.get(sign_in_url("hu"))
    assert response.status_code == 200
    assert '<html lang="hu">' in response.content.decode()
    response = client.post(sign_in_url("hu"), {"username": "partner-hu", "password": PASSWORD})
    assert response["Location"] == url("home", "hu")


def test_sign_in_returns_to_the_page_asked_for(client, accounts):
    response = client.post(f"{sign_in_url()}?next={list_url()}", {"username": "partner-hu", "password": PASSWORD})
    assert response["Location"] == list_url()


@pytest.mark.parametrize("evil", ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"])
def test_sign_in_never_redirects_off_the_site(client, accounts, evil):
    response = client.post(sign_in_url(), {"username": "partner-hu", "password": PASSWORD, "next": evil})
    assert response.status_code == 302
    assert response["Location"] == url("home")
    # Already signed in: the sign-in page sends the user on, and again only within the site.
    response = client.get(sign_in_url(), {"next": evil})
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
    # One more for a partner: how many of its own invitations wait for confirmation (free seats per country
    # cost nothing without reservations).
    with django_assert_max_num_queries(13):
        response = client.get(list_url(), {"part": olomouc.tour.pk, "q": "bulk"})
    assert response.status_code == 200
    codes = [*COUNTRIES, "OTHER"]
    visible = count if role == "organiser" else sum(1 for n in range(count) if codes[n % 5] == "HU" or n % 3)
    assert len(response.context["rows"]) == min(visible, 100)
    assert response.context["page"].paginator.count == visible
