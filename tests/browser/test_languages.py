import pytest

from tests.factories import make_event, make_partner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hungarian_visitor_follows_the_language_link_to_polish_on_an_event_page(live_server, pages, new_page):
    make_event(host=make_partner(country="CZ"), slug="olomouc-2023")
    page = new_page(locale="hu-HU", width=360)

    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/hu/"
    assert page.locator("html").get_attribute("lang") == "hu"

    page.locator(".timeline").get_by_role("link").first.click()
    assert page.url == live_server.url + "/hu/events/olomouc-2023/"

    page.get_by_role("navigation", name="Nyelv").get_by_role("link", name="polski").click()
    assert page.url == live_server.url + "/pl/events/olomouc-2023/"
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator("h1").inner_text().endswith("(pl)")
    # Nothing on the page is wider than a 360 px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
