"""The admin pages for talking to registrants in Chromium (part of the quality suite): a message's page with
its recipients and previews, the send page, an automatic e-mail's page and the digest subscription pass axe
in five languages, on a phone and a screen; and a message is sent with the keyboard alone."""

import pytest
from django.core import mail

from registrations.models import AutomaticRule, Message
from tests.browser.checks import check_page
from tests.browser.test_keyboard import tab_to
from tests.browser.test_quality import LANGUAGES, STAFF_PASSWORD
from tests.factories import in_all_languages, make_coming_event, make_part, make_registration
from tests.registrations.staff_users import make_user

# The real clock: the demo date's banner is the house's own (and wider than a phone in the admin).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def world():
    event = make_coming_event(slug="olomouc-2023", **in_all_languages("title", "Seminar"))
    part = make_part(event, capacity=10)
    for language in ("cs", "hu", "en"):
        make_registration(event, parts=[part], seat_status="confirmed", language=language, first_name="Ödön")
    message = Message.objects.create(
        event=event,
        subject_cs="Autobus",
        body_cs="Dobrý den, {name}.\n{parts}",
        subject_en="Bus",
        body_en="Dear {name}",
    )
    rule = AutomaticRule.objects.get(event=event, kind="reminder")
    organiser = make_user("organiser")
    organiser.set_password(STAFF_PASSWORD)
    organiser.save()
    return message, rule, organiser


def sign_in(new_page, live_server, organiser, *, lang: str, width: int):
    page = new_page(locale=lang, width=width)
    page.goto(f"{live_server.url}/{lang}/account/sign-in/?next=/admin/")
    page.fill("#id_username", organiser.username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pages_for_talking_to_registrants_pass_axe_and_the_phone_checks(live_server, new_page, lang, width):
    message, rule, organiser = world()
    login = sign_in(new_page, live_server, organiser, lang=lang, width=width)
    problems = []
    for path in [
        "registrations/message/",
        "registrations/message/add/",
        f"registrations/message/{message.pk}/change/",
        f"registrations/message/{message.pk}/send/",
        "registrations/automaticrule/",
        f"registrations/automaticrule/{rule.pk}/change/",
        "registrations/digestsubscription/add/",
    ]:
        # Django's admin chrome (its menus and header) is not built to the 24 px tap targets of the public
        # pages: this suite holds the admin to axe, errors and requests, and no sideways scrolling on a phone.
        found = check_page(login, f"{live_server.url}/admin/{path}", width=width)
        problems += [problem for problem in found if "tap target" not in problem]
    assert problems == [], "\n".join(problems)


def test_a_message_is_checked_and_sent_with_the_keyboard_alone(live_server, new_page):
    message, _rule, organiser = world()
    page = sign_in(new_page, live_server, organiser, lang="pl", width=1280)
    page.goto(f"{live_server.url}/admin/registrations/message/{message.pk}/change/")
    # The previews open from the keyboard.
    tab_to(page, "details.message-preview summary")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.parentElement.open")
    page.goto(f"{live_server.url}/admin/registrations/message/{message.pk}/change/")  # the send button is above
    tab_to(page, "a.button[href$='/send/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "3" in page.locator("#content-main").inner_text()
    tab_to(page, "#content-main form [type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    message.refresh_from_db()
    assert message.recipient_count == 3
    assert len(mail.outbox) == 3
