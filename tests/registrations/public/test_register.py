"""The registration form: what is accepted, what is refused, and what the visitor sees."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from registrations.models import EmailLog, RateLimitHit, Registration, Seat
from tests.factories import make_registration
from tests.registrations.conftest import form_data
from v4project import clock

pytestmark = pytest.mark.django_db


def register_url(event, language="cs"):
    with translation.override(language):
        return reverse("registrations:register", kwargs={"slug": event.slug})


def check_email_url(event, language="cs"):
    with translation.override(language):
        return reverse("registrations:check_email", kwargs={"slug": event.slug})


def test_form_shows_parts_with_seats_left_and_full(client, olomouc):
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    response = client.get(register_url(olomouc, "en"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Seminar and workshops · 21 June 2023 · 119 seats left" in html
    assert "Study tour · 22 June 2023 · full — you will join the waiting list" in html
    assert 'href="/en/privacy/"' in html
    assert "<legend" in html
    assert "fieldset" in html


def test_valid_form_creates_a_pending_registration_and_mails_the_link(
    client, olomouc, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(olomouc, "sk"), form_data(olomouc))
    assert response.status_code == 302
    assert response["Location"] == check_email_url(olomouc, "sk")
    registration = Registration.objects.get()
    assert registration.status == "pending"
    assert registration.language == "sk"
    assert not Seat.objects.exists()
    (message,) = mail.outbox
    assert "/sk/registration/" in message.body
    assert "/confirm/" in message.body


def test_names_keep_every_diacritic_exactly(client, olomouc):
    names = [("Łukasz", "Żółć", "Urząd Gminy Łęczna"), ("Ödön", "Győrffy", "Győr Megyei Jogú Város")]
    names.append(("Lucie", "Šťastná", "Město Čáslav"))
    for n, (first, last, organisation) in enumerate(names):
        data = form_data(olomouc, first_name=first, last_name=last, organisation=organisation, email=f"d{n}@example.eu")
        assert client.post(register_url(olomouc), data).status_code == 302
    stored = set(Registration.objects.values_list("first_name", "last_name", "organisation"))
    assert stored == set(names)


def test_same_address_in_another_case_gets_the_same_page_and_its_existing_link(
    client, olomouc, django_capture_on_commit_callbacks
):
    existing = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", email="mayor@obec.cz")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(olomouc), form_data(olomouc, email="MAYOR@Obec.CZ"))
    assert response.status_code == 302
    assert response["Location"] == check_email_url(olomouc)
    assert Registration.objects.count() == 1
    (message,) = mail.outbox
    assert message.to == ["mayor@obec.cz"]
    assert EmailLog.objects.get().kind == "link_again"
    existing.refresh_from_db()
    # The link it already has: someone who knows a participant's address cannot break their saved link.
    assert f"/cs/registration/{existing.token}/" in message.body


def test_new_and_known_addresses_get_the_same_answer(client, olomouc):
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", email="known@example.cz")
    new = client.post(register_url(olomouc), form_data(olomouc, email="new@example.cz"))
    new_page = client.get(new["Location"])
    known = client.post(register_url(olomouc), form_data(olomouc, email="known@example.cz"))
    known_page = client.get(known["Location"])
    assert (
        (new.status_code, new["Location"]) == (known.status_code, known["Location"]) == (302, check_email_url(olomouc))
    )
    # "Check your e-mail" names the address the visitor typed, and says nothing else about it.
    assert new_page.status_code == known_page.status_code == 200
    new_html, known_html = new_page.content.decode(), known_page.content.decode()
    assert "new@example.cz" in new_html
    assert "known@example.cz" not in new_html
    assert new_html.replace("new@example.cz", "@") == known_html.replace("known@example.cz", "@")


def test_filled_honeypot_stores_nothing_and_sends_nothing(client, olomouc, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(olomouc), form_data(olomouc, website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == check_email_url(olomouc)
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_honeypot_is_hidden_from_people_and_labelled_for_screen_readers(client, olomouc):
    html = client.get(register_url(olomouc, "en")).content.decode()
    assert 'tabindex="-1"' in html
    assert 'autocomplete="off"' in html
    assert "visually-hidden" in html
    assert "Leave this field empty" in html


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"email": "a@b.cz\r\nBcc: victim@example.org"}, "email"),
        ({"first_name": ""}, "first_name"),
        ({"last_name": None}, "last_name"),
        ({"organisation": "x" * 201}, "organisation"),
        ({"first_name": "J" * 101}, "first_name"),
        ({"note": "n" * 1001}, "note"),
        ({"first_name": "Jana\nBcc: x@example.org"}, "first_name"),
        ({"last_name": "Nová\rková"}, "last_name"),
        ({"organisation": "Obec\x00Test"}, "organisation"),
        ({"organisation": "Obec\u200bTest"}, "organisation"),
        ({"position": "starosta\u2028obce"}, "position"),
        ({"phone": "12"}, "phone"),
        ({"phone": "+420 abc"}, "phone"),
        ({"phone": "+1 234 567 890 123 456 789"}, "phone"),
        ({"phone": "601234567", "country": "OTHER"}, "phone"),
        ({"parts": None}, "parts"),
        ({"privacy": None}, "privacy"),
        ({"diet": "other", "diet_other": ""}, "diet_other"),
        ({"diet": "caviar"}, "diet"),
        ({"country": "XX"}, "country"),
    ],
)
def test_bad_input_gets_a_field_error_and_stores_nothing(client, olomouc, overrides, field):
    response = client.post(register_url(olomouc, "en"), form_data(olomouc, **overrides))
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert not Registration.objects.exists()
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'href="#id_' in html  # the summary links to the field


def test_form_keeps_what_was_typed_after_an_error(client, olomouc):
    response = client.post(register_url(olomouc, "en"), form_data(olomouc, email="nope", first_name="Ödön"))
    html = response.content.decode()
    assert 'value="Ödön"' in html
    assert 'value="Obec Horní Dolní"' in html


def test_phone_in_international_format_is_accepted_and_stored_in_e164(client, olomouc):
    client.post(register_url(olomouc), form_data(olomouc, phone="  +48  601 234  567 "))
    assert Registration.objects.get().phone == "+48601234567"


def test_other_diet_keeps_its_text_and_other_choices_drop_it(client, olomouc):
    client.post(register_url(olomouc), form_data(olomouc, diet="other", diet_other="bez ořechů"))
    client.post(register_url(olomouc), form_data(olomouc, email="b@example.cz", diet="vegan", diet_other="stray"))
    assert set(Registration.objects.values_list("diet", "diet_other")) == {("other", "bez ořechů"), ("vegan", "")}


def test_not_yet_open_registration_says_when_it_opens_and_refuses_posts(client, olomouc):
    olomouc.registration_opens = clock.now() + datetime.timedelta(days=3)
    olomouc.save()
    response = client.get(register_url(olomouc, "en"))
    assert response.status_code == 200
    assert "Registration opens on" in response.content.decode()
    assert response.context.get("form") is None
    response = client.post(register_url(olomouc, "en"), form_data(olomouc))
    assert response.status_code == 403
    assert "Registration opens on" in response.content.decode()
    assert not Registration.objects.exists()


def test_closed_registration_says_so_and_refuses_posts(client, olomouc):
    olomouc.registration_opens = clock.now() - datetime.timedelta(days=3)
    olomouc.registration_closes = clock.now() - datetime.timedelta(days=1)
    olomouc.save()
    assert "Registration is closed." in client.get(register_url(olomouc, "en")).content.decode()
    response = client.post(register_url(olomouc, "en"), form_data(olomouc))
    assert response.status_code == 403
    assert "Registration is closed." in response.content.decode()
    assert not Registration.objects.exists()


def test_event_without_registration_has_no_form(client, olomouc):
    olomouc.registration_opens = None
    olomouc.save()
    assert client.get(register_url(olomouc)).status_code == 404


def test_rate_limit_answers_the_eleventh_post_with_a_czech_429(client, olomouc):
    for n in range(10):
        response = client.post(register_url(olomouc), form_data(olomouc, email="bad"), REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 200, n
    response = client.post(register_url(olomouc), form_data(olomouc), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="cs">' in html
    with translation.override("cs"):
        assert gettext("Too many attempts") in html
    assert not Registration.objects.exists()
    # another address is not affected, and X-Forwarded-For cannot dodge the limit
    other = client.post(register_url(olomouc), form_data(olomouc, email="bad"), REMOTE_ADDR="203.0.113.8")
    assert other.status_code == 200
    forged = client.post(
        register_url(olomouc), form_data(olomouc), REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )
    assert forged.status_code == 429


def test_get_requests_are_not_rate_limited(client, olomouc):
    for _ in range(12):
        assert client.get(register_url(olomouc)).status_code == 200


def test_hungarian_form_asks_for_the_family_name_first(client, olomouc):
    html = client.get(register_url(olomouc, "hu")).content.decode()
    assert html.index('id="id_last_name"') < html.index('id="id_first_name"')
    html = client.get(register_url(olomouc, "pl")).content.decode()
    assert html.index('id="id_first_name"') < html.index('id="id_last_name"')


def test_error_summary_follows_the_page_order_and_has_no_nested_links(client, olomouc):
    response = client.post(register_url(olomouc, "en"), {"privacy": ""})
    html = response.content.decode()
    summary = html[html.index('id="error-summary"') : html.index("</ul>", html.index('id="error-summary"'))]
    anchors = [summary.index(f'href="#id_{name}') for name in ("first_name", "last_name", "email", "organisation")]
    assert anchors == sorted(anchors)
    assert summary.index('href="#id_parts_0"') < summary.index('href="#id_privacy"')
    assert summary.count("<a ") == summary.count("</a>") == len(response.context["form"].error_summary())


def test_rate_limit_fails_closed_when_it_cannot_count(client, olomouc):
    with connection.cursor() as cursor:  # rolled back with the test
        cursor.execute(f"DROP TABLE {RateLimitHit._meta.db_table}")
    response = client.post(register_url(olomouc), form_data(olomouc))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert not Registration.objects.exists()


def test_the_rate_limits_table_holds_only_the_current_window(client, olomouc):
    """Counts are rows of their own table, which nothing else evicts: each post removes those older than
    the window, so a flood of posts from many addresses leaves behind only the last ten minutes."""
    from registrations.ratelimit import WINDOW_SECONDS

    long_ago = timezone.now() - datetime.timedelta(seconds=WINDOW_SECONDS + 1)
    RateLimitHit.objects.bulk_create(RateLimitHit(key=f"old-{n}", at=long_ago) for n in range(50))
    client.post(register_url(olomouc), form_data(olomouc, email="bad"), REMOTE_ADDR="203.0.113.9")
    assert RateLimitHit.objects.count() == 1
