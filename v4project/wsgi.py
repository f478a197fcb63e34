"""The WSGI application for gunicorn (docs/deploy.md)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "v4project.settings")

application = get_wsgi_application()

# The objects loaded at start (every view, through the URLconf) never become garbage: frozen, they are left
# out of every collection, so the one after a large request (v4project/memory.py) walks only
# what requests made.
get_resolver().url_patterns  # noqa: B018 - imports every view now, before the freeze
gc.freeze()
