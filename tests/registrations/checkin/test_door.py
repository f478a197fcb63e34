"""At the door: a participant's code never switches the door phone into the participant's language, a phone
not signed in is offered the staff sign-in, the search starts afresh after each check-in, and the waiting
list of a part is at its door, with positions, so a no-show's seat can be filled."""

import pytest
from django.core import mail
from django.urls import reverse as django_reverse
from django.utils import timezone, translation

from registrations.models import PortalAccessLog, Seat
from tests.factories import make_registration
from tests.registrations.staff_users import client_for

pytestmark = pytest.mark.django_db


def reverse(name: str, *args, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return django_reverse(name, *args, **kwargs)


@pytest.fixture
def organiser(client):
    return client_for(client, "organiser")


@pytest.fixture
def participant(olomouc):
    return make_registration(
        olomouc, parts=[olomouc.seminar], seat_status="confirmed", first_name="Ödön", last_name="Győrffy", language="hu"
    )


# The staff member's language ---------------------------------------------------------------------------------


def test_a_hungarian_code_opens_in_the_language_the_staff_member_uses_the_checkin_in(organiser, participant):
    organiser.get(reverse("registrations:checkin", language="cs"))  # the door phone works in Czech
    response = organiser.get(reverse("registrations:checkin_card", args=[participant.checkin_code], language="hu"))
    assert response.status_code == 302
    assert response["Location"] == reverse("registrations:checkin_card", args=[participant.checkin_code], language="cs")
    page = organiser.get(response["Location"])
    assert 'lang="cs"' in page.content.decode()


def test_without_a_remembered_language_the_phones_own_language_is_used(client, participant):
    organiser = client_for(client, "organiser", language="pl")
    response = organiser.get(reverse("registrations:checkin_card", args=[participant.checkin_code], language="hu"))
    assert response["Location"] == reverse("registrations:checkin_card", args=[participant.checkin_code], language="pl")


def test_a_code_in_the_staff_members_language_opens_at_once(organiser, participant):
    response = organiser.get(reverse("registrations:checkin_card", args=[participant.checkin_code]))
    assert response.status_code == 200
    assert "Ödön Győrffy" in response.content.decode()


def test_a_phone_not_signed_in_is_offered_the_staff_sign_in_and_comes_back_to_the_code(client, participant):
    url = reverse("registrations:checkin_card", args=[participant.checkin_code], language="hu")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "cs"
    html = client.get(url).content.decode()
    assert f'href="{reverse("accounts:sign_in", language="cs")}?next={url.replace("/", "%2F")}"' in html
    assert "Győrffy" not in html


# The search ---------------------------------------------------------------------------------------------------


def test_after_a_check_in_from_a_search_the_whole_day_is_shown_again(organiser, olomouc, participant):
    day = reverse("registrations:checkin_day", args=[olomouc.seminar.pk])
    html = organiser.get(f"{day}?q=gyorffy").content.decode()
    assert f'name="next" value="{day}"' in html
    seat = participant.seats.get()
    response = organiser.post(reverse("registrations:checkin_mark", args=[seat.pk]), {"arrived": "1", "next": day})
    assert response["Location"] == day


# The waiting list at the door -------------------------------------------------------------------------------


@pytest.fixture
def full_tour(olomouc):
    """The bus with one seat: Hora holds it and has not come; Kovács and Nagy wait, in that order."""
    olomouc.tour.capacity = 1
    olomouc.tour.save()
    make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed", last_name="Hora")
    for name in ("Kovács", "Nagy"):
        make_registration(olomouc, parts=[olomouc.tour], seat_status="waitlisted", last_name=name, language="hu")
    return olomouc.tour


def seat_of(surname: str) -> Seat:
    return Seat.objects.get(registration__last_name=surname)


def test_the_waiting_list_is_at_the_door_with_positions(organiser, full_tour):
    html = organiser.get(reverse("registrations:checkin_day", args=[full_tour.pk])).content.decode()
    assert "Waiting list" in html
    assert html.index("Jana Kovács") < html.index("Jana Nagy")
    assert '<span class="checkin__position">1.</span> <span class="checkin__waiting-name">Jana Kovács' in html
    assert '<span class="checkin__position">2.</span> <span class="checkin__waiting-name">Jana Nagy' in html
    # The bus is full: only a no-show's seat can be given, never "a seat that is still free".
    assert "A seat that is still free" not in html
    assert "Jana Hora (has not arrived)" in html


def test_a_no_shows_seat_goes_to_the_first_in_line(organiser, full_tour, django_capture_on_commit_callbacks):
    url = reverse("registrations:checkin_waitlist_fill", args=[full_tour.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(url, {"freed": seat_of("Hora").pk, "to": ""})
    assert response.status_code == 302
    assert seat_of("Hora").status == Seat.Status.CANCELLED
    assert seat_of("Kovács").status == Seat.Status.CONFIRMED
    assert seat_of("Nagy").status == Seat.Status.WAITLISTED
    [message] = mail.outbox  # the one seated is told, in their language
    assert message.to == [seat_of("Kovács").registration.email]
    assert PortalAccessLog.objects.filter(action="checkin").count() == 1
    html = organiser.get(response["Location"]).content.decode()
    assert "Jana Kovács now has a seat" in html


def test_a_no_shows_seat_goes_to_a_chosen_person_and_the_others_keep_their_order(organiser, full_tour, olomouc):
    make_registration(olomouc, parts=[full_tour], seat_status="waitlisted", last_name="Szabó")
    url = reverse("registrations:checkin_waitlist_fill", args=[full_tour.pk])
    organiser.post(url, {"freed": seat_of("Hora").pk, "to": seat_of("Nagy").pk})
    assert seat_of("Nagy").status == Seat.Status.CONFIRMED
    assert Seat.objects.filter(part=full_tour, status="confirmed").count() == 1
    html = organiser.get(reverse("registrations:checkin_day", args=[full_tour.pk])).content.decode()
    assert '<span class="checkin__position">1.</span> <span class="checkin__waiting-name">Jana Kovács' in html
    assert '<span class="checkin__position">2.</span> <span class="checkin__waiting-name">Jana Szabó' in html


def test_a_full_part_without_a_freed_seat_refuses_and_nothing_changes(organiser, full_tour):
    url = reverse("registrations:checkin_waitlist_fill", args=[full_tour.pk])
    response = organiser.post(url, {"freed": "", "to": ""}, follow=True)
    assert "is full (capacity: 1): choose whose seat is free." in response.content.decode()
    assert seat_of("Hora").status == Seat.Status.CONFIRMED
    assert seat_of("Kovács").status == Seat.Status.WAITLISTED


def test_someone_who_has_arrived_cannot_lose_their_seat(organiser, full_tour):
    Seat.objects.filter(registration__last_name="Hora").update(checked_in_at=timezone.now())
    url = reverse("registrations:checkin_waitlist_fill", args=[full_tour.pk])
    response = organiser.post(url, {"freed": seat_of("Hora").pk, "to": ""}, follow=True)
    assert "This seat cannot be freed" in response.content.decode()
    assert seat_of("Hora").status == Seat.Status.CONFIRMED


@pytest.mark.parametrize("freed", ["999999", "x", "1" * 40])
def test_a_seat_that_is_not_on_the_list_is_a_message_not_an_error(organiser, full_tour, freed):
    url = reverse("registrations:checkin_waitlist_fill", args=[full_tour.pk])
    response = organiser.post(url, {"freed": freed, "to": ""}, follow=True)
    assert response.status_code == 200
    assert "The list has changed meanwhile" in response.content.decode()
    assert seat_of("Kovács").status == Seat.Status.WAITLISTED


@pytest.mark.parametrize("role", ["anonymous", "partner", "editor"])
def test_only_organisers_fill_seats(client, full_tour, role):
    client_for(client, role).post(reverse("registrations:checkin_waitlist_fill", args=[full_tour.pk]), {"freed": ""})
    assert seat_of("Kovács").status == Seat.Status.WAITLISTED
