"""Name badges: what a person reads on them, where they fall on the sheet, and in which order they come."""

import io
import time

import pytest
import segno
from django.utils import translation
from pypdf import PdfReader

from registrations.collation import by_surname
from registrations.models import ParticipantRole, Registration
from registrations.printing.badges import LAYOUTS, SIDE_BY_SIDE_AT_LEAST, Badge, badges_pdf, name_size, sort_badges
from registrations.printing.people import name_in_order
from tests.factories import make_event, make_registration

from .pdfs import assert_only_the_projects_font, page_images, pages_text, text

CHECKIN = "http://127.0.0.1:8000/cs/checkin/c/0123456789abcdef0123456789abcdef/"
PEOPLE = [
    Badge("Łukasz", "Żółć", "pl", "Urząd Miasta Nowy Sącz", "PL", "speaker", CHECKIN),
    Badge("Ödön", "Győrffy", "hu", "Települési Önkormányzatok Országos Szövetsége", "HU"),
    Badge("Tomáš", "Šťastný", "cs", "Obec Štěpánov", "CZ", "organiser"),
    Badge("Ľudovít", "Ďurovič", "sk", "Mesto Žilina", "SK", "head_of_delegation"),
]


def test_names_in_every_alphabet_come_back_intact_from_the_pdf():
    pages = pages_text(badges_pdf(PEOPLE, layout="a6", language="cs"))
    assert len(pages) == 4
    assert "Łukasz Żółć" in pages[0]
    assert "Győrffy Ödön" in pages[1]  # Hungarian: the family name first
    assert "Tomáš Šťastný" in pages[2]
    assert "Ľudovít Ďurovič" in pages[3]


def test_badges_are_set_in_the_projects_own_font_only():
    assert_only_the_projects_font(badges_pdf(PEOPLE, layout="l7163", language="pl"))


def test_badge_text_is_in_the_badge_language_and_the_name_in_the_persons_order():
    pdf = badges_pdf(PEOPLE[:2], layout="a4-4xa6", language="hu", event_title="Nemzetközi szeminárium")
    page = text(pdf)
    assert "Łukasz Żółć" in page
    assert "Győrffy Ödön" in page
    assert "LENGYELORSZÁG" in page
    assert "MAGYARORSZÁG" in page
    assert "ELŐADÓ" in page  # the role, in capitals
    assert "Határon átnyúló együttműködés a partnerségért és a jólétért" in page  # the project
    assert "A projektet a Nemzetközi Visegrádi Alap társfinanszírozza." in page  # the funder
    assert "Nemzetközi szeminárium" in page


def test_each_role_is_named_on_the_badge_and_a_country_outside_the_four_is_not():
    badges = [Badge("Jana", "Malá", "cs", country="OTHER", role=role) for role in ParticipantRole.values]
    page = text(badges_pdf(badges, layout="l7165", language="cs"))
    for role in ("PŘEDNÁŠEJÍCÍ", "ORGANIZÁTOR", "MÉDIA", "VEDOUCÍ DELEGACE"):
        assert role in page
    assert "JINÁ ZEMĚ" not in page.upper()


def test_names_and_organisations_are_printed_as_text_never_as_markup(tmp_path):
    pdf = badges_pdf([Badge("<b>Eva</b>", "Nová & <i>Syn</i>", "cs", '<img src="x.png">')], layout="a6", language="cs")
    page = text(pdf)
    assert "<b>Eva</b> Nová & <i>Syn</i>" in page
    assert '<img src="x.png">' in page


def test_door_qr_code_holds_the_checkin_url():
    pdf = badges_pdf(PEOPLE[:1], layout="a6", language="cs")
    (image,) = page_images(pdf)
    drawn = image.convert("L")
    expected = segno.make(CHECKIN, error="m")
    size = expected.symbol_size(scale=1, border=4)
    assert drawn.size == size
    modules = [[drawn.getpixel((x, y)) < 128 for x in range(size[0])] for y in range(size[1])]
    assert modules == [[bool(bit) for bit in row] for row in expected.matrix_iter(scale=1, border=4)]


@pytest.mark.parametrize(("layout", "pages"), [("a6", 9), ("a4-4xa6", 3), ("a4-8xa7", 2), ("l7165", 2), ("l7163", 1)])
def test_each_layout_puts_as_many_badges_on_a_sheet_as_it_says(layout, pages):
    badges = [Badge(f"Jana{n}", "Nováková", "cs", "Obec", "CZ") for n in range(9)]
    printed = pages_text(badges_pdf(badges, layout=layout, language="cs"))
    assert len(printed) == pages
    per_page = LAYOUTS[layout].per_page
    assert printed[0].count("Nováková") == min(per_page, 9)


@pytest.mark.parametrize("key", ["l7165", "l7163"])
def test_label_sheets_sit_where_avery_puts_the_labels(key):
    """L7165: 2 × 4 labels of 99.1 × 67.7 mm; L7163: 2 × 7 of 99.1 × 38.1 mm; both centred on A4 with a
    2.5 mm gap between the columns and none between the rows."""
    layout = LAYOUTS[key]
    slots = layout.slots()
    assert len(slots) == layout.per_page == {"l7165": 8, "l7163": 14}[key]
    right = max(left for left, _ in slots) + layout.badge[0]
    bottom = max(top for _, top in slots) + layout.badge[1]
    assert slots[0][0] == pytest.approx(210 - right) == pytest.approx(4.65)
    assert slots[0][1] == pytest.approx(297 - bottom)
    assert slots[1][0] - slots[0][0] - layout.badge[0] == pytest.approx(2.5)


