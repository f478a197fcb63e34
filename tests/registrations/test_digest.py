"""The organisers' daily digest: the last day's news per event in the subscriber's own language, once a day,
with counts and admin links only (no registrant's name or address)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from registrations.models import DigestSubscription, EmailLog, Seat
from registrations.services import registration as services
from registrations.services.digest import digest_send_due
from tests.factories import make_registration
from tests.registrations.staff_users import make_user

pytestmark = pytest.mark.django_db


def test_the_digest_counts_the_last_days_news_in_the_subscribers_language(olomouc, django_capture_on_commit_callbacks):
    organiser = make_user("organiser")
    DigestSubscription.objects.create(user=organiser, language="pl")
    DigestSubscription.objects.create(user=make_user("editor"), language="cs", is_active=False)
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    old = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed", last_name="Starý")
    old.confirmed_at = timezone.now() - datetime.timedelta(days=3)
    old.save()
    going = make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed", last_name="Kowalski")
    waiting = make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=going)  # frees the seat: the waiting one moves up
    assert Seat.objects.get(registration=waiting).status == "confirmed"
    make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted")  # the bus is full again
    EmailLog.objects.create(
        registration=waiting, event=olomouc, kind="changed", language="cs", failed_at=timezone.now()
    )
    mail.outbox.clear()
    assert digest_send_due() == 1
    (digest,) = mail.outbox
    assert digest.to == [organiser.email]
    assert digest.subject.startswith("Dzienne podsumowanie")
    assert "„Closing seminar (pl)”" in digest.body
    counts = dict(line[2:].rsplit(": ", 1) for line in digest.body.splitlines() if line.startswith("- "))
    assert counts == {
        "nowe rejestracje (adres e-mail potwierdzony)": "3",
        "anulowane rejestracje": "1",
        "nowe miejsca na liście rezerwowej": "1",
        "przeniesienie z listy rezerwowej": "1",
        "nieudane wiadomości e-mail": "1",
    }
    assert "Kowalski" not in digest.body
    assert going.email not in digest.body
    assert "/admin/registrations/emaillog/?state=failed" in digest.body
    # A second run the same day (a restarted worker) sends nothing more.
    assert digest_send_due() == 0
    assert len(mail.outbox) == 1


def test_no_digest_on_a_quiet_day(olomouc):
    DigestSubscription.objects.create(user=make_user("organiser"), language="en")
    assert digest_send_due() == 0
    assert mail.outbox == []
