"""Registration ends when the event begins: the admin refuses a later closing time, nothing can be added
after closing, and the private page stops offering changes once the event has begun (or at staff's
earlier "changes until")."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from registrations.exceptions import ChangesClosedError, EventBegunError, PartsClosedError, RegistrationClosedError
from registrations.models import Registration, Seat
from registrations.services import registration as services
from tests.events.test_admin import event_form_data
from tests.factories import make_registration
from tests.registrations.conftest import form_data
from v4project import clock

pytestmark = pytest.mark.django_db

SEMINAR_DAY = datetime.date(2023, 6, 21)


def url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"registrations:{name}", kwargs=kwargs)


def moment(day: datetime.date, hour: int = 0, minute: int = 0) -> datetime.datetime:
    return clock.local_midnight(day) + datetime.timedelta(hours=hour, minutes=minute)


# The model and the admin -------------------------------------------------------------------------------


def test_registration_closes_when_the_event_begins_without_a_closing_time(olomouc):
    assert olomouc.registration_closes is None
    assert olomouc.registration_is_open(moment(datetime.date(2023, 6, 20), 23, 59))
    assert not olomouc.registration_is_open(moment(SEMINAR_DAY))
    assert olomouc.registration_ends_at == moment(SEMINAR_DAY)


def test_an_earlier_closing_time_wins(olomouc):
    olomouc.registration_closes = moment(datetime.date(2023, 6, 14), 12)
    assert not olomouc.registration_is_open(moment(datetime.date(2023, 6, 14), 12))
    assert olomouc.registration_is_open(moment(datetime.date(2023, 6, 14), 11, 59))


def test_the_admin_refuses_a_closing_time_after_the_event_begins(staff_client, olomouc):
    data = event_form_data(
        olomouc,
        registration_opens_0="2023-05-15",
        registration_opens_1="08:00",
        registration_closes_0="2023-06-21",
        registration_closes_1="09:00",
    )
    response = staff_client.post(f"/admin/events/event/{olomouc.pk}/change/", data)
    assert response.status_code == 200
    assert "This is after the event begins (21 June 2023)" in response.content.decode()
    olomouc.refresh_from_db()
    assert olomouc.registration_closes is None
    data.update(registration_closes_0="2023-06-20", registration_closes_1="23:59")
    data.update(registration_changes_until_0="2023-06-21", registration_changes_until_1="10:00")
    response = staff_client.post(f"/admin/events/event/{olomouc.pk}/change/", data)
    assert "This is after the event begins" in response.content.decode()
    data.update(registration_changes_until_0="2023-06-19", registration_changes_until_1="12:00")
    assert staff_client.post(f"/admin/events/event/{olomouc.pk}/change/", data).status_code == 302
    olomouc.refresh_from_db()
    assert olomouc.registration_closes == moment(datetime.date(2023, 6, 20), 23, 59)
    assert olomouc.registration_changes_until == moment(datetime.date(2023, 6, 19), 12)


def test_the_admin_refuses_registration_for_an_event_without_exact_dates(staff_client, olomouc):
    data = event_form_data(
        olomouc, date_precision="month", registration_opens_0="2023-05-15", registration_opens_1="08:00"
    )
    response = staff_client.post(f"/admin/events/event/{olomouc.pk}/change/", data)
    assert "Registration needs the exact dates of the event" in response.content.decode()


def test_a_part_takes_place_on_a_day_of_the_event(staff_client, olomouc):
    data = {
        "event": olomouc.pk,
        "date": "2023-06-25",
        "capacity": "45",
        "order": "3",
        **{f"name_{code}": "Tour" for code in ("cs", "sk", "pl", "hu", "en")},
        "reservations-TOTAL_FORMS": 0,
        "reservations-INITIAL_FORMS": 0,
    }
    response = staff_client.post("/admin/registrations/part/add/", data)
    assert "The date must be one of the days of the event." in response.content.decode()
    data["date"] = "2023-06-22"
    assert staff_client.post("/admin/registrations/part/add/", data).status_code == 302


# The services ------------------------------------------------------------------------------------------


def test_no_registration_once_the_event_has_begun(client, olomouc, settings):
    settings.DEMO_DATE = SEMINAR_DAY
    with pytest.raises(RegistrationClosedError):
        services.registration_start(event=olomouc, data=form_data(olomouc), parts=[olomouc.seminar], language="cs")
    response = client.post(url("register", slug=olomouc.slug), form_data(olomouc))
    assert response.status_code == 403
    assert "Registration is closed." in response.content.decode()
    assert not Registration.objects.exists()


def test_no_part_can_be_added_after_closing_but_one_can_be_dropped(olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour], seat_status="confirmed")
    Seat.objects.filter(registration=registration, part=olomouc.tour).update(status="cancelled")
    olomouc.registration_closes = clock.now() - datetime.timedelta(minutes=1)
    olomouc.registration_opens = clock.now() - datetime.timedelta(days=10)
    olomouc.save()
    with pytest.raises(PartsClosedError):
        services.registration_update(registration=registration, data={}, parts=[olomouc.seminar, olomouc.tour])
    assert Seat.objects.get(registration=registration, part=olomouc.tour).status == "cancelled"
    services.registration_update(registration=registration, data={"note": "Only day 1"}, parts=[olomouc.seminar])
    registration.refresh_from_db()
    assert registration.note == "Only day 1"


def test_nothing_changes_after_the_changes_deadline(olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    olomouc.registration_changes_until = clock.now() - datetime.timedelta(minutes=1)
    olomouc.save()
    with pytest.raises(ChangesClosedError):
        services.registration_update(registration=registration, data={"note": "late"}, parts=[olomouc.seminar])
    registration.refresh_from_db()
    assert registration.note == ""


def test_a_registration_sent_in_time_can_be_confirmed_until_the_event_begins(olomouc, settings):
    in_time = make_registration(olomouc, parts=[olomouc.seminar])
    late = make_registration(olomouc, parts=[olomouc.seminar])
    olomouc.registration_closes = clock.now() - datetime.timedelta(minutes=1)
    olomouc.save()
    services.registration_confirm(registration=in_time)
    assert Seat.objects.get(registration=in_time).status == "confirmed"
    settings.DEMO_DATE = SEMINAR_DAY
    with pytest.raises(EventBegunError):
        services.registration_confirm(registration=late)
    late.refresh_from_db()
    assert late.status == "pending"
    assert not late.seats.exists()


def test_the_registrant_cannot_cancel_once_the_event_has_begun_but_staff_can(olomouc, settings):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    settings.DEMO_DATE = SEMINAR_DAY
    with pytest.raises(EventBegunError):
        services.registration_cancel(registration=registration, by_registrant=True)
    assert Registration.objects.get(pk=registration.pk).status == "active"
    services.registration_cancel(registration=registration)
    assert Registration.objects.get(pk=registration.pk).status == "cancelled"


# The private page --------------------------------------------------------------------------------------


def test_after_closing_the_private_page_offers_only_the_parts_held(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    olomouc.registration_closes = clock.now() - datetime.timedelta(minutes=1)
    olomouc.save()
    response = client.get(url("manage", token=registration.token))
    form = response.context["form"]
    assert list(form.fields["parts"].queryset) == [olomouc.seminar]
    assert "Registration is closed: you can drop a part, but not add one." in response.content.decode()
    # A forged post with the other part adds nothing: the form refuses a part it does not offer.
    data = form_data(olomouc, parts=[olomouc.seminar.pk, olomouc.tour.pk])
    client.post(url("manage", token=registration.token), data)
    assert list(registration.seats.values_list("part_id", flat=True)) == [olomouc.seminar.pk]


def test_once_the_event_has_begun_the_private_page_offers_no_change(client, olomouc, settings):
    registration = make_registration(olomouc, parts=[olomouc.seminar, olomouc.tour], seat_status="confirmed")
    settings.DEMO_DATE = SEMINAR_DAY
    response = client.get(url("manage", token=registration.token))
    html = response.content.decode()
    assert response.context["form"] is None
    assert "Changes to the registration are no longer possible." in html
    assert url("cancel", token=registration.token) not in html
    posted = client.post(url("manage", token=registration.token), form_data(olomouc, note="late", parts=[]))
    assert posted.status_code == 302
    registration.refresh_from_db()
    assert registration.note == ""
    assert registration.seats.filter(status="confirmed").count() == 2
    assert client.post(url("cancel", token=registration.token)).status_code == 302
    assert Registration.objects.get(pk=registration.pk).status == "active"
    assert not mail.outbox


def test_staffs_changes_until_closes_the_form_but_not_cancelling(client, olomouc):
    registration = make_registration(olomouc, parts=[olomouc.seminar], seat_status="confirmed")
    olomouc.registration_changes_until = clock.now() - datetime.timedelta(minutes=1)
    olomouc.save()
    html = client.get(url("manage", token=registration.token)).content.decode()
    assert "Changes to the registration are no longer possible." in html
    assert url("cancel", token=registration.token) in html
    client.post(url("cancel", token=registration.token))
    assert Registration.objects.get(pk=registration.pk).status == "cancelled"


def test_confirming_after_the_event_began_says_why(client, olomouc, settings):
    registration = make_registration(olomouc, parts=[olomouc.seminar])
    settings.DEMO_DATE = SEMINAR_DAY
    response = client.post(url("confirm", token=registration.token))
    assert response.status_code == 409
    assert "The event has already begun" in response.content.decode()
