"""Users of each role for the staff tests: organiser, editor, partner (of a country), superuser."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.models import Partner
from registrations.models import PartnerMembership
from tests.factories import make_partner

ROLES = ("anonymous", "partner", "editor", "organiser")


def make_user(role: str, *, country: str = "HU"):
    """A user of that role (groups from the data migration); None for "anonymous"."""
    if role == "anonymous":
        return None
    users = get_user_model().objects
    if role == "superuser":
        return users.create_superuser("boss", "boss@example.org", "boss-password-123")
    user = users.create_user(f"{role}-{country.lower()}", f"{role}@example.org", "a-long-password-123")
    if role in {"organiser", "editor"}:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(Group.objects.get(name="Organisers" if role == "organiser" else "Editors"))
    elif role == "partner":
        partner = Partner.objects.filter(country=country).first() or make_partner(country=country)
        PartnerMembership.objects.create(user=user, partner=partner)
    return user


def client_for(client, role: str, *, language: str = "en"):
    """The test client logged in as that role, reading in `language`."""
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client
