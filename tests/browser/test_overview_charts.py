"""The organisers' overview with its charts, in Chromium: axe in five languages, every chart drawn beside its
table, and on paper each chart whole, with its table, without the admin's header."""

import pytest

from tests.browser.test_quality import LANGUAGES
from tests.browser.test_reservations import check_admin_page, reserve_the_bus, seed_demo, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_the_seminar"),
]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_overviews_charts_pass_axe_and_print_whole(live_server, new_page, lang, monkeypatch):
    seed_demo(monkeypatch)
    event, _seat = reserve_the_bus()
    page = sign_in(new_page, live_server, lang, 1280, "organiser", "/admin/")
    tab = page.context.new_page()
    problems = check_admin_page(tab, f"{live_server.url}/admin/registrations/registration/overview/{event.pk}/")
    assert problems == [], "\n".join(problems)
    charts = tab.locator("figure.chart")
    # Seats, per country on the reserved bus, per day, countries, languages, interpretation, a diet chart per
    # part and the accessibility needs.
    assert charts.count() == 9
    assert tab.locator("figure.chart svg[role=img] > title").count() == 9
    assert tab.locator("#chart-interpretation .chart__table tbody tr").count() == 2
    tab.emulate_media(media="print")
    assert tab.locator("#header").is_hidden()
    for n in range(charts.count()):
        chart = charts.nth(n)
        assert chart.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
        assert chart.locator("svg").is_visible()
        assert chart.locator("table").is_visible()
    assert tab.pdf(format="A4")[:4] == b"%PDF"
