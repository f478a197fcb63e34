"""The ceiling: a bare Django "Hello" view, served by gunicorn with the same settings as the site.

This module is its settings, its URLconf and its WSGI application at once (DJANGO_SETTINGS_MODULE=bench.hello,
`gunicorn bench.hello:application`): no apps, no middleware, no database.
"""

import os

from django.http import HttpRequest, HttpResponse
from django.urls import path

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = __name__
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}
USE_TZ = True


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello", content_type="text/plain")


urlpatterns = [path("", hello)]

# Last: building the application imports this module as the settings, which must be complete by then.
from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
