"""The staff's pages work under the Content Security Policy: no CSP report, no console error, and the
scripts the admin needs (language tabs, inlines, date pickers) really run."""

import pytest
from django.contrib.auth import get_user_model

from events.models import Event
from events.seed import seed_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-password-for-tests"


def watch(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in {"error", "warning"} else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda r: problems.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)
    return problems


def log_in(page, live_server) -> None:
    page.goto(live_server.url + "/admin/login/")  # which leads to the site's sign-in page
    page.fill("#id_username", "boss")
    page.fill("#id_password", PASSWORD)
    page.click("main form [type=submit]")
    page.wait_for_url(live_server.url + "/admin/")


def test_admin_runs_under_the_csp_with_its_scripts_working(live_server, new_page):
    seed_content()
    get_user_model().objects.create_superuser("boss", "boss@example.com", PASSWORD)
    page = new_page(locale="hu", width=1280)
    problems = watch(page)
    log_in(page, live_server)
    for path in [
        "/admin/",
        "/admin/events/event/",
        "/admin/events/event/add/",
        "/admin/accounts/loginlockout/",
        "/admin/events/page/",
        "/admin/registrations/registration/",
        "/admin/registrations/part/add/",
    ]:
        page.goto(live_server.url + path)
    olomouc = Event.objects.get(slug="olomouc-2023")  # its change form has the tabs and the inlines
    page.goto(f"{live_server.url}/admin/events/event/{olomouc.pk}/change/")
    # The tabs are drawn by jQuery UI: proof the vendored script ran under script-src 'self'.
    assert page.locator(".ui-tabs-nav").count() > 0
    page.locator(".ui-tabs-nav a", has_text="hu").first.click()
    assert page.locator("#id_title_hu").is_visible()
    # "Add another programme item" is added by the admin's inline script.
    before = page.locator(".inline-related:not(.empty-form)").count()
    page.locator(".add-row a").first.click()
    assert page.locator(".inline-related:not(.empty-form)").count() == before + 1
    assert problems == []
