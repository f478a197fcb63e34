"""Personal data that is really gone: after the registrant's own "delete everything", an admin delete or the
anonymisation job, no text column of any table holds the person's name or e-mail address, while the
counts for the grant report stay.

The person first leaves every trace the site keeps: the e-mails sent (and one that failed), an edit in
the admin (its change log), searches for her name in the admin and the partner portal with exports of
the result (the portal and export log), a check-in at the door."""

import datetime
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from events.models import Partner
from registrations.admin.reports import event_overview
from registrations.models import EmailLog, PartnerMembership, PortalAccessLog, Registration, Seat
from tests.factories import make_partner, make_registration
from tests.registrations.conftest import form_data
from tests.registrations.staff_users import make_user

pytestmark = pytest.mark.django_db

FIRST_NAME, LAST_NAME = "Zdeňka", "Přeučilová"
EMAIL = "zdenka.preucilova@obec-lhota.cz"
PHONE = "+420 777 123 987"
TRACES = (LAST_NAME, f"{FIRST_NAME} {LAST_NAME}", EMAIL, PHONE)


def text_columns_holding(*needles: str) -> list[str]:
    """`table.column` of every stored value, in every table of the database, that contains one of the
    needles (case-insensitive): the tables are read from the database itself, not from our models."""
    found = []
    wanted = [needle.casefold() for needle in needles]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - introspected names
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, memoryview | bytes):
                        value = bytes(value).decode("utf-8", "replace")
                    elif isinstance(value, dict | list):
                        value = json.dumps(value, ensure_ascii=False)
                    if isinstance(value, str) and any(needle in value.casefold() for needle in wanted):
                        found.append(f"{table}.{column}")
    return sorted(set(found))


