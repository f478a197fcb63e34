import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from events.models import Page
from tests.factories import LANGUAGES, make_event, make_partner, make_programme_item

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["home", "project", "list", "partners", "contact", "privacy", "accessibility"]


@pytest.fixture
def site(pages):
    partner = make_partner(country="CZ")
    event = make_event(host=partner, slug="olomouc-2023")
    make_programme_item(event)
    return event


def url(name: str, lang: str, **kwargs) -> str:
    with translation.override(lang):
        return reverse(f"events:{name}", kwargs=kwargs or None)


def all_public_urls(lang: str) -> list[str]:
    return [url(name, lang) for name in PUBLIC_PAGES] + [url("detail", lang, slug="olomouc-2023")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_answers_in_its_language_with_alternates(client, site, lang):
    for path in all_public_urls(lang):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert f'<html lang="{lang}">' in html, path
        for other in LANGUAGES:
            assert f'hreflang="{other}" href="http://testserver/{other}/' in html, (path, other)
        assert f'hreflang="x-default" href="http://testserver{path[3:]}"' in html, path


def test_language_links_lead_to_the_same_page_in_each_language(client, site):
    html = client.get(url("detail", "hu", slug="olomouc-2023")).content.decode()
    for code, name in [("cs", "čeština"), ("sk", "slovenčina"), ("pl", "polski"), ("en", "English")]:
        assert f'<a href="/{code}/events/olomouc-2023/" hreflang="{code}" lang="{code}">{name}</a>' in html
    assert '<span class="language-links__current" lang="hu" aria-current="true">magyar</span>' in html


def test_event_page_shows_the_visitors_language(client, site):
    html = client.get(url("detail", "pl", slug="olomouc-2023")).content.decode()
    assert f"<h1>{site.title_pl}</h1>" in html
    assert site.title_cs not in html


def test_missing_translation_falls_back_to_czech_then_english(client, pages):
    event = make_event(title_hu="", title_sk="", title_cs="Seminář v Olomouci", title_en="Seminar in Olomouc")
    html = client.get(url("detail", "hu", slug=event.slug)).content.decode()
    # Screen readers read it in a Czech voice; a discreet note says it is not translated yet.
    assert '<h1 lang="cs" data-fallback="még nincs lefordítva">Seminář v Olomouci</h1>' in html
    event.title_cs = ""  # only possible outside the admin, where Czech is required
    event.save()
    html = client.get(url("detail", "sk", slug=event.slug)).content.decode()
    assert '<h1 lang="en" data-fallback="zatiaľ nepreložené">Seminar in Olomouc</h1>' in html


def test_root_redirects_by_accept_language(client, site):
    response = client.get("/", headers={"accept-language": "hu-HU,hu;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/hu/"
    assert Client().get("/", headers={"accept-language": "fr"})["Location"] == "/cs/"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("cs", "21.–22. června 2023"),
        ("sk", "21. – 22. júna 2023"),
        ("pl", "21–22 czerwca 2023"),
        ("hu", "2023. június 21–22."),
        ("en", "21–22 June 2023"),
    ],
)
def test_event_dates_are_written_as_each_language_writes_them(client, site, lang, expected):
    assert expected in client.get(url("detail", lang, slug="olomouc-2023")).content.decode()


def test_unknown_and_month_only_dates_are_not_invented(client, pages):
    tba = make_event(date_precision="unknown", start_date=None, end_date=None)
    month = make_event(date_precision="month", start_date="2022-09-01", end_date=None)
    assert "Date not confirmed yet" in client.get(url("detail", "en", slug=tba.slug)).content.decode()
    html = client.get(url("detail", "pl", slug=month.slug)).content.decode()
    assert "wrzesień 2022" in html.lower()
    assert client.get(url("calendar", "en", slug=tba.slug)).status_code == 404


def test_event_page_has_programme_json_ld_and_open_graph(client, site):
    html = client.get(url("detail", "en", slug="olomouc-2023")).content.decode()
    assert '<script type="application/ld+json">' in html
    assert '"startDate": "2023-06-21"' in html
    assert '"endDate": "2023-06-22"' in html
    assert '<meta property="og:type" content="event">' in html
    assert "Opening (en)" in html


def test_calendar_file_has_the_event_days(client, site):
    response = client.get(url("calendar", "en", slug="olomouc-2023"))
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "DTSTART;VALUE=DATE:20230621" in body
    assert "DTEND;VALUE=DATE:20230623" in body
    assert "SUMMARY:Workshop" in body


def test_unpublished_event_is_not_found(client, pages):
    event = make_event(published=False)
    assert client.get(url("detail", "cs", slug=event.slug)).status_code == 404
    assert event.title_cs not in client.get(url("list", "cs")).content.decode()


@pytest.mark.parametrize(("lang", "text"), [("cs", "Stránka nenalezena"), ("hu", "Az oldal nem található")])
def test_not_found_page_is_translated(client, site, lang, text):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()
    assert f'<html lang="{lang}">' in response.content.decode()


def test_server_error_page_is_translated(rf, site):
    from events.views import server_error

    with translation.override("pl"):
        response = server_error(rf.get("/pl/"))
    assert response.status_code == 500
    assert '<html lang="pl">' in response.content.decode()
    assert "Something went wrong" not in response.content.decode()


def test_sitemap_lists_every_page_with_hreflang_alternates(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for lang in LANGUAGES:
        assert f"http://testserver/{lang}/events/olomouc-2023/" in xml
    assert 'hreflang="x-default" href="http://testserver/events/olomouc-2023/"' in xml
    assert xml.count("<url>") == 5 * (7 + 1)


def test_robots_txt_points_to_the_sitemap_and_keeps_private_pages_out(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /*/registration/" in body


def test_favicon_ico_leads_to_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"


def test_every_response_carries_the_security_headers(client, site):
    for path in ("/cs/", "/admin/login/", "/sitemap.xml", "/cs/no-such-page/"):
        response = client.get(path)
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] == "same-origin", path
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
        csp = response["Content-Security-Policy"]
        for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"):
            assert directive in csp, path
        assert "frame-ancestors 'none'" in csp, path
        assert "form-action 'self'" in csp, path


def test_public_pages_have_no_inline_script_or_style_attribute(client, site):
    for path in all_public_urls("en"):
        html = client.get(path).content.decode()
        assert " style=" not in html, path
        scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
        assert all('type="application/ld+json"' in attrs for attrs in scripts), (path, scripts)


def test_healthz_answers_200_when_the_database_and_the_cache_answer(client):
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok\n")


@pytest.mark.parametrize(
    "cache",
    [
        {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "no_createcachetable_run"},
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1"},
    ],
    ids=["missing-cache-table", "redis-down"],
)
def test_healthz_answers_503_naming_the_cache_when_it_fails(client, cache):
    with override_settings(CACHES={"default": cache}):
        response = client.get("/healthz")
    assert (response.status_code, response.content) == (503, b"cache unavailable\n")


def test_healthz_answers_503_when_the_database_does_not(client, tmp_path):
    from django.db import connection

    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(tmp_path / "missing-dir" / "db.sqlite3")
    else:
        connection.settings_dict["PORT"] = "1"
    try:
        response = client.get("/healthz")
        assert response.status_code == 503
        assert b"database unavailable\n" in response.content
    finally:
        connection.close()
        connection.settings_dict.update(saved)


def test_content_page_body_is_escaped_but_formatted(client, pages):
    Page.objects.filter(slug="contact").update(
        body_en='## Office\n\n- <script>alert(1)</script>\n- https://www.smocr.cz\n\nLine "one"\nline two'
    )
    html = client.get(url("contact", "en")).content.decode()
    assert "<h2>Office</h2>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<a href="https://www.smocr.cz"' in html
    assert "<p>Line &quot;one&quot;<br>line two</p>" in html


@pytest.mark.parametrize("name", [*PUBLIC_PAGES, "detail"])
def test_query_count_does_not_grow_with_the_number_of_events(client, pages, name, django_assert_max_num_queries):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count_queries() -> int:
        path = url(name, "cs", slug="olomouc-2023") if name == "detail" else url(name, "cs")
        cache.clear()  # measure the page itself, not the page cache (tests/events/test_cache.py does that)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    partners = [make_partner(country=code) for code in ("CZ", "SK", "PL", "HU")]
    make_event(slug="olomouc-2023", host=partners[0])
    for n in range(3):
        make_programme_item(make_event(host=partners[n % 4]))
    small = count_queries()
    for n in range(36):
        make_programme_item(make_event(host=partners[n % 4]))
    large = count_queries()
    assert small == large
    assert large <= 10


def test_public_pages_use_no_third_party_files(client, site):
    html = client.get(url("home", "cs")).content.decode()
    for src in re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', html):
        assert src.startswith("/static/"), src


def test_timeline_says_held_only_for_known_past_days(client, pages):
    make_event(title_en="Papa", start_date="2022-07-12", end_date=None)
    make_event(title_en="Poland", date_precision="month", start_date="2022-09-01", end_date=None)
    make_event(title_en="Slovakia", date_precision="unknown", start_date=None, end_date=None)
    html = client.get(url("home", "en")).content.decode()
    assert html.count('class="status status--done">Held<') == 1
    assert 'class="status status--tba">Announced<' in html
    assert 'class="status status--tba">Date not confirmed yet<' in html


@pytest.mark.parametrize("path", ["//evil.example", "/\\evil.example", "/cs//evil.example", "/javascript:alert(1)"])
def test_language_links_never_lead_off_the_site(client, site, path):
    html = client.get(path, follow=True).content.decode()
    links = re.findall(r'<a href="([^"]+)" hreflang=', html) + re.findall(r'hreflang="[^"]+" href="([^"]+)"', html)
    assert links
    for link in links:
        assert link.startswith(("/cs/", "/sk/", "/pl/", "/hu/", "/en/", "http://testserver/")), link
        assert "evil.example" not in link, link
        assert "javascript:" not in link, link
