"""The registrant's own answers carried back to the form: "check your e-mail" names the address it went to,
"wrong address? start again" refills the form, and "register again" after cancelling starts from the previous
answers. Only the visitor's browser holds them (a signed cookie), never a URL, never another visitor."""

import datetime
import random
import re
import time

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from registrations import drafts
from registrations.models import EmailLog, Registration
from tests.factories import make_registration
from tests.registrations.conftest import form_data
from v4project import clock

pytestmark = pytest.mark.django_db

ADDRESS = "starostka@horni-dolni.cz"


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"registrations:{name}", kwargs=kwargs)


def register(client, event, language="en", **overrides):
    data = form_data(event, **{"email": ADDRESS, **overrides})
    return client.post(url("register", language, slug=event.slug), data)


def checked(html: str, name: str) -> list[str]:
    """The values of the checked inputs called `name`."""
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', html)
    return [re.search(r'value="([^"]*)"', tag).group(1) for tag in inputs if " checked" in tag]


def value_of(html: str, name: str) -> str:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
    found = re.search(r'value="([^"]*)"', tag)
    return found.group(1) if found else ""


def test_check_your_email_names_the_address_and_offers_to_start_again(client, olomouc):
    response = register(client, olomouc)
    assert ADDRESS not in response["Location"]  # never in a URL
    page = client.get(response["Location"])
    html = page.content.decode()
    assert f'<strong class="text-break">{ADDRESS}</strong>' in html
    assert "Wrong address?" in html
    assert f'href="{url("register_again", slug=olomouc.slug)}"' in html
    assert "no-store" in page["Cache-Control"]


def test_another_visitor_sees_no_address(client, olomouc):
    response = register(client, olomouc)
    html = Client().get(response["Location"]).content.decode()
    assert ADDRESS not in html
    assert "We have sent an e-mail to the address you entered." in html
    assert "Wrong address?" not in html
    # Nor the answers: without them, "start again" is the empty form.
    again = Client().get(url("register_again", slug=olomouc.slug))
    assert again.status_code == 302
    assert again["Location"] == url("register", slug=olomouc.slug)


def test_the_answers_stay_in_the_visitors_browser_only_for_the_registration_pages(client, olomouc):
    response = register(client, olomouc, language="pl")
    cookie = response.cookies[drafts.COOKIE_NAME]
    assert cookie["path"] == url("register", "pl", slug=olomouc.slug)
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 3600
    assert ADDRESS not in cookie.value  # encoded and signed, not plain text
    assert "Horní" not in cookie.value
    assert "privacy" not in signing.loads(cookie.value, salt=drafts.SALT)


@pytest.mark.parametrize("tamper", ["changed", "expired", "other event"])
def test_a_changed_expired_or_foreign_draft_is_ignored(client, olomouc, tamper):
    draft = {"event": olomouc.pk, "email": ADDRESS, "first_name": "Jana", "sent": True}
    if tamper == "changed":
        value = signing.dumps(draft, salt=drafts.SALT, compress=True)[:-2] + "xx"
    elif tamper == "expired":

        class OneHourAgo(signing.TimestampSigner):
            def timestamp(self):
                return signing.b62_encode(int(time.time()) - 3601)

        value = OneHourAgo(salt=drafts.SALT).sign_object(draft, compress=True)
    else:
        value = signing.dumps({**draft, "event": olomouc.pk + 1}, salt=drafts.SALT, compress=True)
    client.cookies[drafts.COOKIE_NAME] = value
    assert ADDRESS not in client.get(url("check_email", slug=olomouc.slug)).content.decode()
    assert client.get(url("register_again", slug=olomouc.slug)).status_code == 302


def test_start_again_refills_the_form_but_no_consent(client, olomouc, django_capture_on_commit_callbacks):
    register(
        client,
        olomouc,
        first_name="Ödön",
        phone="06 30 123 4567",
        country="HU",
        parts=[olomouc.tour.pk],
        diet="other",
        diet_other="bez ořechů",
        note="Přijedu vlakem.",
        consent_photos="on",
        consent_sharing="on",
    )
    page = client.get(url("register_again", slug=olomouc.slug))
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "The form is filled in with your previous answers." in html
    assert value_of(html, "email") == ADDRESS
    assert value_of(html, "first_name") == "Ödön"
    assert value_of(html, "phone") == "+36 30 123 4567"
    assert value_of(html, "diet_other") == "bez ořechů"
    assert "Přijedu vlakem." in html
    assert checked(html, "parts") == [str(olomouc.tour.pk)]
    assert checked(html, "diet") == ["other"]
    assert '<option value="HU" selected>' in html
    # A consent is given by ticking the box on the form that is sent, never by a box that comes ticked.
    assert checked(html, "privacy") == checked(html, "consent_photos") == checked(html, "consent_sharing") == []
    # The refilled form is sent to the form's own address, and registers as ever.
    assert f'action="{url("register", slug=olomouc.slug)}"' in html
    Registration.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, olomouc, email="starostka@horni-dolni.com")
    assert response.status_code == 302
    assert Registration.objects.get().email == "starostka@horni-dolni.com"
    (message,) = mail.outbox
    assert message.to == ["starostka@horni-dolni.com"]


def test_the_refilled_form_is_never_kept_for_another_visitor(client, olomouc):
    """The page cache keeps the form for everyone; the refilled one is another page, kept by no cache."""
    register(client, olomouc, first_name="Ödön")
    assert "Ödön" in client.get(url("register_again", slug=olomouc.slug)).content.decode()
    stranger = Client()
    assert "Ödön" not in stranger.get(url("register", slug=olomouc.slug)).content.decode()
    assert stranger.get(url("register_again", slug=olomouc.slug)).status_code == 302


