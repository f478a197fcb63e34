"""Every public page, in five languages, on a 360 px phone and a 1280 px screen, in Debian's Chromium:
no accessibility violation (axe-core, WCAG 2.0/2.1 A and AA), no console error, no failed request,
no CSP report, no horizontal scrolling, tap targets of at least 24 × 24 px. And valid HTML (Nu checker)."""

import datetime
import io
import json
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from events.models import Event, Partner
from events.seed import seed_content
from registrations import drafts
from registrations.content import seed_parts
from registrations.models import PartnerMembership, Registration, Seat
from tests.browser.checks import VNU, audit, check_page, check_pages, url_of, watch
from tests.factories import make_event, make_part, make_partner, make_registration

# The site's clock before the Olomouc seminar (v4project/clock.py), as in `make run`: registration is open.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_the_seminar"),
]

LANGUAGES = ("cs", "sk", "pl", "hu", "en")
PAGES = [
    "",
    "project/",
    "events/",
    "events/papa-2022/",
    "events/poland-2022/",
    "events/slovakia/",
    "events/olomouc-2023/",
    "partners/",
    "contact/",
    "privacy/",
    "accessibility/",
]
NOT_FOUND = "no-such-page/"


def registration_paths(event: Event, *, language: str = "cs") -> list[str]:
    """The registration pages, with a pending and a confirmed registrant's private pages, and the private
    page of an event that has begun (changes no longer possible, the certificate of attendance to download;
    the site's clock is on 1 June 2023)."""
    pending = make_registration(event, parts=list(event.parts.all()), language=language)
    # Registered by a partner association: the confirmation page asks for the person's own consent.
    invited = make_registration(event, parts=list(event.parts.all()), language=language)
    Registration.objects.filter(pk=invited.pk).update(
        invited_by=Partner.objects.filter(country="SK").first() or make_partner(country="SK"),
        privacy_accepted_at=None,
        privacy_version="",
        privacy_language="",
    )
    active = make_registration(event, parts=list(event.parts.all()), seat_status="confirmed", language=language)
    begun_event = make_event(start_date=datetime.date(2023, 5, 31), end_date=datetime.date(2023, 6, 1))
    begun = make_registration(begun_event, parts=[make_part(begun_event)], seat_status="confirmed", language=language)
    # Checked in on the first day: the page offers the certificate of attendance.
    Seat.objects.filter(registration=begun).update(checked_in_at=timezone.now())
    cancelled = make_registration(event, parts=list(event.parts.all()), status="cancelled", language=language)
    # A colleague's offer of the confirmed registrant's place: the page that takes it over.
    offer = make_registration(event, substitute_for=active, language=language, privacy_version="")
    return [
        f"events/{event.slug}/register/",
        f"events/{event.slug}/register/check-your-email/",
        "registration/link/",
        f"registration/{pending.token}/confirm/",
        f"registration/{invited.token}/confirm/",
        f"registration/{pending.token}/",
        f"registration/{active.token}/",
        f"registration/{active.token}/cancel/",
        f"registration/{active.token}/delete/",
        f"registration/{begun.token}/",
        f"registration/{cancelled.token}/",
        f"registration/{active.token}/colleague/",
        f"registration/{offer.token}/confirm/",
        f"checkin/{active.checkin_code}/",  # a door code opened by a visitor: the staff sign-in link
        f"events/{event.slug}/",  # with its parts: times, where to meet, what each includes; the phone's button
    ]


# A long address, as some municipal ones are: it must wrap on a phone.
SENT_TO = "lucia.stastna.starostka@obec-velka-lehota-nad-dunajom.sk"


def answers_cookie(event: Event) -> dict:
    """The visitor's answers as the registration form leaves them in their browser (registrations/drafts.py),
    for the pages that show them: "check your e-mail" naming the address, and the form filled in again."""
    draft = {
        "event": event.pk,
        "email": SENT_TO,
        "first_name": "Ľudmila",
        "last_name": "Šťastná",
        "phone": "+421905123456",
        "organisation": "Obec Veľká Lehota",
        "position": "starostka",
        "country": "SK",
        "diet": "other",
        "diet_other": "bez orechov",
        "accessibility_needs": "bezbariérový prístup",
        "note": "",
        "parts": [part.pk for part in event.parts.all()],
        "sent": True,
    }
    return {"name": drafts.COOKIE_NAME, "value": signing.dumps(draft, salt=drafts.SALT, compress=True)}


