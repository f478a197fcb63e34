"""The browser checks themselves (tests/browser/checks.py): a tab that checks page after page blames each
problem on the page that caused it."""

import time

import pytest

from tests.browser.checks import watch

pytestmark = pytest.mark.browser


def test_a_tab_that_checks_page_after_page_blames_each_problem_on_its_own_page(new_page):
    """check_pages keeps one tab: what goes wrong on a page is reported for that page and for no other, and a
    request the page still has open when the tab moves on (never answered here), or opens while the next page
    is on its way, is not the next page's."""
    broken = (
        '<img src="/missing.png" alt=""><script>console.error("broken");'
        'addEventListener("load", () => fetch("/never-answered"));'
        'setTimeout(() => fetch("/never-answered-either"), 300)</script>'
    )
    bodies = {"http://site.test/broken/": broken, "http://site.test/fine/": "<p>Fine.</p>"}

    def serve(route) -> None:
        if route.request.url == "http://site.test/fine/":
            time.sleep(0.6)  # the next page on its way while the broken one opens its second request
        if "/never-answered" not in route.request.url:
            route.fulfill(
                status=200 if route.request.url in bodies else 404,
                content_type="text/html",
                body=f"<!doctype html><title>t</title>{bodies.get(route.request.url, '')}",
            )

    page = new_page()
    page.route("http://site.test/**", serve)
    found = []
    for url in ("http://site.test/broken/", "http://site.test/fine/", "http://site.test/broken/"):
        problems = watch(page, url)
        page.goto(url)
        page.wait_for_timeout(100)  # the fetch has started
        found.append(sorted(problems))  # as check_page takes them, before the tab moves on
    expected = ["HTTP 404: http://site.test/missing.png", "console error: broken"]
    assert found == [expected, [], expected]