@pytest.mark.parametrize("key", ["a4-4xa6", "a4-8xa7"])
def test_sheets_to_cut_tile_a4_and_mark_every_cut_line_inside_the_printable_area(key):
    layout = LAYOUTS[key]
    slots = layout.slots()
    assert max(left for left, _ in slots) + layout.badge[0] == pytest.approx(210)
    assert max(top for _, top in slots) + layout.badge[1] == pytest.approx(297)
    cuts_x = {left for left, _ in slots} - {0}
    cuts_y = {top for _, top in slots} - {0}
    marks = layout.cut_marks_lines()
    vertical = {left for left, top, width, height in marks if width == 0}
    horizontal = {top for left, top, width, height in marks if height == 0}
    assert vertical == cuts_x
    assert horizontal == cuts_y
    for left, top, width, height in marks:  # printers leave about the outer 3 mm blank
        assert left >= 3
        assert left + width <= 207
        assert top >= 3
        assert top + height <= 294
    assert not LAYOUTS["a6"].cut_marks_lines()
    assert not LAYOUTS["l7163"].cut_marks_lines()


def test_long_names_get_smaller_type_to_fit_the_badge():
    assert name_size("Jan Novák", "portrait") == "28.0pt"
    assert float(name_size("Anna Szczebrzeszyńska-Brzęczyszczykiewicz", "portrait").removesuffix("pt")) < 28
    assert float(name_size("Łukasz Żółć", "strip").removesuffix("pt")) > float(
        name_size("Ľudovít Wojciechowski-Grzybowski", "strip").removesuffix("pt")
    )


@pytest.mark.parametrize("language", ["cs", "sk", "pl", "hu", "en"])
def test_badge_name_follows_the_rule_of_registration_full_name(language):
    person = Registration(first_name="Ödön", last_name="Győrffy")
    assert name_in_order("Ödön", "Győrffy", language) == person.full_name(language)


def test_sorting_by_surname_follows_the_readers_alphabet():
    names = ["Chalupa", "Hora", "Čech", "Cibulka", "Łukasz", "Lukas", "Mazur"]
    badges = [Badge("A", name, "cs") for name in names]
    assert [b.last_name for b in sort_badges(badges, language="cs")][:4] == ["Cibulka", "Čech", "Hora", "Chalupa"]
    polish = [b.last_name for b in sort_badges(badges, language="pl")]
    assert polish.index("Lukas") < polish.index("Łukasz") < polish.index("Mazur")


def test_sorting_by_country_orders_countries_by_their_names_in_the_readers_language():
    badges = [
        Badge("A", "Zubek", "pl", country="PL"),
        Badge("A", "Abel", "en", country="OTHER"),
        Badge("A", "Novák", "cs", country="CZ"),
        Badge("A", "Kovács", "hu", country="HU"),
        Badge("A", "Bartoš", "cs", country="CZ"),
        Badge("A", "Hraško", "sk", country="SK"),
    ]
    with translation.override("en"):  # the caller's language must not leak into the reader's order
        ordered = [b.last_name for b in sort_badges(badges, language="hu", by_country=True)]
    # Csehország, Lengyelország, Magyarország, Szlovákia; no named country last.
    assert ordered == ["Bartoš", "Novák", "Zubek", "Kovács", "Hraško", "Abel"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["cs", "pl", "hu"])
def test_sorting_in_memory_matches_the_databases_collation(language):
    """The same order as `by_surname` gives in SQL: ICU's on PostgreSQL, ours on SQLite."""
    event = make_event()
    names = [
        ("Zuzana", "Nováková"), ("Anna", "Nováková"), ("Jiří", "Cibulka"), ("Petr", "Čech"), ("Eva", "Hora"),
        ("Tomáš", "Chalupa"), ("Piotr", "Lukas"), ("Łucja", "Łukasz"), ("Ewa", "Mazur"), ("Anna", "Csizmadia"),
        ("Katalin", "Cseh"), ("Ödön", "Győrffy"), ("Gábor", "Gulyás"), ("Ildikó", "Ötvös"), ("Olga", "Orbán"),
    ]  # fmt: skip
    for first, last in names:
        make_registration(event, first_name=first, last_name=last)
    from_database = [(r.last_name, r.first_name) for r in by_surname(Registration.objects.all(), language)]
    in_memory = sort_badges([Badge(first, last) for first, last in names], language=language)
    assert [(b.last_name, b.first_name) for b in in_memory] == from_database


def test_badges_for_many_people_are_made_side_by_side_and_joined_in_order(monkeypatch):
    """With SIDE_BY_SIDE_AT_LEAST badges or more for each CPU, runs of sheets are rendered by processes of
    their own and joined: every badge comes back once, in the order given, with the document's title and
    language, and this process spends a fraction of the CPU that rendering them here takes."""
    count = 2 * SIDE_BY_SIDE_AT_LEAST + 5
    badges = [Badge(f"Jana{number:03d}", "Nováková", "cs", "Obec", "CZ") for number in range(count)]

    def made_with(cpus: int) -> tuple[bytes, float]:
        monkeypatch.setattr("os.cpu_count", lambda: cpus)
        started = time.process_time()
        pdf = badges_pdf(badges, layout="l7163", language="hu", event_title="Nemzetközi szeminárium")
        return pdf, time.process_time() - started

    here, cpu_here = made_with(1)
    pdf, cpu_side_by_side = made_with(2)
    assert cpu_side_by_side < cpu_here / 2
    printed = pages_text(pdf)
    assert len(printed) == -(-count // LAYOUTS["l7163"].per_page)
    found = [word for page in printed for word in page.split() if word.startswith("Jana")]
    assert found == [f"Jana{number:03d}" for number in range(count)]
    assert printed == pages_text(here)
    assert_only_the_projects_font(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Nemzetközi szeminárium"
    assert reader.trailer["/Root"]["/Lang"] == "hu"
