import datetime
import gc
import os

import pytest

from .chromium import CHROMIUM, CHROMIUM_ARGS
from .factories import make_pages


def pytest_collection_finish(session):
    """As v4project/wsgi.py does for a web worker: what the test run has loaded (Django, the site, every test
    module) is frozen, so the collection after each large request (v4project/memory.py) walks
    only what the test made, not the whole test run."""
    gc.collect()
    gc.freeze()


# Playwright's sync API runs an event loop in the test thread; Django's live server is another thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# The day the tests of registration live in: a few weeks before the Olomouc seminar of 21–22 June 2023.
BEFORE_THE_SEMINAR = datetime.date(2023, 6, 1)


@pytest.fixture
def before_the_seminar(settings):
    """The site's clock on 1 June 2023 (v4project/clock.py), as in `make run`: registration for the Olomouc
    seminar is open."""
    settings.DEMO_DATE = BEFORE_THE_SEMINAR
    return BEFORE_THE_SEMINAR


@pytest.fixture
def pages(db):
    return make_pages()


@pytest.fixture
def staff_client(client, db):
    """A superuser's client, reading the admin in English."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("boss", "boss@example.com", "a-long-password-123")
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download its own browser here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """`new_page(locale="hu", width=360)`: a fresh context per call, closed after the test."""
    contexts = []

    def open_page(locale: str = "cs", width: int = 1280, height: int = 900):
        context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
