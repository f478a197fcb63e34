import io
import logging

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from tests.factories import make_event, make_part, make_registration


@pytest.fixture
def log_output():
    """What the configured console handler writes, with its filter and formatter."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.django_db
def test_private_tokens_and_email_addresses_never_reach_the_log(client, pages, log_output):
    event = make_event()
    registration = make_registration(event, parts=[make_part(event)], seat_status="confirmed")
    client.get("/cs/registration/this-is-an-unknown-secret-token/")
    client.get(f"/cs/checkin/{registration.checkin_code}/")
    logging.getLogger("registrations").warning("sending to %s failed", "jana.novakova@example.org")
    logging.getLogger("registrations").error(
        "lookup failed", exc_info=ValueError(f"no row for /cs/registration/{registration.token}/")
    )
    output = log_output.getvalue()
    assert "Not Found: /cs/registration/[private]/" in output
    assert "this-is-an-unknown-secret-token" not in output
    assert registration.token not in output
    assert registration.checkin_code not in output
    assert "jana.novakova@example.org" not in output
    assert "sending to [e-mail] failed" in output


@pytest.mark.django_db
def test_each_log_event_is_one_line_and_staff_actions_say_who_did_what(pages, log_output):
    user = get_user_model().objects.create_user("organiser", password="a-long-password-123")
    event = make_event()
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(event),
        object_id=str(event.pk),
        object_repr="Győrffy Ödön",
        action_flag=CHANGE,
    )
    lines = log_output.getvalue().strip().splitlines()
    assert f"staff user={user.pk} action=change object=events.event id={event.pk}" in lines[-1]
    assert "Győrffy" not in log_output.getvalue()
    logging.getLogger("x").error("multi\nline", exc_info=RuntimeError("boom\nagain"))
    assert len(log_output.getvalue().strip().splitlines()) == len(lines) + 1


@pytest.mark.django_db
def test_portal_views_and_checkins_are_logged_by_who_without_names(pages, log_output, client):
    from tests.registrations.staff_users import make_user

    event = make_event(slug="olomouc-2023", registration_opens="2020-01-01T00:00:00Z")
    part = make_part(event)
    make_registration(event, parts=[part], seat_status="confirmed", last_name="Győrffy")
    organiser = make_user("organiser")
    client.force_login(organiser)
    client.get("/en/portal/events/olomouc-2023/", {"q": "Győrffy"})
    line = log_output.getvalue().strip().splitlines()[-1]
    assert f"staff user={organiser.pk} action=list event=olomouc-2023 rows=1" in line
    assert "Győrffy" not in log_output.getvalue()


@pytest.mark.django_db
def test_a_password_reset_link_never_reaches_the_log(client, log_output):
    logging.getLogger("django.request").warning("Bad Request: /cs/account/reset/MTI/c4x9zt-0123456789abcdef/")
    output = log_output.getvalue()
    assert "c4x9zt-0123456789abcdef" not in output
    assert "/cs/account/reset/[private]/" in output
