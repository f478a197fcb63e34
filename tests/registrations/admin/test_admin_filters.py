"""Every admin list's filters and the portal's filters refuse a value they do not offer with a message in
the reader's language: never a 500 (`?part=abc` was one), never a silently empty or unfiltered list."""

import pytest

from tests.factories import make_event, make_open_event, make_part, make_partner, make_registration

pytestmark = pytest.mark.django_db

REFUSED = "A filter in the address has a value this list does not know, so the whole list is shown."
HUGE = "99999999999999999999999"  # more than a database integer holds: an overflow, once

BAD_FILTERS = [
    "/admin/registrations/registration/?part=abc",
    f"/admin/registrations/registration/?part={HUGE}",
    "/admin/registrations/registration/?part=-1",
    "/admin/registrations/registration/?seat_status=zzz",
    "/admin/registrations/registration/?checked_in=maybe",
    "/admin/registrations/registration/?event__id__exact=abc",
    f"/admin/registrations/registration/?event__id__exact={HUGE}",
    "/admin/registrations/registration/?status__exact=zzz",
    "/admin/registrations/registration/?country__exact=XX",
    "/admin/registrations/registration/?language__exact=de",
    "/admin/registrations/registration/?diet__exact=meat",
    "/admin/registrations/registration/?is_demo__exact=zzz",
    "/admin/registrations/registration/?created__year=abc",
    f"/admin/registrations/registration/?created__year={HUGE}",
    "/admin/registrations/registration/?created__year=9999",
    "/admin/registrations/registration/?created__year=2023&created__month=13",
    "/admin/registrations/registration/?no_such_field=1",
    "/admin/registrations/emaillog/?sent_at__isempty=abc",
    "/admin/registrations/emaillog/?kind__exact=abc",
    "/admin/registrations/emaillog/?language__exact=xx",
    f"/admin/registrations/part/?event__id__exact={HUGE}",
    f"/admin/events/event/?host__id__exact={HUGE}",
    "/admin/events/event/?published__exact=abc",
    "/admin/events/event/?country__exact=DE",
    f"/admin/auth/user/?groups__id__exact={HUGE}",
    "/admin/auth/user/?is_staff__exact=abc",
]


@pytest.fixture
def lists(pages):
    """Two of everything a filter offers, so that every filter is shown."""
    for country in ("CZ", "SK"):
        event = make_open_event(host=make_partner(country=country))
        part = make_part(event)
        make_registration(event, parts=[part], seat_status="confirmed")
        make_registration(event, parts=[part])


@pytest.mark.parametrize("url", BAD_FILTERS)
def test_a_bad_filter_value_gets_a_message_and_the_whole_list(staff_client, lists, url):
    response = staff_client.get(url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(f"{url.split('?')[0]}?e=1", 302)]
    assert REFUSED in [str(message) for message in response.context["messages"]]


def test_the_message_is_in_the_staff_members_language(staff_client, lists):
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "hu"
    response = staff_client.get("/admin/registrations/registration/?part=abc", follow=True)
    assert "A címben szereplő szűrőnek olyan értéke van" in response.content.decode()


def test_good_filters_still_narrow_the_list(staff_client, lists):
    from registrations.models import Part

    part = Part.objects.first()
    response = staff_client.get(
        "/admin/registrations/registration/",
        {"part": part.pk, "seat_status": "confirmed", "checked_in": "no", "status__exact": "active"},
    )
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    assert not list(response.context["messages"])


def test_an_export_with_a_bad_filter_exports_nothing_and_says_why(staff_client, lists):
    response = staff_client.get("/admin/registrations/registration/export/csv/", {"part": "abc"}, follow=True)
    assert response.redirect_chain == [("/admin/registrations/registration/", 302)]
    assert REFUSED in [str(message) for message in response.context["messages"]]


def test_a_filter_without_choices_to_offer_is_not_shown_and_ignored(staff_client, pages):
    """With one event the event filter is not shown, and a value for it changes nothing."""
    event = make_event()
    make_registration(event, parts=[make_part(event)], seat_status="confirmed")
    response = staff_client.get("/admin/registrations/registration/", {"event__id__exact": HUGE})
    assert response.status_code == 200
