"""The public page cache (v4project/pagecache): served to anonymous visitors per language, identical to the
page it stands for, out of date the moment a save that a page shows commits (in every process) or the
clock changes what it says, and with each visitor's own CSRF token on a form."""

import datetime
import re
import time
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events.models import Event
from tests.factories import LANGUAGES, in_all_languages, make_open_event, make_pages, make_part, make_registration
from v4project import clock
from v4project.pagecache import store, version
from v4project.pagecache.middleware import valid_until
from v4project.pagecache.store import Page, PageStore
from v4project.pagecache.version import stamp_path

# Pages go out of date when a save commits: these tests commit, as production does.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def event(transactional_db, before_the_seminar):
    """An open event with a 10-seat part; its saves have written a content stamp."""
    make_pages()
    event = make_open_event(slug="olomouc-2023", **in_all_languages("title", "Closing seminar"))
    event.seminar = make_part(event, capacity=10)
    return event


def event_url(lang: str) -> str:
    with translation.override(lang):
        return reverse("events:detail", kwargs={"slug": "olomouc-2023"})


def register_url(lang: str) -> str:
    with translation.override(lang):
        return reverse("registrations:register", kwargs={"slug": "olomouc-2023"})


def home_url(lang: str) -> str:
    with translation.override(lang):
        return reverse("events:home")


def test_second_request_is_answered_from_memory_without_a_query(client, event, django_assert_num_queries):
    client.get(event_url("en"))
    with django_assert_num_queries(0):
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
    assert not first.cookies
    assert not second.cookies


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
    from registrations.services import registration as services

    assert "10 seats left" in client.get(event_url("en")).content.decode()
    registration = make_registration(event, parts=[event.seminar])
    services.registration_confirm(registration=registration)
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
    with django_assert_num_queries(0):
        czech = client.get(event_url("cs"))
    assert '<html lang="cs">' in czech.content.decode()
    assert "<h1>Closing seminar (cs)</h1>" in czech.content.decode()


def test_no_page_is_cached_without_a_stamp(client, event, django_assert_max_num_queries):
    Path(stamp_path()).unlink()
    client.get(event_url("cs"))
    with django_assert_max_num_queries(10) as queries:
        client.get(event_url("cs"))
    assert len(queries) > 1


def test_a_stamp_replaced_by_another_process_is_seen_at_once(client, event):
    """Another worker's save replaces the file: this process sees it on the next request."""
    client.get(event_url("cs"))
    Event.objects.filter(pk=event.pk).update(title_cs="Uloženo jinde")  # the other process's save …
    stamp = Path(stamp_path())
    replacement = stamp.with_name("elsewhere")
    replacement.write_bytes(b"0123456789abcdef0123456789abcdef")
    replacement.replace(stamp)  # … and its new stamp
    assert "<h1>Uloženo jinde</h1>" in client.get(event_url("cs")).content.decode()


def test_when_no_new_stamp_can_be_written_the_old_one_is_removed(client, event, monkeypatch):
    """A full disk, say: rather than serve old pages, the cache stops until a stamp can be written."""
    client.get(event_url("cs"))

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(version.os, "replace", disk_full)
    event.title_cs = "Nový název"
    event.save()
    assert not Path(stamp_path()).exists()
    assert "<h1>Nový název</h1>" in client.get(event_url("cs")).content.decode()
    Event.objects.filter(pk=event.pk).update(title_cs="Jen v databázi")
    assert "<h1>Jen v databázi</h1>" in client.get(event_url("cs")).content.decode()
    assert [path.name for path in Path(stamp_path()).parent.iterdir()] == []  # no temporary file left


def test_registration_form_is_cached_with_each_visitors_own_csrf_token(event, django_assert_num_queries):
    url = register_url("cs")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(url)
    with django_assert_num_queries(0):
        page = second.get(url)
    assert page.status_code == 200
    cookie = page.cookies[django_settings.CSRF_COOKIE_NAME].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    assert cookie != first.cookies[django_settings.CSRF_COOKIE_NAME].value
    assert "Cookie" in page["Vary"]
    # The token on the cached page goes with this visitor's cookie: the post passes the CSRF check (it
    # reaches the form, which lists what is missing) …
    answer = second.post(url, {"csrfmiddlewaretoken": token, "email": "not-an-address"})
    assert answer.status_code == 200
    assert "csrfmiddlewaretoken" in answer.content.decode()
    # … and it is not the other visitor's.
    assert first.post(url, {"csrfmiddlewaretoken": token}).status_code == 403


def test_a_visitor_keeps_the_same_csrf_cookie_on_a_cached_form(event):
    url = register_url("cs")
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(url)
    cookie = visitor.cookies[django_settings.CSRF_COOKIE_NAME].value
    page = visitor.get(url)
    assert visitor.cookies[django_settings.CSRF_COOKIE_NAME].value == cookie
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    assert visitor.post(url, {"csrfmiddlewaretoken": token}).status_code == 200


def test_a_cached_page_ends_when_the_registration_closes(client, event):
    event.registration_closes = clock.now() + datetime.timedelta(seconds=3)  # in June 2023, the site's day
    event.save()
    assert "<form" in client.get(register_url("en")).content.decode()
    assert "<form" in client.get(register_url("en")).content.decode()  # from the cache
    time.sleep(max(0, (event.registration_closes - clock.now()).total_seconds()) + 0.1)
    assert "Registration is closed." in client.get(register_url("en")).content.decode()


def test_a_page_rendered_before_midnight_ends_at_midnight():
    prague = zoneinfo.ZoneInfo("Europe/Prague")
    evening = datetime.datetime(2023, 6, 20, 23, 59, 30, tzinfo=prague)
    ends = datetime.datetime.fromtimestamp(valid_until(b"no events", evening), tz=prague)
    assert ends == datetime.datetime(2023, 6, 21, 0, 0, tzinfo=prague)


def test_the_page_store_keeps_the_most_recently_used_pages_within_its_size():
    store = PageStore(max_bytes=500)

    def page(size: int) -> Page:
        return Page(b"stamp", time.time() + 60, 200, {}, b"x" * size, False)

    store.put("/a", page(120))
    store.put("/b", page(120))
    assert store.get("/a", b"stamp")  # /a is now the most recently used
    for path in ("/c", "/d", "/e"):
        store.put(path, page(120))  # the last one over 500 bytes: the least recently used (/b) goes
    assert store.get("/b", b"stamp") is None
    assert all(store.get(path, b"stamp") for path in ("/a", "/c", "/d", "/e"))
    assert store.size == 480
    store.put("/huge", page(200))  # more than a quarter of the store: never kept
    assert store.get("/huge", b"stamp") is None
    assert store.get("/a", b"other stamp") is None  # and a page of another stamp is dropped
    assert store.size == 360


def test_unknown_query_parameters_are_answered_from_the_cache(client, event, django_assert_num_queries):
    """`?r=<random>` used to bypass the cache (a full render each time) and push real pages out."""
    client.get(event_url("en"))
    size = store.pages.size
    with django_assert_num_queries(0):
        for n in range(50):
            response = client.get(event_url("en"), {"r": f"{n}-{time.time()}", "utm_source": "x"})
            assert response.status_code == 200
            assert "<h1>Closing seminar (en)</h1>" in response.content.decode()
    assert store.pages.size == size  # no new entry, and the real page is still there


def test_a_first_visit_with_a_query_string_keeps_the_page_for_everyone(client, event, django_assert_num_queries):
    client.get(register_url("pl"), {"fbclid": "abc"})
    with django_assert_num_queries(0):
        assert client.get(register_url("pl")).status_code == 200
