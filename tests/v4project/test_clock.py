"""The site's clock (v4project/clock.py): DEMO_DATE makes the whole site behave as if it were that day, says
so on every page in the page's language, and makes `check --deploy` warn. Without it, the site runs by the
real clock, where the Olomouc seminar of June 2023 has taken place."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import LANGUAGES, make_event, make_open_event, make_part
from v4project import clock

pytestmark = pytest.mark.django_db

BANNERS = {
    "cs": "Ukázka: stránky se chovají, jako by dnes bylo 1. června 2023.",
    "sk": "Ukážka: stránka sa správa, akoby dnes bolo 1. júna 2023.",
    "pl": "Wersja demonstracyjna: strona działa tak, jakby dziś był 1 czerwca 2023.",
    "hu": "Bemutató: az oldal úgy működik, mintha ma 2023. június 1. lenne.",
    "en": "Demo: the site behaves as if today were 1 June 2023.",
}


def path(name: str, lang: str, **kwargs) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def test_demo_date_moves_the_day_and_the_clock_still_runs(settings):
    settings.DEMO_DATE = datetime.date(2023, 6, 1)
    assert clock.today() == datetime.date(2023, 6, 1)
    first = clock.now()
    assert timezone.localtime(first).time().hour == timezone.localtime().time().hour
    assert clock.now() > first
    assert abs((clock.to_real(clock.now()) - timezone.now()).total_seconds()) < 1


def test_without_demo_date_the_site_clock_is_the_real_one():
    assert abs((clock.now() - timezone.now()).total_seconds()) < 1
    assert clock.today() == timezone.localdate()


def test_real_clock_shows_the_seminar_as_held_and_registration_closed(client, pages):
    """What the issue found: "Took place" beside "Registration is open". Now closed when the event began."""
    event = make_open_event(slug="olomouc-2023")  # opened yesterday, no closing time: 21–22 June 2023
    make_part(event, capacity=10)
    html = client.get(path("events:detail", "en", slug=event.slug)).content.decode()
    assert "Held" in html
    assert "Registration is closed." in html
    assert "Registration is open" not in html
    assert path("registrations:register", "en", slug=event.slug) not in html
    assert "Registration is open" not in client.get(path("events:home", "en")).content.decode()
    form = client.get(path("registrations:register", "en", slug=event.slug))
    assert "Registration is closed." in form.content.decode()
    assert "<form" not in form.content.decode()


def test_demo_date_shows_the_seminar_as_coming_with_registration_open(client, pages, before_the_seminar):
    event = make_open_event(slug="olomouc-2023")
    make_part(event, capacity=10)
    html = client.get(path("events:detail", "en", slug=event.slug)).content.decode()
    assert "Upcoming" in html
    assert "Held" not in html
    assert "Registration is open." in html
    assert path("registrations:register", "en", slug=event.slug) in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_carries_the_demo_banner_in_its_language(client, pages, before_the_seminar, lang):
    event = make_open_event(slug="olomouc-2023")
    make_part(event)
    for name, kwargs in [("events:home", {}), ("events:detail", {"slug": event.slug}), ("events:privacy", {})]:
        html = client.get(path(name, lang, **kwargs)).content.decode()
        assert BANNERS[lang] in html, name
    html = client.get(path("registrations:register", lang, slug=event.slug)).content.decode()
    assert BANNERS[lang] in html
    assert BANNERS[lang] in client.get(f"/{lang}/no-such-page/").content.decode()


@pytest.mark.django_db(transaction=True)  # pages are cached once a save has committed
def test_the_banner_is_on_the_cached_page_too(client, pages, before_the_seminar, django_assert_num_queries):
    make_event(slug="olomouc-2023")
    client.get(path("events:home", "hu"))
    with django_assert_num_queries(0):
        cached = client.get(path("events:home", "hu"))
    assert BANNERS["hu"] in cached.content.decode()


def test_the_admin_carries_the_banner(staff_client, before_the_seminar):
    assert BANNERS["en"] in staff_client.get("/admin/").content.decode()


def test_no_banner_on_the_real_clock(client, staff_client, pages):
    make_event(slug="olomouc-2023")
    assert "demo-banner" not in client.get(path("events:home", "en")).content.decode()
    assert "demo-banner" not in staff_client.get("/admin/").content.decode()


def test_check_deploy_warns_when_demo_date_is_set(settings):
    call_command("check", "--deploy", "--tag", "security", stdout=io.StringIO(), stderr=io.StringIO())
    settings.DEMO_DATE = datetime.date(2023, 6, 1)
    with pytest.raises(SystemCheckError, match=r"v4\.W001"):
        call_command("check", "--deploy", "--fail-level", "WARNING", stdout=io.StringIO(), stderr=io.StringIO())


def test_demo_date_comes_from_the_environment_and_must_be_a_date():
    from tests.test_settings import import_settings

    assert import_settings(DEBUG="1", DEMO_DATE="2023-06-01").returncode == 0
    result = import_settings(DEBUG="1", DEMO_DATE="1 June")
    assert result.returncode != 0
    assert "DEMO_DATE must be a date" in result.stderr


def test_the_deployment_never_sets_demo_date():
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs"
    for path in [docs / "deploy.md", *(docs / "deploy").iterdir()]:
        text = path.read_text()
        assert "DEMO_DATE=" not in text, path.name
        assert "DEMO_DATE" not in text or path.name == "deploy.md", path.name