def answered_paths(event: Event) -> list[str]:
    return [f"events/{event.slug}/register/check-your-email/", f"events/{event.slug}/register/again/"]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_pages_pass_axe_and_the_phone_checks(live_server, new_page, lang, width):
    seed_content()
    problems = check_pages(new_page, live_server, lang, width, PAGES)
    page = new_page(locale=lang, width=width)
    problems += check_page(page, url_of(live_server, lang, NOT_FOUND), width=width, expect_status=404)
    assert problems == [], "\n".join(problems)


def with_times_and_a_meeting_place(part) -> None:
    """Test data, not content (facts.md gives no times): the seminar's times and meeting place shown too."""
    part.start_time, part.end_time = datetime.time(9, 0), datetime.time(16, 30)
    for lang in LANGUAGES:
        setattr(part, f"meeting_place_{lang}", f"Main entrance ({lang})")
    part.save()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_registration_pages_pass_axe_and_the_phone_checks(live_server, new_page, lang, width):
    seed_content()
    with_times_and_a_meeting_place(seed_parts()[0])
    pages = registration_paths(Event.objects.get(slug="olomouc-2023"), language=lang)
    problems = check_pages(new_page, live_server, lang, width, pages)
    # With the visitor's own answers: the address named, the form filled in again.
    event = Event.objects.get(slug="olomouc-2023")
    page = new_page(locale=lang, width=width)
    page.context.add_cookies([{**answers_cookie(event), "url": live_server.url}])
    for path in answered_paths(event):
        problems += check_page(page, url_of(live_server, lang, path), width=width)
        assert SENT_TO in page.content()
    page.close()
    # The form sent empty: the error summary and the errors beside each field.
    page = new_page(locale=lang, width=width)
    url = url_of(live_server, lang, pages[0])
    problems += watch(page, url)
    page.goto(url)
    page.locator("main form [type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback, .error-summary, [role=alert]").count() > 0
    problems += [f"{url} (errors) @{width}px: {p}" for p in audit(page, width=width)]
    # A link that does not work: the helpful page with "send my link again".
    unknown = url_of(live_server, lang, f"registration/{'B' * 43}/")
    problems += check_page(page, unknown, width=width, expect_status=404)
    assert problems == [], "\n".join(problems)


STAFF_PASSWORD = "a-demo-password-for-tests"


def staff_pages(event: Event) -> dict[str, list[str]]:
    """What each demo account works with: the partner portal, and the organisers' check-in too."""
    portal = ["portal/", f"portal/events/{event.slug}/", f"portal/events/{event.slug}/?status=waitlisted"]
    portal.append(f"portal/events/{event.slug}/?part=abc&country=XX")  # filters it names as not known
    # The delegation (a partner's own): with an invitation waiting for the person's confirmation.
    partner = PartnerMembership.objects.get(user__username="partner-hu").partner
    if not Registration.objects.filter(invited_by=partner).exists():
        invited = make_registration(event, parts=list(event.parts.all()), country="HU", language="hu")
        Registration.objects.filter(pk=invited.pk).update(invited_by=partner, privacy_accepted_at=None)
    delegation = [f"portal/events/{event.slug}/delegation/", f"portal/events/{event.slug}/delegation/import/"]
    # The door: the study tour's day (its bus full, its waiting list shown), adding a walk-in to a part with
    # seats and to the full one (the warning and the over-capacity choice).
    seminar, tour = event.parts.order_by("date", "order")[:2]
    door = [f"checkin/day/{tour.pk}/", f"checkin/day/{seminar.pk}/walk-in/", f"checkin/day/{tour.pk}/walk-in/"]
    door.insert(0, "checkin/")
    return {"partner-hu": [*portal, *delegation], "organiser": [*portal, *door]}


def seed_demo(monkeypatch) -> None:
    """The development demo (its command runs only with DEBUG on)."""
    monkeypatch.setenv("DEMO_PASSWORD", STAFF_PASSWORD)
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=io.StringIO())


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_portal_and_checkin_pass_axe_and_the_phone_checks(live_server, new_page, lang, width, monkeypatch):
    seed_demo(monkeypatch)
    event = Event.objects.get(slug="olomouc-2023")
    problems = []
    for username, paths in staff_pages(event).items():
        login = new_page(locale=lang, width=width)
        login.goto(url_of(live_server, lang, f"account/sign-in/?next=/{lang}/portal/"))
        login.fill("#id_username", username)
        login.fill("#id_password", STAFF_PASSWORD)
        login.locator("main form [type=submit]").click()
        login.wait_for_url(url_of(live_server, lang, "portal/"))
        for path in paths:
            problems += check_page(login, url_of(live_server, lang, path), width=width)
        login.close()
    assert problems == [], "\n".join(problems)


