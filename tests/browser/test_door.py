"""At the door on a 360 px phone, in Czech, by keyboard: a walk-in added to the full bus by the organiser's
decision, a no-show's seat given to the first on the waiting list, and a participant's Hungarian QR code read
by the phone's camera, which opens the card in Czech."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from registrations.mail.attachments import checkin_url, qr_png
from registrations.models import Registration, Seat
from tests.browser.test_keyboard import tab_to
from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.factories import in_all_languages, make_open_event, make_part, make_registration

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("before_the_seminar"),
]

PASSWORD = "organiser-password-2023"


@pytest.fixture
def door(db):
    event = make_open_event(slug="olomouc-door", **in_all_languages("title", "Závěrečný seminář"))
    bus = make_part(event, date=timezone.localdate(), capacity=1, **in_all_languages("name", "Studijní cesta"))
    make_registration(event, parts=[bus], seat_status="confirmed", first_name="Pavel", last_name="Hora")
    for minutes, name in ((30, "Kovács"), (10, "Nagy")):
        since = timezone.now() - datetime.timedelta(minutes=minutes)
        make_registration(event, parts=[bus], seat_status="waitlisted", last_name=name, since=since, language="hu")
    organiser = get_user_model().objects.create_user("organiser", "organiser@example.org", PASSWORD, is_staff=True)
    organiser.groups.add(Group.objects.get(name="Organisers"))
    event.bus = bus
    return event


def sign_in(page, live_server, next_path: str) -> None:
    page.goto(f"{live_server.url}/cs/account/sign-in/?next={next_path}")
    page.fill("#id_username", "organiser")
    page.fill("#id_password", PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(f".*{re.escape(next_path)}$"))


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_no_shows_seat_and_a_walk_in_on_the_full_bus_by_keyboard(live_server, new_page, door):
    page = new_page(locale="cs", width=360)
    sign_in(page, live_server, f"/cs/checkin/day/{door.bus.pk}/")
    assert no_horizontal_scroll(page)
    # The waiting list is at the door, first in line first.
    waiting = page.locator(".checkin__waiting-list li")
    expect(waiting).to_have_text([re.compile("1. Jana Kovács"), re.compile("2. Jana Nagy")])

    # Pavel Hora has not come: his seat goes to the first in line.
    tab_to(page, "#checkin-freed")
    page.locator("#checkin-freed").select_option(str(Seat.objects.get(registration__last_name="Hora").pk))
    tab_to(page, ".checkin__fill [type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".checkin__waiting-list li")).to_have_text([re.compile("1. Jana Nagy")])
    assert Seat.objects.get(registration__last_name="Kovács").status == Seat.Status.CONFIRMED
    assert Seat.objects.get(registration__last_name="Hora").status == Seat.Status.CANCELLED

    # Then someone unregistered turns up for the full bus: warned, seated by the organiser's decision.
    tab_to(page, "a[href$='/walk-in/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(".*/walk-in/$"))
    expect(page.locator("#walk-in-full")).to_be_visible()  # the bus is full: warned first
    assert no_horizontal_scroll(page)
    for selector, text in (("#id_first_name", "Ödön"), ("#id_last_name", "Győrffy"), ("#id_organisation", "Pápa")):
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "#id_country")
    page.locator("#id_country").select_option("HU")
    tab_to(page, "#id_over_capacity")
    page.keyboard.press("Space")
    tab_to(page, "main form [type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(f".*/cs/checkin/day/{door.bus.pk}/$"))
    seat = Seat.objects.get(registration__last_name="Győrffy")
    assert (seat.over_capacity, seat.checked_in_at is not None) == (True, True)
    expect(page.locator(".checkin__row--arrived .checkin__name")).to_have_text(["Ödön Győrffy"])
    expect(page.locator(".checkin__row .checkin__name")).to_have_text(["Ödön Győrffy", "Jana Kovács"])

    assert no_horizontal_scroll(page)


def fake_camera_video(path, url: str) -> None:
    """A Y4M video whose frames show the QR code of `url`, for Chromium's fake camera."""
    code = Image.open(io.BytesIO(qr_png(url))).convert("L")
    width, height = 640, 480
    image = Image.new("L", (width, height), 255)
    image.paste(code, ((width - code.width) // 2, (height - code.height) // 2))
    chroma = bytes([128]) * (width * height // 2)
    with path.open("wb") as video:
        video.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(10):
            video.write(b"FRAME\n" + image.tobytes() + chroma)


def test_the_camera_reads_a_hungarian_code_and_opens_the_card_in_czech(live_server, browser, door, tmp_path):
    participant = make_registration(
        door, parts=[door.bus], seat_status="waitlisted", first_name="Ödön", last_name="Győrffy", language="hu"
    )
    Seat.objects.filter(registration=participant).update(status=Seat.Status.CONFIRMED)
    # The code as printed on the badge: the site's public address and the participant's language in its link.
    url = checkin_url(participant)
    assert "/hu/checkin/" in url
    video = tmp_path / "qr.y4m"
    fake_camera_video(video, url)
    camera = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    try:
        context = camera.new_context(locale="cs", viewport={"width": 360, "height": 800})
        context.grant_permissions(["camera"], origin=live_server.url)
        page = context.new_page()
        sign_in(page, live_server, "/cs/checkin/")
        scan = page.locator("#checkin-scan")
        expect(scan).to_be_visible()  # only with a camera: the page works without the script
        scan.click()
        page.wait_for_url(re.compile(f".*/cs/checkin/{participant.checkin_code}/$"), timeout=15000)
        expect(page.locator(".checkin__card-name")).to_have_text("Ödön Győrffy")
        assert page.evaluate("document.documentElement.lang") == "cs"
        # The QR library is the site's own copy, never a CDN's.
        assert page.evaluate("[...document.scripts].every(s => !s.src || s.src.startsWith(location.origin))")
        context.close()
    finally:
        camera.close()
    assert Registration.objects.filter(pk=participant.pk).exists()
