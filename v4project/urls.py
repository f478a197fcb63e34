"""The site's URLs: machines' pages and the admin without a language prefix, every page for people with one."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from accounts import views as accounts_views
from events import views as events_views
from events.sitemaps import sitemaps

from . import health

# Machines' pages and the admin live outside the language prefix: they are the same in every language.
# A bare "/" matches nothing here, so LocaleMiddleware redirects it to the visitor's language.
urlpatterns = [
    # Staff sign in on the site's own sign-in page, with its lockout and two-factor step (accounts/views.py).
    path("admin/login/", accounts_views.admin_sign_in),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", events_views.robots_txt, name="robots"),
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", events_views.favicon),
]

urlpatterns += i18n_patterns(
    path("", include("events.urls")),
    path("", include("registrations.urls")),
    path("account/", include("accounts.urls")),
)

# Uploaded files in development; in production the web server serves MEDIA_ROOT (docs/deploy.md).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "events.views.server_error"
