"""The checks every browser test of a page makes, in Debian's Chromium: axe-core (WCAG 2.0/2.1 A and AA), no
console error, no failed request or error response, no horizontal scrolling on a phone, tap targets of at least
24 × 24 px. `check_pages` goes from page to page in one tab; `watch` blames each problem on its own page."""

import weakref
from pathlib import Path

NODE_MODULES = Path(__file__).parent / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
_watched: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # tab: {"url": …, "problems": […]} (watch)

# Targets smaller than 24 × 24 px are allowed inside a sentence (WCAG 2.5.8, "inline" exception).
SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
  .filter(el => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.closest('[hidden], .visually-hidden')) return false;
    if (style.display === 'inline' && el.closest('p, li, dd, td, figcaption, label')) return false;
    return box.width < 24 || box.height < 24;
  })
  .map(el => `${el.tagName} "${(el.innerText || el.value || el.name || '').trim().slice(0, 40)}"`)"""


def url_of(live_server, lang: str, page: str) -> str:
    return f"{live_server.url}/{lang}/{page}"


def watch(page, url: str) -> list[str]:
    """Collect console errors, failed requests and error responses (other than the page's own) of the page
    about to be opened at `url`. A tab is watched once; each call starts a new list, and from then on the
    tab's problems go to it: a tab that checks page after page blames each problem on the page it was on.
    Until the new page's navigation commits, what happens is the old page's (a favicon it was still loading
    and the navigation cuts short, say), and a request belongs to the page that made it."""
    state = _watched.get(page)
    if state is None:
        state = _watched[page] = {}
        owners = {}  # request: the list of the page that made it

        def current(request=None) -> list[str]:
            ours = state["committed"] or (request is not None and request.is_navigation_request())
            return state["problems"] if ours else []

        def on_console(message) -> None:
            # "Failed to load resource" repeats what the response check below reports (or is the 404 page's own).
            if message.type == "error" and not message.text.startswith("Failed to load resource"):
                current().append(f"console error: {message.text}")

        def on_navigated(frame) -> None:
            if frame == page.main_frame:
                state["committed"] = True

        def on_response(response) -> None:
            if response.status >= 400 and response.url != state["url"]:
                owners.get(response.request, []).append(f"HTTP {response.status}: {response.url}")

        def on_request_failed(request) -> None:
            owners.pop(request, []).append(f"request failed: {request.url}")

        page.on("framenavigated", on_navigated)
        page.on("console", on_console)
        page.on("request", lambda request: owners.__setitem__(request, current(request)))
        page.on("response", on_response)
        page.on("requestfailed", on_request_failed)
        page.on("requestfinished", lambda request: owners.pop(request, None))
    state.update(url=url, problems=[], committed=False)
    return state["problems"]


def audit(page, *, width: int) -> list[str]:
    """axe-core's WCAG A/AA rules, horizontal scrolling on a phone, tap targets."""
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
           .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    )
    problems = [f"axe {violation}" for violation in result]
    if width <= 360:
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            problems.append(f"horizontal scroll: {scroll_width}px")
    return problems + [f"tap target under 24 px: {target}" for target in page.evaluate(SMALL_TARGETS)]


def check_page(page, url: str, *, width: int, expect_status: int = 200) -> list[str]:
    problems = watch(page, url)
    response = page.goto(url)
    assert response.status == expect_status, url
    problems += audit(page, width=width)
    return [f"{url} @{width}px: {problem}" for problem in problems]


def check_pages(new_page, live_server, lang: str, width: int, paths: list[str]) -> list[str]:
    """The pages one after another in one tab, as a visitor goes from page to page: each page's problems are
    its own (watch), and the tab keeps what a browser keeps (its renderer, the compiled axe-core, the static
    files), so a page is checked in a third of the time a tab of its own takes."""
    page = new_page(locale=lang, width=width)
    problems = []
    for path in paths:
        problems += check_page(page, url_of(live_server, lang, path), width=width)
    page.close()
    return problems
