"""Random Unicode, control characters, huge and empty values thrown at the public forms and the staff
pages: never a 500, never a stored half-record.

Each property test counts how many of its examples got past the form to the service (a registration
stored, a link sent, a change saved, a list filtered) and fails when too few did: examples that are all
refused at the door test nothing behind it. (Until this check, the registration form was posted with a
misnamed consent field, so not one example was ever valid.)"""

import string
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction
from django.test import Client, TestCase
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registrations.models import EmailLog, Registration
from tests.factories import in_all_languages, make_coming_event, make_pages, make_part, make_registration

# One example in five at least must reach the service; each test below reaches some half of them.
FAIR_SHARE = 0.2
VALID = {
    "first_name": "Jana",
    "last_name": "Nováková",
    "email": "jana.novakova@example.cz",
    "phone": "+420 601 234 567",
    "organisation": "Obec Horní Dolní",
    "position": "starostka",
    "country": "CZ",
    "diet": "none",
    "diet_other": "",
    "accessibility_needs": "",
    "note": "",
    "privacy": "on",
    "consent_photos": "",
    "consent_sharing": "on",
    "website": "",
}
# Any Unicode, control characters and line breaks included; sometimes huge, sometimes empty.
anything = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "Zs"]), max_size=50),
    st.text(alphabet=string.printable, min_size=2000, max_size=6000),
    st.sampled_from(["", "CZ", "none", "other", "on", "jana@example.org", "+420 601 234 567", "\r\nBcc: x@y.z"]),
)


def half(valid: st.SearchStrategy, other: st.SearchStrategy = anything) -> st.SearchStrategy:
    """`valid` values in about half the examples, `other` in the rest. (`st.one_of` would not do: it
    flattens `anything`'s own choices into its own, so valid values would come once in six.)"""
    return st.booleans().flatmap(lambda take_other: other if take_other else valid)


# A valid form, with names and addresses of every kind (Hypothesis runs no example twice, so valid values
# must vary for valid examples to be many), or with one or two of its fields replaced by anything at all.
field_changes = st.dictionaries(st.sampled_from(sorted(VALID)), anything, min_size=1, max_size=2)
replaced = half(st.just({}), field_changes)
letters = st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo", "Mn"])
names = st.text(alphabet=letters, min_size=1, max_size=40).filter(str.strip)
addresses = st.emails(domains=st.sampled_from(["example.cz", "obec-lhota.cz", "example.org"])).filter(
    lambda email: len(email) <= 254
)
fuzz = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Reached:
    """How many examples reached the service, out of how many ran."""

    def __init__(self) -> None:
        self.examples = self.reached = 0

    def count(self, reached: bool) -> None:
        self.examples += 1
        self.reached += bool(reached)

    def assert_fair_share(self) -> None:
        assert self.examples >= 30, self.examples
        assert self.reached >= FAIR_SHARE * self.examples, (
            f"only {self.reached} of {self.examples} examples reached the service"
        )


