import pytest

from tests.factories import in_all_languages, make_open_event, make_pages, make_part


def with_seminar_and_tour(event):
    """The closing event's two parts on `event`: a seminar (120 seats) and a study tour (45, one bus)."""
    seminar = make_part(
        event,
        date=event.start_date,
        capacity=120,
        order=1,
        name_cs="Seminář a workshopy",
        name_sk="Seminár a workshopy",
        name_pl="Seminarium i warsztaty",
        name_hu="Szeminárium és workshopok",
        name_en="Seminar and workshops",
    )
    tour = make_part(
        event,
        date=event.end_date,
        capacity=45,
        order=2,
        name_cs="Studijní cesta",
        name_sk="Študijná cesta",
        name_pl="Wizyta studyjna",
        name_hu="Tanulmányút",
        name_en="Study tour",
    )
    event.seminar, event.tour = seminar, tour
    return event


@pytest.fixture
def olomouc(db, before_the_seminar):
    """An open event like the closing one (21–22 June 2023), on the site's clock of 1 June 2023."""
    make_pages()
    return with_seminar_and_tour(make_open_event(slug="olomouc-test", **in_all_languages("title", "Closing seminar")))


def form_data(event, **overrides) -> dict:
    """A complete, valid registration form for both parts."""
    data = {
        "first_name": "Jana",
        "last_name": "Nováková",
        "email": "jana.novakova@example.cz",
        "phone": "+420 601 234 567",
        "organisation": "Obec Horní Dolní",
        "position": "starostka",
        "country": "CZ",
        "parts": [part.pk for part in event.parts.all()],
        "diet": "none",
        "diet_other": "",
        "accessibility_needs": "",
        "note": "",
        "privacy": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


from tests.registrations.portal.portal_world import accounts, world  # noqa: E402, F401 - fixtures of the portal tests
