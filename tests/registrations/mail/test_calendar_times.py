"""Calendar files of a registration: a part with times is an entry from its start to its end in Prague time,
with the zone's rules inside the file (a calendar in Budapest, Warsaw or on a phone abroad shows the right
hour in summer and in winter); a part without times stays a whole day."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from registrations.mail.attachments import parts_calendar_bytes
from tests.factories import make_part, make_registration

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def calendar_of(registration, parts) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(parts_calendar_bytes(registration, parts))


def entries(calendar) -> dict[str, icalendar.Event]:
    return {str(component["summary"]): component for component in calendar.walk("VEVENT")}


@pytest.fixture
def summer_and_winter(olomouc):
    """The seminar on 21 June 2023 (summer time, UTC+2) and a follow-up on 15 November 2023 (winter, UTC+1),
    both 9:00–16:30 in Prague; the study tour stays a whole day."""
    olomouc.seminar.start_time, olomouc.seminar.end_time = datetime.time(9, 0), datetime.time(16, 30)
    olomouc.seminar.meeting_place_en = "Main entrance"
    olomouc.seminar.save()
    olomouc.winter = make_part(
        olomouc,
        date=datetime.date(2023, 11, 15),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(16, 30),
        name_en="Follow-up",
    )
    return olomouc


def test_timed_parts_carry_prague_time_with_the_right_offset_in_summer_and_in_winter(summer_and_winter):
    event = summer_and_winter
    registration = make_registration(event, parts=[event.seminar, event.winter], seat_status="confirmed", language="en")
    raw = parts_calendar_bytes(registration, [event.seminar, event.winter, event.tour]).decode()
    assert "DTSTART;TZID=Europe/Prague:20230621T090000" in raw
    assert "DTEND;TZID=Europe/Prague:20230621T163000" in raw
    assert "DTSTART;TZID=Europe/Prague:20231115T090000" in raw
    parsed = entries(icalendar.Calendar.from_ical(raw))
    summer = parsed["Closing seminar (en): Seminar and workshops"]
    winter = parsed["Closing seminar (en): Follow-up"]
    assert summer.decoded("dtstart").astimezone(UTC) == datetime.datetime(2023, 6, 21, 7, 0, tzinfo=UTC)
    assert summer.decoded("dtend").astimezone(UTC) == datetime.datetime(2023, 6, 21, 14, 30, tzinfo=UTC)
    assert winter.decoded("dtstart").astimezone(UTC) == datetime.datetime(2023, 11, 15, 8, 0, tzinfo=UTC)
    assert winter.decoded("dtend").astimezone(UTC) == datetime.datetime(2023, 11, 15, 15, 30, tzinfo=UTC)


def test_the_file_defines_the_prague_zone_for_a_calendar_that_does_not_know_it(summer_and_winter):
    """The VTIMEZONE itself says when summer time starts and ends in the entries' year."""
    event = summer_and_winter
    registration = make_registration(event, parts=[event.seminar], seat_status="confirmed")
    (zone,) = calendar_of(registration, [event.seminar, event.winter]).walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Prague"
    rules = {
        (component.name, component.decoded("dtstart"), component["tzoffsetto"].to_ical())
        for component in zone.subcomponents
    }
    assert ("DAYLIGHT", datetime.datetime(2023, 3, 26, 3, 0), "+0200") in rules
    assert ("STANDARD", datetime.datetime(2023, 10, 29, 3, 0), "+0100") in rules


def test_a_part_without_times_stays_a_whole_day_and_needs_no_zone(olomouc):
    registration = make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    raw = parts_calendar_bytes(registration, [olomouc.tour]).decode()
    assert "DTSTART;VALUE=DATE:20230622" in raw
    assert "DTEND;VALUE=DATE:20230623" in raw
    assert "VTIMEZONE" not in raw


def test_a_part_with_a_start_but_no_end_starts_on_time(olomouc):
    olomouc.tour.start_time = datetime.time(8, 15)
    olomouc.tour.save()
    registration = make_registration(olomouc, parts=[olomouc.tour], seat_status="confirmed")
    raw = parts_calendar_bytes(registration, [olomouc.tour]).decode()
    assert "DTSTART;TZID=Europe/Prague:20230622T081500" in raw
    assert "DTEND" not in raw


def test_entry_says_where_to_meet_and_carries_the_practical_information(summer_and_winter):
    event = summer_and_winter
    event.practical_information_en = "Bring your ID"
    event.practical_information_pl = "Prosimy zabrać dokument tożsamości"
    event.save()
    registration = make_registration(event, parts=[event.seminar], seat_status="confirmed", language="en")
    summer = entries(calendar_of(registration, [event.seminar]))["Closing seminar (en): Seminar and workshops"]
    assert str(summer["location"]) == "Main entrance"
    assert "Where to meet: Main entrance" in str(summer["description"])
    assert "Practical information:\nBring your ID" in str(summer["description"])
    registration.language = "pl"
    entry = next(iter(entries(calendar_of(registration, [event.seminar])).values()))
    assert "Informacje praktyczne:\nProsimy zabrać dokument tożsamości" in str(entry["description"])


def test_private_page_calendar_download_has_the_times(client, summer_and_winter):
    event = summer_and_winter
    registration = make_registration(event, parts=[event.seminar], seat_status="confirmed", language="cs")
    with translation.override("cs"):
        response = client.get(reverse("registrations:calendar", kwargs={"token": registration.token}))
    assert "DTSTART;TZID=Europe/Prague:20230621T090000" in response.content.decode()


def test_staff_cannot_save_an_end_before_the_start_or_an_end_alone(olomouc):
    part = olomouc.seminar
    part.start_time, part.end_time = datetime.time(12, 0), datetime.time(9, 0)
    with pytest.raises(ValidationError) as error:
        part.full_clean()
    assert "end_time" in error.value.message_dict
    part.start_time = None
    with pytest.raises(ValidationError) as error:
        part.full_clean()
    assert "start_time" in error.value.message_dict
    with transaction.atomic(), pytest.raises(IntegrityError):
        part.save()  # the database refuses it too


def test_staff_edit_times_and_the_meeting_place_in_five_language_tabs(staff_client, olomouc):
    html = staff_client.get(f"/admin/registrations/part/{olomouc.seminar.pk}/change/").content.decode()
    assert 'name="start_time"' in html
    assert 'name="end_time"' in html
    for code in ("cs", "sk", "pl", "hu", "en"):
        assert f'name="meeting_place_{code}"' in html
