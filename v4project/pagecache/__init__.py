"""A page cache for anonymous visitors of the public pages, answered by the first middleware.

A hit touches neither the database nor the session, and runs none of the other middleware: the stored
answer is the finished one, with every header the middleware had added. That is what lets the public
pages keep up with a bare "Hello" view.

- **Where.** In each worker process's memory, least recently used first out (`store.py`).
- **Never stale after a save.** Every page carries the content version it was rendered under
  (`version.py`), read *before* the page is rendered, so a page rendered from the old rows while a save
  commits is stored under the old version and never served.
- **Never stale by the clock.** A page also ends at the next moment it changes by itself: midnight (an
  event begins or is held) and the moments the domain names through `changes_at` (registration opening and
  closing times).
- **Forms.** A page with a form carries a CSRF token, which is the visitor's own: the stored copy holds a
  placeholder that each answer replaces with a token for that visitor's CSRF cookie (`middleware.py`).
- **Which.** A page is kept under its path: the query string is ignored (no cached view reads it), so
  random parameters cannot bypass the cache, fill it or evict real pages.
- **Who.** Anonymous by construction: a request with a session or a messages cookie is never answered from
  here, and an answer that sets any cookie but the CSRF one is never kept.

The rest of the site uses only what this module names: `cached_page` on views, `watch` for the models
whose rows public pages show, `content_changed` for writes that send no signal (bulk inserts, updates), and
`changes_at` for the moments pages change by themselves.
"""

import datetime
import functools
from collections.abc import Callable, Iterable

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Model
from django.db.models.signals import post_delete, post_migrate, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from . import middleware, version


def cached_page(view):
    """Let the page cache keep the view's answers to anonymous GETs, until the content changes. The view
    must not depend on the query string: the page is kept, and served, for its path alone."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if request.method == "GET":
            # The page depends on the cookies (a logged-in user or a message is never served from here).
            patch_vary_headers(response, ("Cookie",))
            response.page_cache = True
        return response

    return wrapped


def content_changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """What public pages show has changed: every cached page is out of date once the transaction commits."""
    version.bump_after_commit(using)


def _model_changed(sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    content_changed(using)


def _migrated(**kwargs) -> None:
    """A migration may change content; it also starts the version on a new installation."""
    version.bump_content_version()


def watch(*models: type[Model]) -> None:
    """Public pages show rows of these models: any save or delete empties the page cache."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(_model_changed, sender=model, dispatch_uid=f"page_cache_save_{label}")
        post_delete.connect(_model_changed, sender=model, dispatch_uid=f"page_cache_delete_{label}")


def watch_migrations(app_config) -> None:
    post_migrate.connect(_migrated, sender=app_config, dispatch_uid=f"page_cache_after_migrate_{app_config.label}")


def changes_at(moments: Callable[[], Iterable[datetime.datetime]]) -> None:
    """`moments()` names the times (on the site's clock) at which pages change without a save; it is asked
    once per content version and process."""
    middleware.moment_providers.append(moments)
