"""The home page's first load in Debian's Chromium: every request and its bytes as transferred
(compressed as served: Chromium asks for gzip and brotli), split into photographs and the rest."""

# The browser and its flags as the browser tests launch it (Playwright cannot download its own here).
from tests.chromium import CHROMIUM
from tests.chromium import CHROMIUM_ARGS as ARGS


def first_load(url: str) -> dict:
    from playwright.sync_api import sync_playwright

    entries = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(locale="cs", viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on("requestfinished", lambda request: entries.append(request))
            page.goto(url, wait_until="networkidle")
            rows = []
            for request in entries:
                sizes = request.sizes()
                response = request.response()
                rows.append(
                    {
                        "url": request.url,
                        "type": request.resource_type,
                        "encoding": (response.headers.get("content-encoding", "") if response else ""),
                        "bytes": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                    }
                )
        finally:
            browser.close()
    photos = [row for row in rows if "/media/" in row["url"]]
    rest = [row for row in rows if row not in photos]
    return {
        "requests": len(rest),
        "bytes": sum(row["bytes"] for row in rest),
        "photo_requests": len(photos),
        "photo_bytes": sum(row["bytes"] for row in photos),
        "files": rows,
    }
