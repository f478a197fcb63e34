import datetime
import io
import json

import pytest
from django.core import mail
from django.core.management import call_command

from registrations.models import EmailLog, PortalAccessLog, Registration, Seat
from registrations.services import privacy
from tests.factories import make_event, make_part, make_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def bus(pages):
    event = make_event(slug="olomouc-2023")
    return make_part(event, capacity=1)


def test_registrant_downloads_all_their_data_and_is_told_by_email(client, bus, django_capture_on_commit_callbacks):
    registration = make_registration(
        bus.event, parts=[bus], seat_status="confirmed", first_name="Łukasz", last_name="Żółć", language="pl"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"/pl/registration/{registration.token}/my-data.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-registration.json"'
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert (data["first_name"], data["last_name"], data["email"]) == ("Łukasz", "Żółć", registration.email)
    assert data["consents"]["privacy_notice"]["version"] == "test"
    assert data["parts"][0]["status"] == "confirmed"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [registration.email]
    assert EmailLog.objects.get(kind=EmailLog.Kind.DATA_EXPORTED).language == "pl"


def test_download_with_an_unknown_token_is_the_same_404(client, bus):
    assert client.get("/cs/registration/not-a-token/my-data.json").status_code == 404


def test_deleting_removes_everything_moves_the_waitlist_up_and_confirms_by_email(
    client, bus, django_capture_on_commit_callbacks
):
    leaving = make_registration(
        bus.event, parts=[bus], seat_status="confirmed", language="hu", email="gone@example.org"
    )
    waiting = make_registration(bus.event, parts=[bus], seat_status="waitlisted", email="next@example.org")
    EmailLog.objects.create(registration=leaving, kind="link_again", language="hu", recipient="gone@example.org")
    page = client.get(f"/hu/registration/{leaving.token}/delete/")
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/hu/registration/{leaving.token}/delete/")
    assert response.status_code == 302
    assert not Registration.objects.filter(pk=leaving.pk).exists()
    assert not EmailLog.objects.filter(recipient="gone@example.org").exists()
    assert Seat.objects.get(registration=waiting).status == Seat.Status.CONFIRMED
    recipients = {message.to[0] for message in mail.outbox}
    assert recipients == {"gone@example.org", "next@example.org"}
    log = EmailLog.objects.get(kind=EmailLog.Kind.DATA_DELETED)
    assert (log.recipient, log.registration, log.language) == ("", None, "hu")
    assert log.sent_at is not None
    assert client.get(f"/hu/registration/{leaving.token}/").status_code == 404


@pytest.fixture
def past_event(pages):
    event = make_event(start_date=datetime.date(2023, 6, 21), end_date=datetime.date(2023, 6, 22))
    part = make_part(event, capacity=None)
    for n in range(3):
        registration = make_registration(
            event, parts=[part], seat_status="confirmed", country="SK", phone="+421 900 000 000", note=f"Note {n}"
        )
        EmailLog.objects.create(
            registration=registration,
            kind="registration_confirmed",
            language="sk",
            recipient=registration.email,
            subject="Subject",
        )
    PortalAccessLog.objects.create(username="partner-sk", action="list", event=event, detail={"q": "Nováková"})
    event.a_private_token = registration.token
    return event


def test_dry_run_lists_what_it_would_do_and_changes_nothing(past_event, settings):
    settings.ANONYMISE_AFTER_DAYS = 180
    out = io.StringIO()
    call_command("anonymise_registrations", "--dry-run", stdout=out)
    assert "Would anonymise" in out.getvalue()
    assert "3 registrations" in out.getvalue()
    assert not Registration.objects.filter(anonymised_at__isnull=False).exists()
    assert Registration.objects.filter(note="Note 0").exists()


def test_anonymisation_blanks_personal_data_and_keeps_the_counts(past_event, settings, client):
    settings.ANONYMISE_AFTER_DAYS = 180
    token = past_event.a_private_token
    assert client.get(f"/cs/registration/{token}/").status_code == 200
    before = list(Seat.objects.values_list("part_id", "status").order_by("pk"))
    call_command("anonymise_registrations", stdout=io.StringIO())
    for registration in Registration.objects.all():
        assert registration.anonymised_at is not None
        assert (registration.first_name, registration.last_name, registration.phone, registration.note) == ("",) * 4
        assert registration.email.endswith("@anonymised.invalid")
        assert registration.country == "SK"
    assert list(Seat.objects.values_list("part_id", "status").order_by("pk")) == before
    assert not EmailLog.objects.exclude(recipient="").exists()
    log = PortalAccessLog.objects.get()
    assert (log.username, log.detail) == ("", {})
    assert client.get(f"/cs/registration/{token}/").status_code == 404
    # A second run finds nothing left to do.
    out = io.StringIO()
    call_command("anonymise_registrations", stdout=out)
    assert "Nothing to anonymise" in out.getvalue()


def test_events_within_the_retention_period_are_left_alone(past_event, settings):
    settings.ANONYMISE_AFTER_DAYS = 365 * 10
    assert list(privacy.events_due_for_anonymisation()) == []


def test_organisers_anonymise_a_past_event_from_the_admin(past_event, settings, client):
    from tests.registrations.staff_users import make_user

    settings.ANONYMISE_AFTER_DAYS = 180
    organiser = make_user("organiser")
    client.force_login(organiser)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    selected = list(Registration.objects.values_list("pk", flat=True)[:1])
    response = client.post(
        "/admin/registrations/registration/",
        {"action": "anonymise_events", "_selected_action": selected},
        follow=True,
    )
    assert "3 registrations anonymised." in response.content.decode()
    assert not Registration.objects.filter(anonymised_at__isnull=True).exists()


def test_the_anonymise_action_needs_its_own_permission(past_event, client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    clerk = get_user_model().objects.create_user("clerk", password="a-long-password-123", is_staff=True)
    clerk.user_permissions.set(Permission.objects.filter(codename__in=["view_registration", "change_registration"]))
    client.force_login(clerk)
    html = client.get("/admin/registrations/registration/").content.decode()
    assert 'value="cancel_registrations"' in html  # the list and its other actions are there
    assert 'value="anonymise_events"' not in html


def test_the_anonymisation_job_goes_by_the_sites_clock(past_event, settings):
    """The demo, on 1 July 2023, keeps the seminar's registrations; half a year after it, they are due."""
    settings.ANONYMISE_AFTER_DAYS = 180
    settings.DEMO_DATE = datetime.date(2023, 7, 1)
    assert list(privacy.events_due_for_anonymisation()) == []
    settings.DEMO_DATE = datetime.date(2024, 1, 1)
    assert list(privacy.events_due_for_anonymisation()) == [past_event]
