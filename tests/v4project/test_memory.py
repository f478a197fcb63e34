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

from v4project.memory import CollectAfterSignedInRequests

ROOT = Path(__file__).resolve().parent.parent.parent


class Page:
    """Stands for a large page's objects, held in a reference cycle as a template context holds them."""


@pytest.fixture
def no_automatic_collection():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def request_with_a_cycle(user) -> weakref.ref:
    pages = []

    def view(request):
        page = Page()
        page.itself = page
        pages.append(weakref.ref(page))
        return HttpResponse()

    request = RequestFactory().get("/admin/registrations/registration/")
    request.user = user
    CollectAfterSignedInRequests(view)(request)
    return pages[0]


def test_a_signed_in_persons_request_leaves_no_garbage_behind(no_automatic_collection):
    assert request_with_a_cycle(User(username="organiser"))() is None


def test_an_anonymous_visitors_request_costs_no_collection(no_automatic_collection):
    assert request_with_a_cycle(AnonymousUser())() is not None


def test_the_wsgi_application_freezes_what_it_loaded_at_start():
    script = "import gc, v4project.wsgi; print(gc.get_freeze_count())"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    frozen = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert int(frozen) > 50_000