def account_paths(user) -> list[str]:
    """The sign-in and password-reset pages anyone sees; a valid reset link leads to the set-password form."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return [
        "account/sign-in/",
        "account/password-reset/",
        "account/password-reset/sent/",
        f"account/reset/{uid}/{default_token_generator.make_token(user)}/",
        "account/reset/MQ/no-such-token/",
        "account/reset/done/",
    ]


def with_two_factor(user) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    two_factor.recovery_codes_renew(user=user)
    return device


def current_code(device: TOTPDevice) -> str:
    from django_otp.oath import TOTP

    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_account_pages_pass_axe_and_the_phone_checks(live_server, new_page, lang, width):
    """Signing in (with its errors and the two-factor step), two-factor sign-in, the password reset."""
    partner = get_user_model().objects.create_user("partner-hu", "partner@example.org", STAFF_PASSWORD)
    PartnerMembership.objects.create(user=partner, partner=make_partner(country="HU"))
    device = with_two_factor(partner)
    get_user_model().objects.create_user("editor", "editor@example.org", STAFF_PASSWORD, is_staff=True)
    problems = []
    problems += check_pages(new_page, live_server, lang, width, account_paths(partner))
    # A wrong password: the error beside the form.
    page = new_page(locale=lang, width=width)
    url = url_of(live_server, lang, "account/sign-in/")
    problems += watch(page, url)
    page.goto(url)
    page.fill("#id_username", "partner-hu")
    page.fill("#id_password", "wrong-password")
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".alert-danger, .invalid-feedback").count() > 0
    problems += [f"{url} (wrong password) @{width}px: {p}" for p in audit(page, width=width)]
    # The code step, then the account's two-factor pages.
    page.fill("#id_username", "partner-hu")
    page.fill("#id_password", STAFF_PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url(url_of(live_server, lang, "account/sign-in/code/"))
    problems += [f"code step @{width}px: {p}" for p in audit(page, width=width)]
    page.fill("#id_code", current_code(device))
    page.locator("main form [type=submit]").click()
    page.wait_for_url(url_of(live_server, lang, "portal/"))
    for path in ("account/two-factor/", "account/two-factor/recovery-codes/", "account/two-factor/set-up/"):
        problems += check_page(page, url_of(live_server, lang, path), width=width)
    # Setting it up from the start: the QR code and the key.
    page = new_page(locale=lang, width=width)
    page.goto(url_of(live_server, lang, "account/sign-in/"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", STAFF_PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")
    problems += check_page(page, url_of(live_server, lang, "account/two-factor/"), width=width)
    problems += check_page(page, url_of(live_server, lang, "account/two-factor/set-up/"), width=width)
    assert page.locator("img.account-qr").evaluate("img => img.complete && img.naturalWidth > 0")
    assert problems == [], "\n".join(problems)


def test_every_page_is_valid_html(tmp_path, monkeypatch):
    """The Nu HTML checker on the public, registration, private, portal, check-in and account pages, in five
    languages."""
    seed_demo(monkeypatch)
    event = Event.objects.get(slug="olomouc-2023")
    registration_pages = registration_paths(event)
    visitor, organiser, answered, partner_cz = Client(), Client(), Client(), Client()
    answered.cookies[drafts.COOKIE_NAME] = answers_cookie(event)["value"]
    organiser.force_login(get_user_model().objects.get(username="organiser"))
    partner_cz.force_login(get_user_model().objects.get(username="partner-cz"))
    partner = get_user_model().objects.get(username="partner-hu")
    with_two_factor(partner)
    two_factor.pending_device(user=get_user_model().objects.get(username="organiser"))
    files = []
    for lang in LANGUAGES:
        pages = [(visitor, path) for path in [*PAGES, NOT_FOUND, *registration_pages, *account_paths(partner)]]
        pages += [(organiser, path) for path in staff_pages(event)["organiser"]]
        pages += [(partner_cz, path) for path in staff_pages(event)["partner-hu"] if "delegation" in path]
        pages += [(organiser, f"account/two-factor/{path}") for path in ("", "set-up/")]
        pages.append((visitor, f"events/{event.slug}/register/?sent-empty"))
        pages += [(answered, path) for path in answered_paths(event)]
        for client, path in pages:
            if path.endswith("?sent-empty"):
                response = client.post(f"/{lang}/events/{event.slug}/register/", {})
            else:
                response = client.get(f"/{lang}/{path}", follow=True)  # a reset link leads to its form
            name = f"{lang}-{path}".replace("/", "_").replace("?", "_")
            file = tmp_path / f"{name}.html"
            file.write_bytes(response.content)
            files.append(str(file))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == [], "\n".join(errors)
