"""A template of templates/registrations/printing/ to PDF, with WeasyPrint, in the project's own font.

The templates set their text in Noto Sans from static/fonts (SIL Open Font License; full Latin Extended-A
and -B), declared with @font-face under a family name nothing else defines: no system font is chosen, so
Łukasz Żółć or Győrffy Ödön prints the same on every server, whatever fonts it has installed.

WeasyPrint is imported when the first document is made, not when Django starts: it loads Pango, and a
worker or a management command that prints nothing need not pay for that.
"""

import functools
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string

FONT_FILES = ("fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf")


@functools.cache
def font_folder() -> Path:
    """Where the font files are (static/fonts); the documents' base URL, so templates name them alone."""
    found = [finders.find(name) for name in FONT_FILES]
    if not all(found):
        raise ImproperlyConfigured(f"The fonts for printing are missing: {', '.join(FONT_FILES)} in static/.")
    return Path(found[0]).resolve().parent


def render_pdf(template_name: str, context: dict, *, tagged: bool = True) -> bytes:
    """The template rendered in the active language. Tagged, a PDF's text is read in order by screen readers
    (certificates and sheets people keep); badges are only printed, and tagging 500 took a second more."""
    from .engine import HTML
    from .fetcher import ProjectFontsOnly

    html = render_to_string(template_name, context)
    document = HTML(string=html, base_url=font_folder().as_uri() + "/", url_fetcher=ProjectFontsOnly())
    return document.write_pdf(pdf_tags=tagged)


def mm(value: float) -> str:
    """A length for the templates' CSS: "99.1mm", never "99,1mm" as a localised number would print."""
    return f"{value:g}mm"
