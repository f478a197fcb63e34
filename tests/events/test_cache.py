"""The public page cache (events/cache.py): served to anonymous visitors per language, identical to the
page it stands for, and out of date the moment a save that a page shows commits."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from events.models import Event
from tests.factories import LANGUAGES, in_all_languages, make_open_event, make_pages, make_part, make_registration

# Pages go out of date when a save commits: these tests commit, as production does.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def event(transactional_db):
    """An open event with a 10-seat part; its saves have started a content version."""
    cache.clear()
    make_pages()
    event = make_open_event(slug="olomouc-2023", **in_all_languages("title", "Closing seminar"))
    event.seminar = make_part(event, capacity=10)
    yield event
    cache.clear()


def event_url(lang: str) -> str:
    with translation.override(lang):
        return reverse("events:detail", kwargs={"slug": "olomouc-2023"})


def home_url(lang: str) -> str:
    with translation.override(lang):
        return reverse("events:home")


def test_second_request_is_served_from_the_cache_with_one_cache_read(client, event, django_assert_num_queries):
    client.get(event_url("en"))
    # The version and the page in one read: one query with the database cache, none with Redis.
    with django_assert_num_queries(1):
        response = client.get(event_url("en"))
    assert response.status_code == 200
    assert "<h1>Closing seminar (en)</h1>" in response.content.decode()


@pytest.mark.parametrize("page", [event_url, home_url])
def test_cached_page_is_byte_identical_with_the_same_headers(client, event, page):
    first = client.get(page("pl"))
    second = client.get(page("pl"))
    assert second.content == first.content
    assert dict(second.headers) == dict(first.headers)
    for header in ("Content-Security-Policy", "Content-Language", "Vary", "Content-Type", "X-Frame-Options"):
        assert second[header] == first[header], header
    assert first["Content-Language"] == "pl"
    assert "Cookie" in first["Vary"]
    assert not first.cookies and not second.cookies


def test_saving_an_event_shows_the_new_title_at_once_in_every_language(client, event):
    for lang in LANGUAGES:
        client.get(event_url(lang))
        client.get(home_url(lang))
    for lang in LANGUAGES:
        setattr(event, f"title_{lang}", f"Renamed ({lang})")
    event.save()
    for lang in LANGUAGES:
        assert f"<h1>Renamed ({lang})</h1>" in client.get(event_url(lang)).content.decode(), lang
        assert f"Renamed ({lang})" in client.get(home_url(lang)).content.decode(), lang


def test_confirmation_shows_the_new_seats_left_on_the_event_page(client, event):
    from registrations import services

    assert "10 seats left" in client.get(event_url("en")).content.decode()
    registration = make_registration(event, parts=[event.seminar])
    services.registration_confirm(registration=registration, token=registration.token)
    assert "9 seats left" in client.get(event_url("en")).content.decode()
    services.registration_cancel(registration=registration)
    assert "10 seats left" in client.get(event_url("en")).content.decode()


def test_logged_in_staff_never_get_a_cached_page(client, staff_client, event):
    anonymous = type(client)()
    anonymous.get(event_url("cs"))
    # A change that sends no signal (a raw update) leaves the cached page as it was: only the cache can
    # explain an old title, so the staff page shows it is not served from there.
    Event.objects.filter(pk=event.pk).update(title_cs="Jen v databázi")
    assert "Closing seminar (cs)" in anonymous.get(event_url("cs")).content.decode()
    assert "<h1>Jen v databázi</h1>" in staff_client.get(event_url("cs")).content.decode()
    assert "Closing seminar (cs)" in anonymous.get(event_url("cs")).content.decode()


def test_visitor_with_a_message_is_not_served_from_the_cache(client, event):
    client.get(event_url("cs"))
    Event.objects.filter(pk=event.pk).update(title_cs="Jen v databázi")
    client.cookies["messages"] = "anything"
    assert "<h1>Jen v databázi</h1>" in client.get(event_url("cs")).content.decode()


def test_each_language_is_its_own_cache_entry(client, event, django_assert_num_queries):
    client.get(event_url("cs"))
    hungarian = client.get(event_url("hu"))  # not the Czech page from the cache
    assert '<html lang="hu">' in hungarian.content.decode()
    assert "<h1>Closing seminar (hu)</h1>" in hungarian.content.decode()
    with django_assert_num_queries(1):
        czech = client.get(event_url("cs"))
    assert '<html lang="cs">' in czech.content.decode()
    assert "<h1>Closing seminar (cs)</h1>" in czech.content.decode()


def test_no_page_is_cached_without_a_content_version(client, event, django_assert_max_num_queries):
    cache.clear()
    client.get(event_url("cs"))
    with django_assert_max_num_queries(10) as queries:
        client.get(event_url("cs"))
    assert len(queries) > 1
