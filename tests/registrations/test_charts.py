"""The overview's charts: valid SVG, named for a screen reader, the numbers in it and beside it, in the reader's
language, and nothing in a label can turn into markup."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from registrations.charts import (
    PartSeats,
    country_chart,
    cumulative_chart,
    diet_chart,
    interpretation_chart,
    language_chart,
    seats_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
MAY = [datetime.date(2023, 5, day) for day in range(1, 32)]


def parsed(chart) -> ET.Element:
    return ET.fromstring(str(chart.svg))  # noqa: S314 - our own output; raises unless it is well-formed XML


def texts(chart) -> list[str]:
    return [element.text for element in parsed(chart).iter(f"{SVG}text")]


def assert_accessible(chart) -> None:
    root = parsed(chart)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title_id, description_id = root.get("aria-labelledby").split()
    title, description = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert (title.get("id"), title.text) == (title_id, chart.title)
    assert (description.get("id"), description.text) == (description_id, chart.description)
    assert root.get("viewBox").startswith("0 0 640 ")
    assert "style=" not in str(chart.svg)
    assert "<script" not in str(chart.svg)


def test_cumulative_chart_counts_up_day_by_day_from_the_opening():
    daily = {datetime.date(2023, 4, 28): 2, MAY[0]: 3, MAY[1]: 0, MAY[2]: 5, MAY[9]: 1}
    with translation.override("cs"):
        chart = cumulative_chart(daily, start=MAY[0], end=MAY[9])
    assert_accessible(chart)
    assert chart.title == "Vývoj počtu registrací"
    assert chart.description == "Od 1. května 2023 do 10. května 2023 celkem 11 registrací."
    assert chart.table.headings == ["Den", "Nové registrace", "Celkem"]
    assert chart.table.rows[0] == ("1. května", [5, 5])  # those before the opening count on its first day
    assert chart.table.rows[2] == ("3. května", [5, 10])
    assert chart.table.rows[-1] == ("10. května", [1, 11])
    assert len(chart.table.rows) == 10
    assert "11" in texts(chart)
    assert "1. května" in texts(chart)
    assert "10. května" in texts(chart)


def test_cumulative_chart_of_a_single_day_and_of_no_days():
    with translation.override("en"):
        assert cumulative_chart({MAY[0]: 4}, start=MAY[0], end=MAY[0]).table.rows == [("1 May", [4, 4])]
    with translation.override("hu"):
        empty = cumulative_chart({}, start=MAY[1], end=MAY[0])
    assert_accessible(empty)
    assert empty.description == "Még nincs adat."
    assert empty.table.rows == []


def test_country_chart_names_countries_in_the_readers_language_largest_first():
    with translation.override("hu"):
        chart = country_chart({"CZ": 34, "SK": 12, "PL": 0, "HU": 12, "OTHER": 5})
    assert_accessible(chart)
    rows = [("Csehország", [34]), ("Magyarország", [12]), ("Szlovákia", [12]), ("Egyéb ország", [5])]
    assert chart.table.rows == rows
    assert chart.description == "Összesen: 63. A legtöbb: Csehország (34)."
    for label, (count,) in chart.table.rows:
        assert label in texts(chart)
        assert str(count) in texts(chart)
    assert "Lengyelország" not in str(chart.svg)  # nobody from there: no empty bar


def test_diet_and_language_charts_use_the_sites_own_labels():
    with translation.override("pl"):
        diets = diet_chart({"none": 40, "vegan": 3, "gluten-free": 2}, chart_id="chart-diets-1")
        languages = language_chart({"cs": 20, "hu": 4, "en": 1})
    assert [label for label, _ in diets.table.rows] == ["Bez szczególnych wymagań", "Wegańska", "Bezglutenowa"]
    assert diets.table.headings[1] == "Liczba osób"
    assert [label for label, _ in languages.table.rows] == ["Čeština", "Magyar", "English"]
    assert_accessible(diets)
    assert parsed(diets).get("aria-labelledby") == "chart-diets-1-title chart-diets-1-desc"


def test_seats_chart_shows_confirmed_free_and_waiting_per_part():
    parts = [PartSeats("Seminar", 120, 57, 0), PartSeats("Study tour", 45, 45, 6), PartSeats("Dinner", None, 30, 2)]
    with translation.override("en"):
        chart = seats_chart(parts)
    assert_accessible(chart)
    assert chart.table.headings == ["Part of the programme", "Capacity", "Confirmed", "Free", "Waiting list"]
    assert chart.table.rows == [
        ("Seminar", [120, 57, 63, 0]),
        ("Study tour", [45, 45, 0, 6]),
        ("Dinner", ["no limit", 30, "no limit", 2]),
    ]
    assert chart.description == (
        "“Seminar”: confirmed 57 of 120; free: 63; waiting list: 0. "
        "“Study tour”: confirmed 45 of 45; free: 0; waiting list: 6. "
        "“Dinner”: confirmed 30 (no limit); waiting list: 2."
    )
    numbers = texts(chart)
    assert {"57", "63", "45", "6", "30"} <= set(numbers)
    assert {"Confirmed", "Free", "Waiting list"} <= set(numbers)  # the legend


def test_seats_chart_splits_the_confirmed_seats_per_country_when_given():
    parts = [
        PartSeats("Seminar", 120, 57, 0, {"CZ": 30, "SK": 10, "PL": 8, "HU": 6, "OTHER": 3}),
        PartSeats("Study tour", 45, 45, 6, {"CZ": 25, "SK": 10, "HU": 10}),
    ]
    with translation.override("sk"):
        chart = seats_chart(parts)
    assert_accessible(chart)
    assert chart.table.headings == [
        "Časť programu", "Kapacita", "Potvrdené", "Česko", "Slovensko", "Poľsko", "Maďarsko", "Iná krajina",
        "Voľné miesta", "Zoznam náhradníkov",
    ]  # fmt: skip
    assert chart.table.rows == [
        ("Seminar", [120, 57, 30, 10, 8, 6, 3, 63, 0]),
        ("Study tour", [45, 45, 25, 10, 0, 10, 0, 0, 6]),
    ]
    assert {"Česko", "Slovensko", "Poľsko", "Maďarsko"} <= set(texts(chart))


def test_interpretation_chart_counts_each_language_per_day():
    with translation.override("cs"):
        chart = interpretation_chart([("Seminář", {"cs": 25, "sk": 12, "en": 3}), ("Studijní cesta", {"cs": 20})])
    assert_accessible(chart)
    assert chart.title == "Tlumočení: účastníci podle jazyka"
    assert chart.table.headings == ["Část programu", "čeština", "slovenčina", "English", "Celkem"]
    assert chart.table.rows == [("Seminář", [25, 12, 3, 40]), ("Studijní cesta", [20, 0, 0, 20])]
    assert chart.description == (
        "„Seminář“: čeština 25, slovenčina 12, English 3. „Studijní cesta“: čeština 20, slovenčina 0, English 0."
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda label: seats_chart([PartSeats(label, 10, 1, 0)]),
        lambda label: interpretation_chart([(label, {"cs": 1})]),
        lambda label: country_chart({"CZ": 1}, title=label),
    ],
)
def test_nothing_in_a_label_becomes_markup(make):
    label = '<script>alert("x")</script> & Co'
    chart = make(label)
    root = parsed(chart)
    assert not list(root.iter(f"{SVG}script"))
    svg = str(chart.svg)
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


@pytest.mark.parametrize("chart_id", ["two words", 'x" onload="alert(1)', "1st", ""])
def test_a_chart_id_must_be_a_plain_html_id(chart_id):
    with pytest.raises(ValueError, match="chart id"):
        country_chart({"CZ": 1}, chart_id=chart_id)


def test_two_charts_on_one_page_share_no_id():
    first = seats_chart([PartSeats("A", 10, 5, 2)], chart_id="seats-a")
    second = seats_chart([PartSeats("B", 10, 5, 2)], chart_id="seats-b")
    ids = [e.get("id") for chart in (first, second) for e in parsed(chart).iter() if e.get("id")]
    assert len(ids) == len(set(ids)) == 6  # title, description and the waiting list's stripes, twice


def test_the_include_shows_the_chart_and_its_numbers_as_a_table():
    with translation.override("en"):
        chart = country_chart({"CZ": 3, "PL": 1})
        html = render_to_string("registrations/printing/chart.html", {"chart": chart})
    assert str(chart.svg) in html
    assert "<caption>Active registrations per country</caption>" in html
    assert '<th scope="row">Czechia</th><td class="number">3</td>' in html
    assert '<th scope="col">Number of people</th>' in html
