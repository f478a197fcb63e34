import pytest

from tests.factories import in_all_languages, make_coming_event, make_pages
from tests.registrations.conftest import with_seminar_and_tour


@pytest.fixture
def olomouc(db):
    """An open event like the closing one, a month ahead: the servers here run on the real clock."""
    make_pages()
    return with_seminar_and_tour(make_coming_event(slug="olomouc-test", **in_all_languages("title", "Closing seminar")))
