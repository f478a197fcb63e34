"""A worker's memory stays near its size at start (v4project/memory.py, v4project/wsgi.py)."""

import gc
import os
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpResponse
from django.test import RequestFactory

from v4project.memory import CollectAfterLargeRequests

ROOT = Path(__file__).resolve().parent.parent.parent


class Page:
    """Stands for a page's objects, held in a reference cycle as a template context holds them."""


@pytest.fixture
def no_automatic_collection():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def page_in_a_cycle(rows: int, user=None) -> weakref.ref:
    """A request whose page of `rows` rows is left in a reference cycle, by an organiser unless said."""
    pages = []

    def view(request):
        page = Page()
        page.itself = page
        page.rows = [(number, f"row {number}") for number in range(rows)]
        pages.append(weakref.ref(page))
        return HttpResponse()

    request = RequestFactory().get("/admin/registrations/registration/")
    request.user = user or User(username="organiser")
    CollectAfterLargeRequests(view)(request)
    return pages[0]


def test_a_large_page_leaves_no_garbage_behind(no_automatic_collection):
    gc.enable()  # its many objects make Python collect the youngest ones while it runs, as in a worker
    assert page_in_a_cycle(rows=20_000)() is None


def test_a_visitors_request_never_collects(no_automatic_collection):
    gc.enable()
    assert page_in_a_cycle(rows=20_000, user=AnonymousUser())() is not None


def test_a_small_page_costs_no_collection(no_automatic_collection):
    assert page_in_a_cycle(rows=10)() is not None


def test_the_wsgi_application_freezes_what_it_loaded_at_start():
    script = "import gc, v4project.wsgi; print(gc.get_freeze_count())"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    frozen = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert int(frozen) > 50_000
