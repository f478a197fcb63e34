"""A seat lock that cannot be had in time is a friendly "busy, please try again" (503), never a 500."""

import sqlite3

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from registrations.models import Registration, Seat
from tests.factories import make_coming_event, make_part, make_registration


class HeldLock:
    """Another database session holding the lock a confirmation needs, as a long transaction would."""

    def __init__(self, part):
        self.part = part

    def __enter__(self):
        settings = connection.settings_dict
        if connection.vendor == "sqlite":
            # SQLite locks the whole database for writing; our connection gives up after 0.2 s.
            self.other = sqlite3.connect(settings["NAME"], isolation_level=None)
            self.other.execute("BEGIN IMMEDIATE")
            connection.ensure_connection()
            connection.connection.execute("PRAGMA busy_timeout = 200")
        else:
            import psycopg2

            self.other = psycopg2.connect(
                dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"], port=settings["PORT"] or 5432
            )
            self.other.cursor().execute("SELECT id FROM registrations_part WHERE id = %s FOR UPDATE", [self.part.pk])
        return self

    def __exit__(self, *exc_info):
        self.other.rollback()
        self.other.close()
        if connection.vendor == "sqlite":
            connection.close()  # the next connection gets the normal busy timeout again


@pytest.mark.django_db(transaction=True)
def test_confirmation_waiting_too_long_for_the_seat_lock_gets_the_busy_page(client, settings):
    settings.REGISTRATION_LOCK_TIMEOUT = 1
    event = make_coming_event()
    bus = make_part(event, capacity=1)
    registration = make_registration(event, parts=[bus])
    with translation.override("cs"):
        url = reverse("registrations:confirm", kwargs={"token": registration.token})
    with HeldLock(bus):
        response = client.post(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert '<html lang="cs">' in response.content.decode()
    with translation.override("cs"):
        assert translation.gettext("Busy, please try again") in response.content.decode()
    assert Registration.objects.get().status == "pending"  # nothing half-saved
    assert not Seat.objects.exists()
    # once the lock is gone, the same button works
    assert client.post(url).status_code == 302
    assert Seat.objects.get().status == "confirmed"
