"""A visitor registers in Czech with the keyboard alone (Tab, Shift+Tab, Space, Enter and typing), seeing
where the focus is; a form sent with mistakes puts the focus on the list of errors, which links to each
field; the "skip to content" link works."""

import re

import pytest

from events.seed import seed_content
from registrations.content import seed_parts
from registrations.models import Registration

# The site's clock before the Olomouc seminar (v4project/clock.py), as in `make run`: registration is open.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_the_seminar"),
]

FOCUS_VISIBLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== 'none';
}"""


def tab_to(page, selector: str, *, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus, checking the focus shows each step."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_VISIBLE), (
            f"focus not visible on {page.evaluate('document.activeElement.outerHTML')[:120]}"
        )
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def test_registering_in_czech_with_the_keyboard_alone(live_server, new_page):
    seed_content()
    seed_parts()
    page = new_page(locale="cs", width=1280)
    page.goto(live_server.url + "/cs/events/olomouc-2023/register/")

    # The first Tab reaches "skip to content", which moves the focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # The whole form by keyboard, with an impossible phone number that only the server can refuse.
    type_into(page, "#id_first_name", "Jana")
    type_into(page, "#id_last_name", "Šťastná")
    type_into(page, "#id_email", "jana.stastna@example.cz")
    type_into(page, "#id_phone", "12")
    type_into(page, "#id_organisation", "Obec Horní Dolní")
    tab_to(page, "#id_country")
    page.keyboard.type("Česko")  # a closed select picks the option whose name is typed
    tab_to(page, "input[name=parts]")
    page.keyboard.press("Space")
    tab_to(page, "input[name=privacy]")
    page.keyboard.press("Space")
    tab_to(page, "main form [type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The focus is on the list of errors; its link leads to the phone field, which keeps what was typed.
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.evaluate(FOCUS_VISIBLE)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_phone"
    page.keyboard.press("Enter")
    # The jump within the page reaches Playwright as an event after the key press returns: wait for it.
    page.wait_for_url(re.compile(r"#id_phone$"))
    assert page.input_value("#id_first_name") == "Jana"
    # The link makes the phone field the starting point: Tab goes just past it, Shift+Tab back onto it.
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "id_phone"
    assert page.evaluate(FOCUS_VISIBLE)
    page.keyboard.press("Control+A")
    page.keyboard.type("601 234 567")  # as it is written in Czechia, the country chosen
    tab_to(page, "main form [type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/register/check-your-email/")
    registration = Registration.objects.get()
    assert (registration.first_name, registration.last_name, registration.country) == ("Jana", "Šťastná", "CZ")
    assert registration.phone == "+420601234567"
    assert registration.requested_parts.count() == 1


def test_signing_in_with_two_factor_and_setting_it_up_with_the_keyboard_alone(live_server, new_page):
    """Hungarian, on a phone: password, then the app's code; then a second account sets up its app."""
    from django.contrib.auth import get_user_model
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def code_of(device) -> str:
        return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"

    password = "a-long-password-for-tests"
    users = get_user_model().objects
    chief = users.create_user("chief", password=password, is_staff=True)
    device = TOTPDevice.objects.create(user=chief, confirmed=True)
    users.create_user("editor", password=password, is_staff=True)

    page = new_page(locale="hu", width=360)
    page.goto(live_server.url + "/hu/account/sign-in/")
    assert page.evaluate("document.activeElement.id") == "id_username"  # the page starts in the form
    page.keyboard.type("chief")
    type_into(page, "#id_password", password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_server.url + "/hu/account/sign-in/code/"
    type_into(page, "#id_code", code_of(device))
    tab_to(page, "main form [type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_server.url + "/admin/"

    page = new_page(locale="hu", width=360)
    page.goto(live_server.url + "/hu/account/sign-in/?next=/hu/account/two-factor/set-up/")
    # Type only once the page has put the focus in its form (a busy machine may take a moment).
    page.wait_for_function("document.activeElement.id === 'id_username'")
    page.keyboard.type("editor")
    type_into(page, "#id_password", password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    setup = TOTPDevice.objects.get(user__username="editor")
    type_into(page, "#id_code", code_of(setup))
    tab_to(page, "main form [type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_server.url + "/hu/account/two-factor/recovery-codes/"
    assert page.locator(".recovery-codes li").count() == 10


def test_a_partner_registers_a_delegate_who_confirms_and_consents_with_the_keyboard_alone(live_server, new_page):
    from django.contrib.auth import get_user_model

    from events.models import Partner
    from registrations.models import PartnerMembership
    from registrations.tokens import private_token

    seed_content()
    seed_parts()
    user = get_user_model().objects.create_user("partner-sk", password="a-long-password-123")
    PartnerMembership.objects.create(user=user, partner=Partner.objects.get(country="SK"))
    page = new_page(locale="sk", width=360)
    page.goto(live_server.url + "/sk/account/sign-in/?next=/sk/portal/events/olomouc-2023/delegation/")
    page.fill("#id_username", "partner-sk")  # signing in has its own keyboard test
    page.fill("#id_password", "a-long-password-123")
    page.locator("main form [type=submit]").click()
    page.wait_for_url("**/delegation/")

    type_into(page, "#id_first_name", "Ľudovít")
    type_into(page, "#id_last_name", "Šťastný")
    type_into(page, "#id_email", "ludovit@example.sk")
    type_into(page, "#id_organisation", "Obec Košeca")
    tab_to(page, "input[name=parts]")
    page.keyboard.press("Space")
    tab_to(page, "main form.form-horizontal [type=submit], main form [type=submit][name=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    invited = Registration.objects.get(email="ludovit@example.sk")
    assert (invited.country, invited.language, invited.status) == ("SK", "sk", "pending")
    # "Send again" and "withdraw" are reached by Tab too.
    tab_to(page, "form[action$='/send-again/'] button")

    confirm = new_page(locale="sk", width=360)
    confirm.goto(f"{live_server.url}/sk/registration/{private_token(invited.pk, invited.link_version)}/confirm/")
    tab_to(confirm, "input[name=privacy]")
    confirm.keyboard.press("Space")
    tab_to(confirm, "main form [type=submit]")
    with confirm.expect_navigation():
        confirm.keyboard.press("Enter")
    invited.refresh_from_db()
    assert invited.status == "active"
    assert invited.privacy_language == "sk"
