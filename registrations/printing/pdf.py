"""A template of templates/registrations/printing/ to PDF, with WeasyPrint, in the project's own font.

The templates set their text in Noto Sans from static/fonts (SIL Open Font License; full Latin Extended-A
and -B), declared with @font-face under a family name nothing else defines: no system font is chosen, so
Łukasz Żółć or Győrffy Ödön prints the same on every server, whatever fonts it has installed.

WeasyPrint is imported when the first document is made, not when Django starts: it loads Pango, and a
worker or a management command that prints nothing need not pay for that.

A long document (500 badges) is rendered side by side: its pages in runs, rendered by one process per CPU,
the runs joined in order with pypdf. WeasyPrint is pure Python, so one process uses one CPU: two make 500
badges in a little over half the time. The processes come from a fork
server, started once per process that prints and holding WeasyPrint ready, never forked from a web worker
with threads (an open database connection or a lock held by another thread stays out of them).
"""

import functools
import io
import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
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


def html_to_pdf(html: str, fonts: Path, tagged: bool) -> bytes:
    """WeasyPrint's part, in this process or a side-by-side one: nothing here needs Django."""
    from .engine import HTML
    from .fetcher import ProjectFontsOnly

    document = HTML(string=html, base_url=fonts.as_uri() + "/", url_fetcher=ProjectFontsOnly(fonts))
    return document.write_pdf(pdf_tags=tagged)


def render_pdf(template_name: str, context: dict, *, tagged: bool = True) -> bytes:
    """The template rendered in the active language. Tagged, a PDF's text is read in order by screen readers
    (certificates and sheets people keep); badges are only printed, and tagging 500 took a second more."""
    return html_to_pdf(render_to_string(template_name, context), font_folder(), tagged)


def side_by_side_processes(count: int, *, at_least: int) -> int:
    """How many processes to render `count` pages (or badges) with: one per CPU, but none with fewer than
    `at_least` (a process costs its start and its own copy of the fonts, which a short run does not win back)."""
    return max(1, min(os.cpu_count() or 1, count // at_least))


def render_pdf_side_by_side(template_name: str, contexts: Iterable[dict], *, processes: int) -> bytes:
    """One untagged PDF of the template rendered once per context, each a run of whole pages, in order, by
    `processes` processes. Each run goes to a process as soon as its HTML is rendered here, so they start
    while the later runs are still being prepared; give more runs than processes (twice as many is right)
    and the first starts sooner. With one process and one context, it is all done here."""
    contexts = iter(contexts)
    if processes <= 1:
        (only,) = contexts
        return html_to_pdf(render_to_string(template_name, only), font_folder(), False)
    with ProcessPoolExecutor(processes, mp_context=_fork_server()) as pool:
        runs = [
            pool.submit(html_to_pdf, render_to_string(template_name, context), font_folder(), False)
            for context in contexts
        ]
        return _joined([run.result() for run in runs])


@functools.cache
def _fork_server() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["registrations.printing.engine", "registrations.printing.fetcher"])
    return context


def _joined(runs: list[bytes]) -> bytes:
    """The runs' pages in order, with the first run's title, author and language for the whole document."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(runs[0])))
    for run in runs[1:]:
        writer.append(PdfReader(io.BytesIO(run)))
    joined = io.BytesIO()
    writer.write(joined)
    return joined.getvalue()


def mm(value: float) -> str:
    """A length for the templates' CSS: "99.1mm", never "99,1mm" as a localised number would print."""
    return f"{value:g}mm"
