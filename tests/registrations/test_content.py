import pytest

from registrations.content import seed_parts
from registrations.models import Part
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_seed_parts_creates_the_olomouc_seminar_and_bus_once():
    event = make_event(slug="olomouc-2023")
    seed_parts()
    seed_parts()  # running it again changes nothing
    seminar, tour = Part.objects.filter(event=event)
    assert (seminar.capacity, str(seminar.date), seminar.name_sk, seminar.name_hu) == (
        120,
        "2023-06-21",
        "Seminár a workshopy",
        "Szeminárium és workshopok",
    )
    assert (tour.capacity, str(tour.date), tour.name_pl, tour.name_en) == (
        45,
        "2023-06-22",
        "Wizyta studyjna",
        "Study tour",
    )
    assert all(
        getattr(part, f"description_{code}") for part in (seminar, tour) for code in ("cs", "sk", "pl", "hu", "en")
    )


def test_seed_parts_does_nothing_without_the_event():
    assert seed_parts() == []
    assert not Part.objects.exists()