def admin_form_data(response) -> dict:
    """What the admin's change form would post back unchanged: its fields and the inlines' forms."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, field in formset.management_form.fields.items():
            data[f"{formset.prefix}-{name}"] = formset.management_form.initial.get(name, field.initial)
        for index, inline_form in enumerate(formset.forms):
            data[f"{formset.prefix}-{index}-id"] = inline_form.instance.pk
            data[f"{formset.prefix}-{index}-registration"] = inline_form.instance.registration_id
    return data


@pytest.fixture
def zdenka(client, olomouc, settings, django_capture_on_commit_callbacks):
    """Zdeňka registers through the form, confirms, and leaves every trace staff and partners can add."""
    with translation.override("cs"):
        register = reverse("registrations:register", kwargs={"slug": olomouc.slug})
    data = form_data(olomouc, first_name=FIRST_NAME, last_name=LAST_NAME, email=EMAIL, phone=PHONE)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(register, {**data, "note": f"{FIRST_NAME} {LAST_NAME} comes by train"}).status_code == 302
    token = re.search(r"/registration/([^/\s]+)/confirm/", mail.outbox[-1].body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/cs/registration/{token}/confirm/").status_code == 302
    registration = Registration.objects.get(email=EMAIL)
    # Two e-mails that failed (the server's error names the address); staff delete one from the e-mail log.
    for _ in range(2):
        failed = EmailLog.objects.create(
            registration=registration, kind="link_again", language="cs", recipient=EMAIL, error=f"550 <{EMAIL}>: no"
        )
    # Organisers: an edit in the admin, a search for her name and an export of it, a check-in.
    organiser = Client()
    organiser.force_login(make_user("superuser"))
    change = f"/admin/registrations/registration/{registration.pk}/change/"
    edited = {**admin_form_data(organiser.get(change)), "position": "starostka obce"}
    assert organiser.post(change, edited).status_code == 302
    assert organiser.post(f"/admin/registrations/emaillog/{failed.pk}/delete/", {"post": "yes"}).status_code == 302
    assert organiser.get("/admin/registrations/registration/", {"q": LAST_NAME}).status_code == 200
    assert organiser.get("/admin/registrations/registration/export/csv/", {"q": LAST_NAME}).status_code == 200
    seat = registration.seats.get(part=olomouc.seminar)
    assert organiser.post(f"/cs/checkin/seat/{seat.pk}/", {"arrived": "1"}).status_code == 302
    # A partner association searches the portal for her and exports what it found.
    partner = get_user_model().objects.create_user("partner-cz", password="a-long-password-123")
    czech = Partner.objects.filter(country="CZ").first() or make_partner(country="CZ")
    PartnerMembership.objects.create(user=partner, partner=czech)
    portal = Client()
    portal.force_login(partner)
    assert portal.get(f"/cs/portal/events/{olomouc.slug}/", {"q": LAST_NAME}).status_code == 200
    assert portal.get(f"/cs/portal/events/{olomouc.slug}/participants.csv", {"q": EMAIL}).status_code == 200
    # Someone else, who stays: the counts must not lose them.
    make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", country="SK")
    assert text_columns_holding(*TRACES)  # the scan does find her before
    registration.organiser = organiser
    registration.token = token
    return registration


def counts(event) -> dict:
    overview = event_overview(event)
    return {
        "countries": overview["countries"],
        "seats": [(part.pk, part.confirmed_count, part.waitlisted_count) for part in overview["parts"]],
        "checked_in": Seat.objects.filter(part__event=event, checked_in_at__isnull=False).count(),
        "portal_log": PortalAccessLog.objects.filter(event=event).count(),
    }


def test_after_the_registrants_own_delete_nothing_names_her(client, zdenka, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/cs/registration/{zdenka.token}/delete/").status_code == 302
    assert text_columns_holding(*TRACES) == []
    assert PortalAccessLog.objects.count() >= 4  # who looked at the lists stays, without what they searched
    assert EmailLog.objects.filter(kind="data_deleted", recipient="").count() == 1


def test_after_an_admin_delete_nothing_names_her(zdenka):
    response = zdenka.organiser.post(
        f"/admin/registrations/registration/{zdenka.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert response.status_code == 200
    assert not Registration.objects.filter(pk=zdenka.pk).exists()
    assert text_columns_holding(*TRACES) == []


def test_an_admin_delete_gives_her_seat_to_the_waiting_list(zdenka, olomouc):
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    waiting = make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted")
    zdenka.organiser.post(f"/admin/registrations/registration/{zdenka.pk}/delete/", {"post": "yes"})
    assert Seat.objects.get(registration=waiting).status == "confirmed"


def test_after_the_anonymisation_job_nothing_names_her_and_the_counts_stay(zdenka, olomouc, settings):
    settings.DEMO_DATE = datetime.date(2024, 1, 15)  # more than 180 days after the seminar
    settings.ANONYMISE_AFTER_DAYS = 180
    before = counts(olomouc)
    call_command("anonymise_registrations", stdout=io.StringIO())
    assert text_columns_holding(*TRACES) == []
    assert counts(olomouc) == before
    assert Registration.objects.get(pk=zdenka.pk).country == "CZ"


def test_expired_unconfirmed_registrations_leave_no_address_behind(olomouc, django_capture_on_commit_callbacks):
    with translation.override("cs"):
        register = reverse("registrations:register", kwargs={"slug": olomouc.slug})
    data = form_data(olomouc, first_name=FIRST_NAME, last_name=LAST_NAME, email=EMAIL, phone=PHONE)
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(register, data)
    Registration.objects.update(confirm_expires_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    call_command("expire_registrations", stdout=io.StringIO())
    assert text_columns_holding(*TRACES) == []


def test_the_migration_removes_what_earlier_versions_left_behind(olomouc):
    """Before this version: searched names in the portal log, addresses of registrations deleted in the
    admin, names and addresses in the admin's change log."""
    import importlib

    from django.apps import apps
    from django.contrib.admin.models import CHANGE, DELETION, LogEntry
    from django.contrib.contenttypes.models import ContentType

    migration = importlib.import_module("registrations.migrations.0006_forget_leftovers")
    staying = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name="Staying")
    PortalAccessLog.objects.create(username="p", action="list", event=olomouc, detail={"q": LAST_NAME, "page": 1})
    PortalAccessLog.objects.create(username="o", action="admin_export", detail={"filters": {"q": EMAIL, "o": "1"}})
    EmailLog.objects.create(kind="registration_confirmed", language="cs", recipient=EMAIL, subject="Potvrzeno")
    registration_type = ContentType.objects.get_for_model(Registration)
    user = make_user("superuser")
    for object_id, name, flag in [(999, f"{FIRST_NAME} {LAST_NAME}", DELETION), (staying.pk, "Jana Staying", CHANGE)]:
        LogEntry.objects.create(
            user=user, content_type=registration_type, object_id=str(object_id), object_repr=name, action_flag=flag
        )
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(EmailLog),
        object_id="5",
        object_repr=f"private link sent again → {EMAIL}",
        action_flag=DELETION,
    )
    migration.forget_leftovers(apps, None)
    assert text_columns_holding(*TRACES) == []
    assert PortalAccessLog.objects.get(action="list").detail == {"page": 1, "searched": True}
    assert PortalAccessLog.objects.get(action="admin_export").detail == {"filters": {"o": "1"}, "searched": True}
    assert LogEntry.objects.filter(object_repr="Jana Staying").exists()  # a registration still here keeps its name


def test_after_she_hands_her_place_to_a_colleague_nothing_names_her(client, zdenka, django_capture_on_commit_callbacks):
    """The colleague accepts: Zdeňka's seats are theirs, and no column holds her name or address."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/cs/registration/{zdenka.token}/colleague/",
            {"first_name": "Marek", "last_name": "Zástupce", "email": "marek@obec-lhota.cz", "language": "sk"},
        )
    assert response.status_code == 302
    offer_link = re.search(r"/registration/([^/\s]+)/confirm/", mail.outbox[-1].body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/sk/registration/{offer_link}/confirm/", {"privacy": "on"}).status_code == 302
    colleague = Registration.objects.get(email="marek@obec-lhota.cz")
    assert sorted(colleague.seats.values_list("part_id", flat=True)) == sorted(
        Seat.objects.filter(registration=colleague).values_list("part_id", flat=True)
    )
    assert colleague.seats.count() == 2
    assert not Registration.objects.filter(pk=zdenka.pk).exists()
    assert text_columns_holding(*TRACES) == []
    assert EmailLog.objects.filter(kind="substituted", recipient="").count() == 1
