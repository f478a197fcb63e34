"""Template tags of the public pages: language links, rich text, pictures, JSON-LD, dates."""

import json
import re

from django import template
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.html import format_html, urlize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from modeltranslation.utils import build_localized_fieldname

from .. import images
from ..dates import date_span, day_heading, event_dates

register = template.Library()


@register.simple_tag(takes_context=True)
def alternate_urls(context) -> list[dict]:
    """The current page in every language, for the language links and `<link rel="alternate">`."""
    request = context["request"]
    current = get_language()
    links = []
    try:
        resolve(request.path_info)
        ours = True
    except Resolver404:
        ours = False
    for code, name in settings.LANGUAGES:
        if ours:
            url = translate_url(request.path, code)
        else:
            # Not one of our pages (a 404 for "//evil.example", say): offer each language's home page and
            # never echo the visitor's path into a link.
            with translation.override(code):
                url = reverse("events:home")
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return links


@register.filter
def x_default(alternates: list[dict]) -> str:
    """The page without a language prefix: it sends each visitor to their own language."""
    czech = next(link for link in alternates if link["code"] == settings.LANGUAGE_CODE)
    return czech["absolute_url"].replace(f"/{settings.LANGUAGE_CODE}/", "/", 1)


register.filter("date_span", date_span)
register.filter("event_dates", event_dates)
register.filter("day_heading", day_heading)


@register.filter
def richtext(text: str, heading_level: int = 2) -> SafeString:
    """Plain text to HTML: blank lines make paragraphs, "## " a heading, "- " list items.

    Every piece of text is escaped before it is wrapped in tags, so staff content cannot inject markup.
    """
    blocks = [block.strip("\n") for block in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n"))]
    html = []
    for block in filter(None, blocks):
        lines = block.split("\n")
        if block.startswith("## "):
            html.append(format_html("<h{0}>{1}</h{0}>", heading_level, block[3:].strip()))
        elif all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{urlize(line[2:].strip(), autoescape=True)}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append("<p>" + "<br>".join(urlize(line, autoescape=True) for line in lines) + "</p>")
    # Review note: safe because every text fragment above went through format_html or urlize(autoescape=True).
    return mark_safe("\n".join(html))  # noqa: S308


@register.filter
def json_ld(data: dict | None) -> SafeString:
    """A `<script type="application/ld+json">` block; <, > and & are escaped as in json_script."""
    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    payload = payload.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    # Review note: safe because the JSON above has every character that could end the script escaped.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.inclusion_tag("includes/picture.html")
def picture(renditions: list[dict], alt: str, sizes: str = "100vw", css_class: str = "", lazy: bool = True):
    """An `<img>` with srcset, width and height from the stored WebP renditions."""
    main = images.fallback(renditions)
    if main is None:
        return {"img": None}
    return {
        "img": {
            "src": default_storage.url(main["name"]),
            "srcset": images.srcset(renditions),
            "width": main["width"],
            "height": main["height"],
            "alt": alt,
            "sizes": sizes,
            "css_class": css_class,
            "lazy": lazy,
        }
    }


@register.simple_tag
def fallback_attrs(obj, field: str) -> str:
    """` lang="cs" data-fallback="not yet translated"` when `obj.field` has no text in the page's language and
    shows the fallback language's (Czech, then English): screen readers switch voice, and the CSS adds a
    discreet marker. Nothing when the text is in the page's own language."""
    if getattr(obj, build_localized_fieldname(field, get_language()), None):
        return ""
    for code in settings.MODELTRANSLATION_FALLBACK_LANGUAGES:
        if code != get_language() and getattr(obj, build_localized_fieldname(field, code), None):
            return format_html(' lang="{}" data-fallback="{}"', code, gettext("not yet translated"))
    return ""


@register.filter
def largest_url(renditions: list[dict]) -> str:
    """The address of the largest stored rendition, for the photo viewer."""
    return default_storage.url(renditions[-1]["name"]) if renditions else ""
