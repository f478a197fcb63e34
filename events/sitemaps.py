"""The sitemap: every public page in every language, with its alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Event, Page


class StaticPagesSitemap(Sitemap):
    # Every page in all five languages, each listing the others as hreflang alternates.
    i18n = True
    alternates = True
    x_default = True

    def items(self) -> list[str]:
        return ["events:home", "events:project", "events:list", "events:partners"] + [
            f"events:{slug}" for slug in (Page.Slug.CONTACT, Page.Slug.PRIVACY, Page.Slug.ACCESSIBILITY)
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class EventSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Event.objects.published()

    def lastmod(self, event: Event):
        return event.updated


sitemaps = {"pages": StaticPagesSitemap, "events": EventSitemap}