@contextmanager
def rolled_back() -> Iterator[None]:
    """Each example starts from the same data: what it stored is undone after it."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def run(test: Callable, *strategies, reached: Reached) -> None:
    """Run `test` over the examples of `strategies`, each in a transaction that is rolled back."""

    @fuzz
    @given(st.tuples(*strategies))
    def example(values: tuple):
        cache.clear()  # the rate limit counts the examples' posts otherwise
        with rolled_back():
            reached.count(test(*values))

    example()
    reached.assert_fair_share()


def assert_no_half_records() -> None:
    for registration in Registration.objects.all():
        assert registration.first_name
        assert registration.last_name
        assert registration.organisation
        assert "@" in registration.email
        assert "\n" not in registration.email
        assert registration.privacy_version
        assert registration.requested_parts.exists()


class RegistrationFormFuzzTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_pages()
        cls.event = make_coming_event(**in_all_languages("title", "Seminar"))
        cls.part = make_part(cls.event, capacity=5)

    def test_registration_form_never_fails_and_never_half_saves(self):
        junk_parts = st.lists(st.one_of(st.integers(), st.text(max_size=20)), min_size=1, max_size=3)
        changes = half(st.just({}), st.one_of(field_changes, junk_parts.map(lambda parts: {"parts": parts})))

        def register(changed: dict, name: str, email: str) -> bool:
            payload = {**VALID, "last_name": name, "email": email, "parts": [self.part.pk], **changed}
            payload["parts"] = [str(part) for part in payload["parts"]]
            response = Client().post(f"/cs/events/{self.event.slug}/register/", payload)
            assert response.status_code in {200, 302}, response.status_code
            assert_no_half_records()
            return Registration.objects.filter(event=self.event).exists()

        run(register, changes, names, addresses, reached=Reached())

    def test_send_my_link_again_never_fails(self):
        make_registration(self.event, parts=[self.part], seat_status="confirmed", email="known@example.cz")
        known = st.sampled_from(["known@example.cz", "KNOWN@Example.CZ", " known@example.cz "])

        def link_again(email: str) -> bool:
            # The lookup and the e-mail are a task, run here as the worker would once the answer is sent.
            with self.captureOnCommitCallbacks(execute=True):
                response = Client().post("/sk/registration/link/", {"email": email})
            assert response.status_code in {200, 302}
            # A valid address is answered "sent" after the service ran (and mailed a known one).
            if "known@example.cz" in email.strip().casefold():
                assert EmailLog.objects.filter(kind="link_again").exists()
            return response.status_code == 302

        run(link_again, half(st.one_of(addresses, known)), reached=Reached())

    def test_private_page_edit_never_fails_and_keeps_what_was_stored(self):
        registration = make_registration(self.event, parts=[self.part], seat_status="confirmed")

        def edit(changes: dict, name: str) -> bool:
            before = Registration.objects.get(pk=registration.pk).updated
            payload = {**VALID, "first_name": name, **changes, "parts": [self.part.pk]}
            response = Client().post(f"/pl/registration/{registration.token}/", payload)
            assert response.status_code in {200, 302}
            stored = Registration.objects.get(pk=registration.pk)
            assert stored.first_name
            assert stored.last_name
            assert stored.organisation
            assert_no_half_records()
            return stored.updated != before

        run(edit, replaced, names, reached=Reached())

    def test_any_token_is_a_404_or_a_page(self):
        real = [make_registration(self.event, parts=[self.part], seat_status="confirmed").token for _ in range(40)]
        tokens = half(st.sampled_from(real), st.text(max_size=200))

        def open_page(candidate: str) -> bool:
            response = Client().get(f"/cs/registration/{candidate.replace('/', '')}/")
            assert response.status_code in {200, 301, 302, 404}
            return response.status_code == 200

        run(open_page, tokens, reached=Reached())


SURNAMES = ["Győrffy", "Żółć", "Šťastná", "Nováková", "Łukaszewicz", "Ödönné", "Čech", "Chalupa"]


class StaffPagesFuzzTest(TestCase):
    """The portal's filters and the check-in search, given anything at all: never a 500."""

    @classmethod
    def setUpTestData(cls):
        from tests.registrations.staff_users import make_user

        make_pages()
        cls.event = make_coming_event(slug="olomouc-2023", **in_all_languages("title", "Seminar"))
        cls.part = make_part(cls.event, capacity=5)
        for last_name in SURNAMES:
            make_registration(cls.event, parts=[cls.part], seat_status="confirmed", country="HU", last_name=last_name)
        cls.partner = make_user("partner", country="HU")
        cls.organiser = make_user("organiser")

    def test_portal_filters_and_exports_never_fail(self):
        valid = {"q": st.sampled_from(["Győrffy", "gyor", "Jana"]), "status": st.sampled_from(["confirmed", ""])}
        valid |= {"part": st.just(str(self.part.pk)), "country": st.sampled_from(["HU", "CZ", ""])}
        params = half(
            st.fixed_dictionaries({}, optional=valid),
            st.dictionaries(st.sampled_from(["q", "part", "status", "country", "page", "x"]), anything),
        )

        def filter_list(query: dict) -> bool:
            filtered = False
            for user in (self.partner, self.organiser):
                client = Client()
                client.force_login(user)
                listed = client.get(f"/hu/portal/events/{self.event.slug}/", query)
                assert listed.status_code == 200
                filtered = bool(listed.context["filters"])
                for suffix in ("participants.csv", "participants.xlsx"):
                    response = client.get(f"/hu/portal/events/{self.event.slug}/{suffix}", query)
                    # An export with a bad filter goes to the list, which names it.
                    assert response.status_code == (302 if listed.context["form"].errors else 200), suffix
            return filtered

        run(filter_list, params, reached=Reached())

    def test_checkin_search_never_fails(self):
        # Part of a surname, in any case, with or without its diacritics: it finds the person.
        found = st.builds(
            lambda name, length, fold: (name.casefold() if fold else name.upper())[:length],
            st.sampled_from(SURNAMES),
            st.integers(min_value=2, max_value=12),
            st.booleans(),
        )
        days = st.one_of(st.integers(), st.text(max_size=30))

        def search(query: str, day) -> bool:
            client = Client()
            client.force_login(self.organiser)
            response = client.get("/cs/checkin/", {"q": query})
            assert response.status_code == 200
            assert client.get(f"/cs/checkin/day/{str(day).replace('/', '')}/", {"q": query}).status_code in {200, 404}
            return bool(query.strip()) and bool(response.context["rows"])

        run(search, half(found), days, reached=Reached())
