"""Reading a PDF back as a person (its text, page by page) and as a printer (its fonts, its images)."""

import io
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader

FONTS = Path(__file__).resolve().parents[3] / "static" / "fonts"


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text with runs of white space as one space (line breaks fall where the layout put them)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def text(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


def embedded_fonts(pdf: bytes) -> list[tuple[str, str]]:
    """(the PDF's font name, the unique ID in the embedded font file's own name table) of every font used."""
    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3") or descriptor.get("/FontFile")
            unique_id = TTFont(io.BytesIO(program.get_object().get_data()))["name"].getDebugName(3)
            found[str(font["/BaseFont"])] = unique_id
    return sorted(found.items())


def project_font_ids() -> set[str]:
    return {TTFont(path)["name"].getDebugName(3) for path in FONTS.glob("*.ttf")}


def assert_only_the_projects_font(pdf: bytes) -> None:
    """Every embedded font is one of static/fonts, under the family name only our @font-face gives it."""
    fonts = embedded_fonts(pdf)
    assert fonts, "no embedded font"
    for name, unique_id in fonts:
        assert unique_id in project_font_ids(), (name, unique_id)
        assert "V4-Print-Sans" in name, name


def page_images(pdf: bytes, page: int = 0) -> list:
    """The images drawn on a page, as Pillow images, in drawing order."""
    reader = PdfReader(io.BytesIO(pdf))
    return [image.image for image in reader.pages[page].images]
