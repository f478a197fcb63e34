"""Whatever is pasted or uploaded as a delegation's table, the reader answers with rows and their errors or a
message for the person importing it, never an exception; and valid rows get through to the form."""

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registrations import imports

pytestmark = pytest.mark.django_db

cells = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", "jana@example.cz", "sk", "xx", "=1+1", "\u200b", "Šťastný", "a;b", '"q"']),
)
valid_row = st.tuples(
    st.text(alphabet="abcdeúőłň", min_size=1, max_size=10),
    st.text(alphabet="abcdeúőłň", min_size=1, max_size=10),
    st.integers(0, 10**6).map(lambda n: f"p{n}@example.org"),
    st.just("Obec"),
    st.just(""),
    st.sampled_from(["", "cs", "sk", "pl", "hu", "en"]),
).map(list)
tables = st.lists(st.one_of(valid_row, st.lists(cells, max_size=9)), max_size=8)

reached = {"valid": 0, "all": 0}


@pytest.fixture(scope="module", autouse=True)
def enough_valid_rows():
    yield
    if reached["all"]:
        assert reached["valid"] / reached["all"] >= 0.2, reached  # examples that test the path behind the reader


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables, delimiter=st.sampled_from(["\t", ";", ","]))
def test_any_table_gives_rows_with_errors_or_a_message_never_an_exception(olomouc, table, delimiter):
    text = "\n".join(delimiter.join(row) for row in table)
    try:
        rows = imports.check_rows(imports.table_from_text(text), event=olomouc, country="SK", parts=[olomouc.seminar])
    except imports.TableError:
        return
    for row in rows:
        reached["all"] += 1
        reached["valid"] += not row.errors
        assert row.errors or row.cleaned["country"] == "SK"


@pytest.mark.parametrize(
    ("name", "content"), [("a.xlsx", b"PK\x03\x04broken"), ("a.csv", b"\xff\xfe\x00"), ("a.pdf", b"x")]
)
def test_a_broken_or_foreign_file_is_a_message(name, content):
    upload = io.BytesIO(content)
    upload.name, upload.size = name, len(content)
    with pytest.raises(imports.TableError):
        imports.table_from_file(upload)
