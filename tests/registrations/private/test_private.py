"""The registrant's private pages: reached only by the link, never cached, indexed or leaked."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from registrations.models import EmailLog, Registration, Seat
from tests.factories import make_registration

pytestmark = pytest.mark.django_db


def url(name, token, language="en"):
    with translation.override(language):
        return reverse(f"registrations:{name}", kwargs={"token": token})


def assert_private_headers(response):
    assert "no-store" in response["Cache-Control"]
    # The site-wide policy: the link in the address reaches no other site through a Referer.
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("name", ["manage", "confirm", "cancel", "qr", "calendar"])
def test_private_pages_send_no_store_same_origin_referrer_noindex(client, olomouc, name):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    response = client.get(url(name, registration.token))
    assert response.status_code in {200, 302}
    assert_private_headers(response)


@pytest.mark.parametrize(
    "token",
    [
        "A" * 43,  # well formed, unknown
        "short",
        "x" * 44,
        "not a token at all!",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop%",
    ],
)
def test_unknown_or_malformed_token_is_the_same_404(client, olomouc, token):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    response = client.get(url("manage", token))
    assert response.status_code == 404
    assert_private_headers(response)
    reference = client.get(url("manage", "B" * 43))

    # The same page, apart from the page's own address in its language links and the form's CSRF token.
    def without_own_address(response) -> str:
        html = re.sub(r"/registration/(?!link/)[^\"]*\"", '/registration/"', response.content.decode())
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)

    assert without_own_address(response) == without_own_address(reference)
    # A helpful page: it offers to send the registrant's current link again.
    assert 'action="/en/registration/link/"' in response.content.decode()


def test_the_stored_hash_does_not_open_the_page(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    assert client.get(url("manage", registration.token_hash)).status_code == 404
    assert client.get(url("manage", registration.token)).status_code == 200


def test_confirm_link_shows_a_button_and_only_a_post_confirms(client, olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], language="en")
    page = client.get(url("confirm", registration.token))
    assert page.status_code == 200
    assert "Confirm my registration" in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == "pending"  # a link scanner's GET confirms nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("confirm", registration.token))
    assert response.status_code == 302
    assert response["Location"] == url("manage", registration.token)
    registration.refresh_from_db()
    assert registration.status == "active"
    (message,) = mail.outbox
    assert url("manage", registration.token) in message.body  # the link that was used keeps working


def test_confirm_link_of_a_confirmed_registration_goes_to_its_page(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    response = client.post(url("confirm", registration.token))
    assert response.status_code == 302
    assert Seat.objects.count() == 1


def test_expired_confirm_link_explains_and_confirms_nothing(client, olomouc):
    past = timezone.now() - datetime.timedelta(minutes=1)
    registration = make_registration(olomouc, parts=[olomouc.seminar], confirm_expires_at=past)
    response = client.post(url("confirm", registration.token))
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not Seat.objects.exists()


def test_private_page_shows_each_part_with_its_status_and_the_qr_code(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    Seat.objects.create(registration=registration, part=olomouc.tour, status="waitlisted", since=timezone.now())
    html = client.get(url("manage", registration.token)).content.decode()
    assert "Seminar and workshops" in html
    assert "confirmed" in html
    assert "on the waiting list, position 1" in html
    assert url("qr", registration.token) in html
    assert url("calendar", registration.token) in html
    assert url("cancel", registration.token) in html


def test_pending_private_page_offers_the_confirm_button(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar])
    html = client.get(url("manage", registration.token)).content.decode()
    assert f'action="{url("confirm", registration.token)}"' in html
    assert client.get(url("qr", registration.token)).status_code == 404  # no door code before confirmation


def test_qr_code_carries_the_checkin_code_not_the_private_token(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    response = client.get(url("qr", registration.token))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    from registrations.mail.attachments import checkin_url

    assert registration.checkin_code in checkin_url(registration)
    assert registration.token not in checkin_url(registration)


def test_calendar_lists_the_confirmed_parts_only(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", language="en")
    Seat.objects.create(registration=registration, part=olomouc.tour, status="waitlisted", since=timezone.now())
    response = client.get(url("calendar", registration.token))
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20230621" in body


def test_editing_details_and_parts_from_the_private_page(client, olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    data = {
        "first_name": "Ödön",
        "last_name": "Győrffy",
        "organisation": "Győr",
        "country": "HU",
        "parts": [olomouc.seminar.pk, olomouc.tour.pk],
        "diet": "vegan",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("manage", registration.token), data)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.first_name, registration.last_name, registration.diet) == ("Ödön", "Győrffy", "vegan")
    assert set(registration.seats.values_list("status", flat=True)) == {"confirmed"}
    assert EmailLog.objects.get().kind == "changed"


def test_editing_with_bad_input_shows_errors_and_changes_nothing(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    response = client.post(url("manage", registration.token), {"first_name": "X\ny", "parts": []})
    assert response.status_code == 200
    assert {"first_name", "last_name", "parts"} <= set(response.context["form"].errors)
    registration.refresh_from_db()
    assert registration.first_name == "Jana"


def test_cancel_asks_first_then_cancels_on_post(client, olomouc, django_capture_on_commit_callbacks):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    assert client.get(url("cancel", registration.token)).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "active"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("cancel", registration.token))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert Seat.objects.get().status == "cancelled"
    assert "cancelled" in client.get(url("manage", registration.token)).content.decode()
    (message,) = mail.outbox
    with translation.override("cs"):  # the registrant's language
        expected = gettext("Your registration has been cancelled: %(title)s").split("%")[0]
    assert message.subject.startswith(expected)


def test_checkin_card_shows_nothing_personal_to_visitors(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name="Šťastná")
    with translation.override("en"):
        card = reverse("registrations:checkin_card", kwargs={"code": registration.checkin_code})
    response = client.get(card)
    assert response.status_code == 200
    assert "Šťastná" not in response.content.decode()
    assert "Show this code at the registration desk" in response.content.decode()
    staff = get_user_model().objects.create_user("desk", password="x" * 12, is_staff=True)
    staff.groups.add(Group.objects.get(name="Organisers"))  # the check-in permission, not just staff
    client.force_login(staff)
    html = client.get(card).content.decode()
    assert "Šťastná" in html
    assert "Obec Testov" in html
    assert "Seminar and workshops" in html


def test_private_forms_refuse_another_sites_origin_even_with_the_token(olomouc):
    """Django's own origin check on every private form: only the site's own origin passes."""
    from django.test import Client

    registration = make_registration(olomouc, parts=[olomouc.seminar])
    browser = Client(enforce_csrf_checks=True)
    token = str(browser.get(url("confirm", registration.token)).context["csrf_token"])
    attack = {"csrfmiddlewaretoken": token}
    assert (
        browser.post(url("confirm", registration.token), attack, HTTP_ORIGIN="https://evil.example").status_code == 403
    )
    registration.refresh_from_db()
    assert registration.status == "pending"


def test_private_forms_need_the_sites_origin_and_the_csrf_token(olomouc):
    from django.test import Client

    registration = make_registration(olomouc, parts=[olomouc.seminar])
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(url("confirm", registration.token))
    token = page.context["csrf_token"]
    ours = "http://testserver"
    assert browser.post(url("confirm", registration.token), HTTP_ORIGIN=ours).status_code == 403
    forged = browser.post(url("confirm", registration.token), {"csrfmiddlewaretoken": "x" * 64}, HTTP_ORIGIN=ours)
    assert forged.status_code == 403
    nowhere = {"csrfmiddlewaretoken": str(token)}
    assert browser.post(url("confirm", registration.token), nowhere, HTTP_ORIGIN="null").status_code == 403
    response = browser.post(url("confirm", registration.token), {"csrfmiddlewaretoken": str(token)}, HTTP_ORIGIN=ours)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "active"


def everything_recorded(olomouc, **overrides):
    """A confirmed registration with every detail filled in, the privacy notice accepted on a known day."""
    fields = {
        "phone": "+36301234567",
        "organisation": "Győr Megyei Jogú Város",
        "position": "polgármester",
        "country": "HU",
        "language": "hu",
        "interpretation_language": "pl",
        "diet": "other",
        "diet_other": "bez ořechů",
        "accessibility_needs": "Bezbariérový přístup\nindukční smyčka",
        "note": "Přijedu vlakem.",
        "consent_photos": True,
        "consent_sharing": False,
        "privacy_version": "3fa1c2d4e5b6",
        "privacy_accepted_at": datetime.datetime(2023, 6, 1, 8, 15, tzinfo=datetime.UTC),
        **overrides,
    }
    return make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", **fields)


@pytest.mark.parametrize("status", ["active", "cancelled"])
def test_private_page_shows_everything_recorded(client, olomouc, status):
    registration = everything_recorded(olomouc, status=status, first_name="Ödön", last_name="Győrffy")
    html = client.get(url("manage", registration.token)).content.decode()
    details = html[html.index('id="details-heading"') :]
    for shown in (
        "Győrffy",
        registration.email,
        "+36 30 123 4567",
        "Győr Megyei Jogú Város",
        "polgármester",
        "Hungary",
        "magyar",
        "other: bez ořechů",
        "Bezbariérový přístup<br>indukční smyčka",
        "Přijedu vlakem.",
        "yes, I agree",
        "accepted on 1 June 2023, 10:15 (version 3fa1c2d4e5b6)",
    ):
        assert shown in details, shown
    assert "<dt>Language of interpretation</dt><dd>polski</dd>" in details
    assert details.count("<dt>") == 14
    assert "<dt>Sharing with the partner associations</dt><dd>no</dd>" in details


def test_private_page_says_what_was_left_empty(client, olomouc):
    registration = everything_recorded(
        olomouc, phone="", position="", accessibility_needs="", note="", interpretation_language=""
    )
    html = client.get(url("manage", registration.token)).content.decode()
    assert html.count("<dd>not given</dd>") == 5
