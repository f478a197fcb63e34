"""The photo viewer on an event page: Enter on a photo opens its large rendition in a dialog, Escape closes
it and the focus returns to the photo; axe finds nothing with the dialog open, in five languages."""

import pytest

from events.models import Event, Photo
from events.seed import seed_content
from tests.browser.checks import audit
from tests.browser.test_quality import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_photo_viewer_opens_with_enter_closes_with_escape_and_returns_the_focus(live_server, new_page, lang):
    seed_content()
    event = Event.objects.get(slug="olomouc-2023")
    Photo.objects.create(
        event=event,
        image="photos/opening.jpg",
        width=1600,
        height=1067,
        caption_cs="Zahájení semináře",
        caption_en="Opening of the seminar",
        renditions=[
            {"width": 480, "height": 320, "name": "photos/renditions/opening-480.webp"},
            {"width": 1600, "height": 1067, "name": "photos/renditions/opening-1600.webp"},
        ],
    )
    page = new_page(locale=lang, width=1280)
    page.goto(f"{live_server.url}/{lang}/events/olomouc-2023/")
    link = page.locator("a[data-viewer]")
    link.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("#photo-viewer")
    assert dialog.evaluate("d => d.open")
    assert dialog.locator("img").get_attribute("src").endswith("/photos/renditions/opening-1600.webp")
    assert dialog.locator(".viewer__caption").inner_text().strip()
    assert page.evaluate("document.activeElement.closest('#photo-viewer') !== null")
    assert [problem for problem in audit(page, width=1280) if problem.startswith("axe")] == []
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.matches('a[data-viewer]')")
