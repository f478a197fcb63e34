"""Random Unicode, control characters, huge and empty values thrown at the public forms: never a 500,
never a stored half-record."""

import string

from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from registrations.models import Registration
from tests.factories import (
    in_all_languages,
    make_coming_event,
    make_open_event,
    make_pages,
    make_part,
    make_registration,
)

FIELDS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "organisation",
    "position",
    "country",
    "diet",
    "diet_other",
    "accessibility_needs",
    "note",
    "consent_privacy",
    "consent_photos",
    "consent_sharing",
    "website",
]
# Any Unicode, control characters and line breaks included; sometimes huge, sometimes empty.
anything = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "Zs"]), max_size=50),
    st.text(alphabet=string.printable, min_size=2000, max_size=6000),
    st.sampled_from(["", "CZ", "none", "other", "on", "jana@example.org", "+420 601 234 567", "\r\nBcc: x@y.z"]),
)
form_data = st.dictionaries(st.sampled_from(FIELDS), anything)
fuzz = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_no_half_records() -> None:
    for registration in Registration.objects.all():
        assert registration.first_name and registration.last_name and registration.organisation
        assert "@" in registration.email and "\n" not in registration.email
        assert registration.privacy_version
        assert registration.requested_parts.exists()


class RegistrationFormFuzzTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_pages()
        cls.event = make_coming_event(**in_all_languages("title", "Seminar"))
        cls.part = make_part(cls.event, capacity=5)

    @fuzz
    @given(data=form_data, parts=st.lists(st.one_of(st.integers(), st.text(max_size=20)), max_size=3))
    def test_registration_form_never_fails_and_never_half_saves(self, data, parts):
        cache.clear()
        payload = {**data, "parts": [str(p) for p in parts] or [str(self.part.pk)]}
        response = Client().post(f"/cs/events/{self.event.slug}/register/", payload)
        assert response.status_code in {200, 302}, response.status_code
        assert_no_half_records()

    @fuzz
    @given(email=anything)
    def test_send_my_link_again_never_fails(self, email):
        cache.clear()
        response = Client().post("/sk/registration/link/", {"email": email})
        assert response.status_code in {200, 302}

    @fuzz
    @given(data=form_data)
    def test_private_page_edit_never_fails_and_keeps_what_was_stored(self, data):
        cache.clear()
        registration = make_registration(self.event, parts=[self.part], seat_status="confirmed")
        response = Client().post(f"/pl/registration/{registration.token}/", {**data, "parts": [self.part.pk]})
        assert response.status_code in {200, 302}
        registration.refresh_from_db()
        assert registration.first_name and registration.last_name and registration.organisation
        assert_no_half_records()

    @fuzz
    @given(token=st.text(max_size=200))
    def test_any_token_is_a_404_or_a_page(self, token):
        response = Client().get(f"/cs/registration/{token.replace('/', '')}/")
        assert response.status_code in {200, 301, 302, 404}


class StaffPagesFuzzTest(TestCase):
    """The portal's filters and the check-in search, given anything at all: never a 500."""

    @classmethod
    def setUpTestData(cls):
        from tests.registrations.staff_users import make_user

        make_pages()
        cls.event = make_open_event(slug="olomouc-2023", **in_all_languages("title", "Seminar"))
        cls.part = make_part(cls.event, capacity=5)
        make_registration(cls.event, parts=[cls.part], seat_status="confirmed", country="HU", last_name="Győrffy")
        cls.partner = make_user("partner", country="HU")
        cls.organiser = make_user("organiser")

    @fuzz
    @given(params=st.dictionaries(st.sampled_from(["q", "part", "status", "country", "page", "x"]), anything))
    def test_portal_filters_and_exports_never_fail(self, params):
        for user in (self.partner, self.organiser):
            client = Client()
            client.force_login(user)
            for suffix in ("", "participants.csv", "participants.xlsx"):
                response = client.get(f"/hu/portal/events/{self.event.slug}/{suffix}", params)
                # An export with a bad filter goes to the list, which says so.
                assert response.status_code == (302 if suffix and response.get("Location") else 200), suffix

    @fuzz
    @given(query=anything, day=st.one_of(st.integers(), st.text(max_size=30)))
    def test_checkin_search_never_fails(self, query, day):
        client = Client()
        client.force_login(self.organiser)
        assert client.get("/cs/checkin/", {"q": query}).status_code == 200
        day_path = str(day).replace("/", "")
        assert client.get(f"/cs/checkin/day/{day_path}/", {"q": query}).status_code in {200, 404}