def cancelled(olomouc, **overrides):
    fields = {
        "email": ADDRESS,
        "first_name": "Łukasz",
        "last_name": "Żółć",
        "organisation": "Urząd Gminy Łęczna",
        "country": "PL",
        "phone": "+48123456789",
        "diet": "vegan",
        "accessibility_needs": "Dostęp dla osób na wózku",
        "consent_photos": True,
        "consent_sharing": True,
        "status": "cancelled",
        **overrides,
    }
    return make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour], **fields)


def test_register_again_after_cancelling_starts_from_the_previous_answers(
    client, olomouc, django_capture_on_commit_callbacks
):
    registration = cancelled(olomouc)
    page = client.get(url("manage", token=registration.token)).content.decode()
    again = url("register_again_from", token=registration.token)
    assert f'action="{again}"' in page
    response = client.post(again)
    assert response.status_code == 302
    assert response["Location"] == url("register_again", slug=olomouc.slug)
    assert ADDRESS not in response["Location"]
    assert registration.token not in response["Location"]
    html = client.get(response["Location"]).content.decode()
    # Nothing has been sent yet: "check your e-mail" does not claim it.
    assert ADDRESS not in client.get(url("check_email", slug=olomouc.slug)).content.decode()
    assert value_of(html, "email") == ADDRESS
    assert value_of(html, "last_name") == "Żółć"
    assert value_of(html, "phone") == "+48 12 345 67 89"
    assert value_of(html, "organisation") == "Urząd Gminy Łęczna"
    assert "Dostęp dla osób na wózku" in html
    assert sorted(checked(html, "parts")) == sorted([str(olomouc.seminar.pk), str(olomouc.tour.pk)])
    assert checked(html, "diet") == ["vegan"]
    assert checked(html, "privacy") == checked(html, "consent_photos") == checked(html, "consent_sharing") == []
    # Sent without the privacy notice ticked: refused. With it: a new registration that confirms its address.
    data = form_data(olomouc, email=ADDRESS, last_name="Żółć", privacy=None)
    assert "privacy" in client.post(url("register", slug=olomouc.slug), data).context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("register", slug=olomouc.slug), {**data, "privacy": "on"})
    new = Registration.objects.exclude(pk=registration.pk).get()
    assert (new.status, new.email, new.last_name) == ("pending", ADDRESS, "Żółć")
    assert [log.kind for log in EmailLog.objects.filter(registration=new)] == ["confirm_address"]


def test_only_a_cancelled_or_expired_registration_registers_again(client, olomouc):
    active = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    response = client.post(url("register_again_from", token=active.token))
    assert response["Location"] == url("manage", token=active.token)
    assert drafts.COOKIE_NAME not in response.cookies
    expired = make_registration(
        olomouc, parts=[olomouc.seminar], confirm_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert expired.status == "pending"
    assert (
        f'action="{url("register_again_from", token=expired.token)}"'
        in client.get(url("manage", token=expired.token)).content.decode()
    )
    response = client.post(url("register_again_from", token=expired.token))
    assert response["Location"] == url("register_again", slug=olomouc.slug)
    assert drafts.COOKIE_NAME in response.cookies


def test_register_again_is_not_offered_once_registration_has_closed(client, olomouc):
    registration = cancelled(olomouc)
    olomouc.registration_closes = clock.now() - datetime.timedelta(hours=1)
    olomouc.save()
    assert "register-again" not in client.get(url("manage", token=registration.token)).content.decode()
    response = client.post(url("register_again_from", token=registration.token))
    assert response["Location"] == url("manage", token=registration.token)
    # A draft kept from before leads to the form's page, which says registration is closed.
    client.cookies[drafts.COOKIE_NAME] = signing.dumps(
        {"event": olomouc.pk, "email": ADDRESS}, salt=drafts.SALT, compress=True
    )
    assert client.get(url("register_again", slug=olomouc.slug))["Location"] == url("register", slug=olomouc.slug)


def test_long_answers_still_fit_in_the_cookie(client, olomouc):
    """A browser keeps a cookie of up to 4096 bytes: the longest free texts are left out, the rest is kept."""
    letters = random.Random(16).choices([chr(code) for code in range(0x100, 0x180)], k=2000)  # Latin Extended-A
    note, needs = "".join(letters[:1000]), "".join(letters[1000:])
    response = register(client, olomouc, note=note, accessibility_needs=needs, organisation="Obec " + "Ž" * 195)
    cookie = response.cookies[drafts.COOKIE_NAME]
    assert len(cookie.OutputString()) < 4096
    html = client.get(url("register_again", slug=olomouc.slug)).content.decode()
    assert value_of(html, "email") == ADDRESS
    assert value_of(html, "organisation") == "Obec " + "Ž" * 195
    assert note not in html


def test_the_confirmation_page_says_whose_registration_it_confirms(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], first_name="Ödön", last_name="Győrffy")
    html = client.get(url("confirm", token=registration.token)).content.decode()
    assert "You are confirming the registration of <strong>Ödön Győrffy</strong> for “Closing seminar (en)”." in html
    hungarian = client.get(url("confirm", "hu", token=registration.token)).content.decode()
    assert "<strong>Győrffy Ödön</strong>" in hungarian
