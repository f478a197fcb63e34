"""The event page on a phone: a Register button in the first screen (the registration box comes after the
whole programme there), gone on a wide screen where the box stands beside the text."""

import pytest

from events.seed import seed_content
from registrations.content import seed_parts

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_the_seminar"),
]


@pytest.mark.parametrize("lang", ["cs", "hu"])
def test_a_phone_sees_a_register_button_in_the_first_screen(live_server, new_page, lang):
    seed_content()
    seed_parts()
    page = new_page(locale=lang, width=360, height=740)
    page.goto(f"{live_server.url}/{lang}/events/olomouc-2023/")
    button = page.locator(".register-button a")
    assert button.is_visible()
    box = button.bounding_box()
    assert box["y"] + box["height"] <= 740, box  # without scrolling
    assert box["height"] >= 44  # a thumb's target
    button.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/{lang}/events/olomouc-2023/register/")


def test_a_wide_screen_has_only_the_registration_box(live_server, new_page):
    seed_content()
    seed_parts()
    page = new_page(locale="en", width=1280)
    page.goto(f"{live_server.url}/en/events/olomouc-2023/")
    assert not page.locator(".register-button a").is_visible()
    assert page.locator(".registration-box a.btn-primary").is_visible()
