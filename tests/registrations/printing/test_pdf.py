"""What a printed document may load while WeasyPrint renders it: the project's fonts and data: URIs only."""

import io

import pytest
import segno
from PIL import Image
from pypdf import PdfReader

from registrations.printing.attendance import attendance_sheets_pdf
from registrations.printing.badges import Badge, badges_pdf
from registrations.printing.certificates import certificates_pdf
from registrations.printing.codes import QR_MASK, qr_png, qr_url
from registrations.printing.engine import HTML
from registrations.printing.fetcher import ProjectFontsOnly
from registrations.printing.pdf import font_folder, mm


def test_fetcher_loads_the_projects_fonts_and_data_uris():
    fetcher = ProjectFontsOnly(font_folder())
    font = fetcher.fetch((font_folder() / "NotoSans-Regular.ttf").as_uri())
    assert font.read(4) == b"\x00\x01\x00\x00"  # a TrueType font
    assert fetcher.fetch("data:text/plain,ok").read() == b"ok"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///etc/../etc/hostname",
        "http://127.0.0.1:8180/badge.png",
        "https://example.org/logo.png",
        "ftp://example.org/font.ttf",
    ],
)
def test_fetcher_refuses_anything_else(url):
    with pytest.raises(ValueError, match="only the project's fonts"):
        ProjectFontsOnly(font_folder()).fetch(url)


def test_fetcher_refuses_a_path_that_only_starts_in_the_font_folder():
    sneaky = font_folder().as_uri() + "/../../requirements.txt"
    with pytest.raises(ValueError, match=r"loads only the project's fonts"):
        ProjectFontsOnly(font_folder()).fetch(sneaky)


def test_a_document_referring_to_a_file_of_the_server_prints_without_it(tmp_path):
    """An image outside the font folder stays out of the PDF (WeasyPrint notes the refusal and goes on)."""
    from PIL import Image

    picture = tmp_path / "secret.png"
    Image.new("RGB", (4, 4), "red").save(picture)
    html = f'<p>Hello</p><img src="{picture.as_uri()}">'
    pdf = HTML(string=html, url_fetcher=ProjectFontsOnly(font_folder())).write_pdf()
    assert not PdfReader(io.BytesIO(pdf)).pages[0].images


def test_lengths_are_written_for_css_whatever_the_language(settings):
    from django.utils import translation

    with translation.override("cs"):
        assert mm(99.1) == "99.1mm"
        assert mm(105) == "105mm"


@pytest.mark.parametrize(
    "make",
    [
        lambda: badges_pdf([], layout="a6", language="cs"),
        lambda: certificates_pdf([]),
        lambda: attendance_sheets_pdf([], language="cs"),
    ],
)
def test_nothing_to_print_is_an_error_not_a_blank_page(make):
    with pytest.raises(ValueError, match="to print"):
        make()


def test_printing_leaves_the_image_upload_check_as_strict_as_before():
    """WeasyPrint, when imported, tells Pillow to accept truncated images in the whole process; after a
    document is printed, a damaged JPEG upload is still refused (events/images.py)."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from events.images import validate_image_upload

    badges_pdf([Badge("Jana", "Nováková", "cs")], layout="a6", language="cs")
    noise = io.BytesIO()
    Image.effect_noise((300, 200), 60).convert("RGB").save(noise, "JPEG")
    truncated = noise.getvalue()[: len(noise.getvalue()) * 2 // 3]
    with pytest.raises(ValidationError) as refused:
        validate_image_upload(SimpleUploadedFile("photo.jpg", truncated, content_type="image/jpeg"))
    assert refused.value.code == "damaged"


def test_fetcher_makes_the_qr_code_a_badge_names():
    url = "https://v4.smocr.cz/cs/checkin/c/0123456789abcdef0123456789abcdef/?a=1&b=ž"
    response = ProjectFontsOnly(font_folder()).fetch(qr_url(url))
    assert response.content_type == "image/png"
    assert response.read() == qr_png(qr_url(url))
    drawn = Image.open(io.BytesIO(qr_png(qr_url(url)))).convert("L")
    expected = segno.make(url, error="m", mask=QR_MASK)  # the URL itself, not its percent-encoding
    size = expected.symbol_size(scale=1, border=4)
    modules = [[drawn.getpixel((x, y)) < 128 for x in range(size[0])] for y in range(size[1])]
    assert modules == [[bool(bit) for bit in row] for row in expected.matrix_iter(scale=1, border=4)]
