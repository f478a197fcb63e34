"""seed_demo: an account per role and about 60 demo registrations, and running it again changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from registrations.models import EmailLog, PartnerMembership, Registration, Seat

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _development(settings):
    """seed_demo runs only in development."""
    settings.DEBUG = True


ACCOUNTS = ["editor", "organiser", "partner-cz", "partner-sk", "partner-pl", "partner-hu"]


def snapshot() -> dict:
    """Everything seed_demo writes about people, as plain values."""
    users = get_user_model().objects.order_by("username")
    return {
        "users": list(users.values_list("username", "password", "is_staff", "is_superuser", "email")),
        "groups": sorted(users.values_list("username", "groups__name")),
        "memberships": sorted(PartnerMembership.objects.values_list("user__username", "partner__code")),
        "registrations": list(Registration.objects.order_by("pk").values()),
        "seats": list(Seat.objects.order_by("pk").values()),
    }


DEMO_PASSWORD = "a-demo-password-42"


def seed(monkeypatch) -> str:
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_twice_changes_nothing(monkeypatch):
    seed(monkeypatch)
    first = snapshot()
    seed(monkeypatch)
    assert snapshot() == first


def test_seed_demo_creates_the_six_accounts_with_their_roles(monkeypatch):
    output = seed(monkeypatch)
    users = {user.username: user for user in get_user_model().objects.filter(username__in=ACCOUNTS)}
    assert sorted(users) == sorted(ACCOUNTS)
    assert all(user.check_password(DEMO_PASSWORD) for user in users.values())
    assert users["editor"].is_staff
    assert list(users["editor"].groups.values_list("name", flat=True)) == ["Editors"]
    assert users["organiser"].is_staff
    assert users["organiser"].has_perm("registrations.checkin_registration")
    assert not users["editor"].has_perm("registrations.view_registration")
    memberships = dict(PartnerMembership.objects.values_list("user__username", "partner__code"))
    assert memberships == {"partner-cz": "smo-cr", "partner-sk": "zmos", "partner-pl": "zmp", "partner-hu": "toosz"}
    assert not any(users[name].is_staff for name in memberships)
    for name in ACCOUNTS:
        assert name in output
    assert DEMO_PASSWORD in output


def test_seed_demo_registrations_are_marked_mixed_and_keep_the_bus_rules(monkeypatch):
    seed(monkeypatch)
    registrations = Registration.objects.filter(event__slug="olomouc-2023")
    assert 55 <= registrations.count() <= 65
    assert all(r.is_demo and r.organisation.endswith("(demo)") for r in registrations)
    assert all(r.email.endswith("@example.org") for r in registrations)
    assert set(registrations.values_list("country", flat=True)) == {"CZ", "SK", "PL", "HU", "OTHER"}
    assert set(registrations.values_list("language", flat=True)) == {"cs", "sk", "pl", "hu", "en"}
    assert {"none", "vegetarian", "vegan", "gluten-free", "lactose-free", "other"} <= set(
        registrations.values_list("diet", flat=True)
    )
    assert registrations.exclude(accessibility_needs="").count() >= 3
    assert {True, False} == set(registrations.values_list("consent_sharing", flat=True))
    assert registrations.filter(last_name="Żółć", first_name="Łukasz").exists()
    assert registrations.filter(last_name="Győrffy", first_name="Ödön").exists()
    tour = Seat.objects.filter(part__event__slug="olomouc-2023", part__order=2)
    capacity = tour.first().part.capacity
    assert tour.filter(status="confirmed").count() == capacity  # the bus is full…
    assert 3 <= tour.filter(status="waitlisted").count() <= 6  # …and a few wait for a seat
    assert registrations.filter(status="pending").exists()
    assert not EmailLog.objects.exists()  # demo data sends no e-mail


def test_seed_demo_refuses_to_run_in_production(settings, monkeypatch):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG on"):
        seed(monkeypatch)
    assert not get_user_model().objects.exists()
    assert not Registration.objects.exists()


def test_seed_demo_never_changes_an_existing_users_password(monkeypatch):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "the-operators-own-password")
    organiser = get_user_model().objects.create_user("organiser", password="organisers-own-password")
    seed(monkeypatch)
    admin.refresh_from_db()
    organiser.refresh_from_db()
    assert admin.check_password("the-operators-own-password")
    assert organiser.check_password("organisers-own-password")
    assert get_user_model().objects.get(username="editor").check_password(DEMO_PASSWORD)


def test_seed_demo_loads_the_real_content_too(monkeypatch):
    from events.models import Event

    seed(monkeypatch)
    assert Event.objects.count() == 4
