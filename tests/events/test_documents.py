import base64
import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import Document
from tests.events.test_admin import event_form_data
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOCX = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


def ole2_bytes(stream: str) -> bytes:
    """A compound file (.doc, .xls, .ppt) whose directory's first sector names its main stream."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors
    header[0x30:0x34] = (0).to_bytes(4, "little")  # the directory starts at sector 0
    directory = bytearray(512)
    for index, name in enumerate(("Root Entry", stream)):
        encoded = (name + "\0").encode("utf-16-le")
        directory[index * 128 : index * 128 + len(encoded)] = encoded
        directory[index * 128 + 64 : index * 128 + 66] = len(encoded).to_bytes(2, "little")
    return bytes(header + directory)


XLS = ole2_bytes("Workbook")
DOC = ole2_bytes("WordDocument")
PPT = ole2_bytes("PowerPoint Document")
# An .odt of 899 bytes whose `mimetype` entry inflates (bzip2) to 1 GiB of zeros: it took a worker to
# 2.1 GB of memory for 10 s. Made once with zipfile; kept here, as making it again takes 13 s.
ODT_BOMB = base64.b64decode(
    "UEsDBC4AAAAMAAAAIQCwwmRbEQMAAAAAAEAIAAAAbWltZXR5cGVCWmg5MUFZJlNZDgni3wFfjkAAwAAACCAAMIBNRkKgJakKgJcx"
    "QVkmU1kOCeLfAV+OQADAAAAIIAAwgE1GQqAlqQqAlzFBWSZTWQ4J4t8BX45AAMAAAAggADCATUZCoCWpCoCXMUFZJlNZDgni3wFf"
    "jkAAwAAACCAAMIBNRkKgJakKgJcxQVkmU1kOCeLfAV+OQADAAAAIIAAwgE1GQqAlqQqAlzFBWSZTWQ4J4t8BX45AAMAAAAggADCA"
    "TUZCoCWpCoCXMUFZJlNZDgni3wFfjkAAwAAACCAAMIBNRkKgJakKgJcxQVkmU1kOCeLfAV+OQADAAAAIIAAwgE1GQqAlqQqAlzFB"
    "WSZTWQ4J4t8BX45AAMAAAAggADCATUZCoCWpCoCXMUFZJlNZDgni3wFfjkAAwAAACCAAMIBNRkKgJakKgJcxQVkmU1kOCeLfAV+O"
    "QADAAAAIIAAwgE1GQqAlqQqAlzFBWSZTWQ4J4t8BX45AAMAAAAggADCATUZCoCWpCoCXMUFZJlNZDgni3wFfjkAAwAAACCAAMIBN"
    "RkKgJakKgJcxQVkmU1kOCeLfAV+OQADAAAAIIAAwgE1GQqAlqQqAlzFBWSZTWQ4J4t8BX45AAMAAAAggADCATUZCoCWpCoCXMUFZ"
    "JlNZDgni3wFfjkAAwAAACCAAMIBNRkKgJakKgJcxQVkmU1kOCeLfAV+OQADAAAAIIAAwgE1GQqAlqQqAlzFBWSZTWQ4J4t8BX45A"
    "AMAAAAggADCATUZCoCWpCoCXMUFZJlNZDgni3wFfjkAAwAAACCAAMIBNRkKgJakKgJcxQVkmU1kOCeLfAV+OQADAAAAIIAAwgE1G"
    "QqAlqQqAlzFBWSZTWQ4J4t8BX45AAMAAAAggADCATUZCoCWpCoCXMUFZJlNZDgni3wFfjkAAwAAACCAAMIBNRkKgJakKgJcxQVkm"
    "U1kOCeLfAV+OQADAAAAIIAAwgE1GQqAlqQqAlzFBWSZTWUh8X8kAilLIAMAAAAQACCAAMMwFKaaRIkNhRIkPF3JFOFCQ9ojkAlBL"
    "AQIuAy4AAAAMAAAAIQCwwmRbEQMAAAAAAEAIAAAAAAAAAAAAAACAAQAAAABtaW1ldHlwZVBLBQYAAAAAAQABADYAAAA3AwAAAAA="
)


def post_document(staff_client, event, content: bytes, name: str):
    data = event_form_data(
        event,
        **{
            "documents-TOTAL_FORMS": 1,
            "documents-0-file": SimpleUploadedFile(name, content),
            "documents-0-title_cs": "Prezentace",
            "documents-0-language": "cs",
            "documents-0-order": 0,
        },
    )
    return staff_client.post(f"/admin/events/event/{event.pk}/change/", data)


@pytest.mark.parametrize(
    ("content", "name", "stored"),
    [
        (PDF, "slides.pdf", "slides.pdf"),
        (DOCX, "report.docx", "report.docx"),
        (ODT, "x.odt", "x.odt"),
        (XLS, "a.xls", "a.xls"),
        (DOC, "Zpráva.DOC", "zprava.doc"),
        (PPT, "slides.ppt", "slides.ppt"),
    ],
)
def test_admin_accepts_pdf_and_office_documents(staff_client, content, name, stored):
    event = make_event()
    assert post_document(staff_client, event, content, name).status_code == 302
    assert Document.objects.get().file.name == f"documents/{stored}"


@pytest.mark.parametrize(
    ("content", "name", "stored", "content_type"),
    [
        (PDF, "page.html", "page.pdf", "application/pdf"),
        (DOCX, "notes.txt", "notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (XLS, "figures.doc", "figures.xls", "application/vnd.ms-excel"),
        (ODT, "report", "report.odt", "application/vnd.oasis.opendocument.text"),
    ],
)
def test_documents_are_stored_and_served_as_what_they_really_are(
    client, staff_client, content, name, stored, content_type
):
    """A PDF named .html was stored as .html and served as text/html."""
    event = make_event()
    assert post_document(staff_client, event, content, name).status_code == 302
    document = Document.objects.get()
    assert document.file.name == f"documents/{stored}"
    response = client.get(f"/en/events/{event.slug}/documents/{document.pk}/")
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="prezentace.{stored.rsplit(".", 1)[1]}"'


def test_a_document_stored_earlier_under_a_wrong_extension_is_served_as_what_it_is(client):
    from django.core.files.base import ContentFile

    event = make_event()
    document = Document(event=event, title="Slides", language="cs")
    document.file.save("slides.html", ContentFile(PDF))
    response = client.get(f"/en/events/{event.slug}/documents/{document.pk}/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="slides.pdf"'
    document.file.save("page.html", ContentFile(b"<html><script>alert(1)</script></html>"))
    assert client.get(f"/en/events/{event.slug}/documents/{document.pk}/").status_code == 404


def test_a_zip_bomb_is_refused_without_being_inflated(staff_client):
    event = make_event()
    tracemalloc.start()
    try:
        response = post_document(staff_client, event, ODT_BOMB, "report.odt")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "holds more files or more data than an office document can" in response.content.decode()
    assert not Document.objects.exists()
    assert peak < 20 * 1024 * 1024, peak  # inflating the bomb takes a gibibyte


def declaring(archive: bytes, sizes: list[int]) -> bytes:
    """The archive with its table of contents declaring these inflated sizes for its first entries,
    whatever they really hold: what the caps look at."""
    archive = bytearray(archive)
    entry = archive.find(b"PK\x01\x02")
    for size in sizes:
        archive[entry + 24 : entry + 28] = size.to_bytes(4, "little")
        lengths = [int.from_bytes(archive[entry + at : entry + at + 2], "little") for at in (28, 30, 32)]
        entry += 46 + sum(lengths)
    return bytes(archive)


def docx_declaring(sizes: list[int]) -> bytes:
    media = {f"word/media/{n}.bin": b"x" for n in range(len(sizes))}
    return declaring(zip_bytes({**media, "[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}), sizes)


def refused_with_peak_memory(staff_client, content: bytes, name: str) -> int:
    event = make_event()
    tracemalloc.start()
    try:
        response = post_document(staff_client, event, content, name)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    assert not Document.objects.exists()
    return peak


def test_a_bomb_that_declares_a_tiny_mimetype_is_not_inflated_either(staff_client):
    """bzip2 inflates a whole block however few bytes are read: only a stored `mimetype` is read."""
    peak = refused_with_peak_memory(staff_client, declaring(ODT_BOMB, [39]), "report.odt")
    assert peak < 20 * 1024 * 1024, peak


def test_the_number_of_entries_is_checked_before_the_table_is_read(staff_client):
    """Reading the table of 60,000 entries alone takes tens of megabytes; the end record says how many."""
    many = zip_bytes({f"{n}": b"" for n in range(60_000)})
    assert len(many) < 25 * 1024 * 1024
    peak = refused_with_peak_memory(staff_client, many, "report.docx")
    assert peak < 20 * 1024 * 1024, peak


@pytest.mark.parametrize(
    "content",
    [
        zip_bytes(
            {f"word/part{n}.xml": b"" for n in range(10_001)} | {"[Content_Types].xml": b"", "word/document.xml": b""}
        ),
        docx_declaring([300 * 1024 * 1024]),  # one entry over 200 MB
        docx_declaring([150 * 1024 * 1024] * 4),  # 600 MB in all
    ],
    ids=["10,003 entries", "an entry of 300 MB", "600 MB in all"],
)
def test_an_archive_beyond_the_caps_is_refused(staff_client, content):
    event = make_event()
    response = post_document(staff_client, event, content, "report.docx")
    assert "holds more files or more data than an office document can" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"<html><script>alert(1)</script></html>", "slides.pdf"),
        (b"MZ\x90\x00 an executable", "report.docx"),
        (zip_bytes({"evil.js": b"alert(1)"}), "archive.docx"),
        (b"\x89PNG\r\n\x1a\n", "picture.pdf"),
    ],
)
def test_admin_refuses_anything_else_whatever_its_name(staff_client, content, name):
    event = make_event()
    response = post_document(staff_client, event, content, name)
    assert response.status_code == 200
    assert "Only PDF and office documents" in response.content.decode()
    assert not Document.objects.exists()


def test_admin_refuses_a_document_over_25_mb(staff_client):
    event = make_event()
    response = post_document(staff_client, event, PDF + b"0" * (25 * 1024 * 1024), "big.pdf")
    assert "larger than 25 MB" in response.content.decode()
    assert not Document.objects.exists()


def test_documents_are_downloaded_as_attachments_never_shown_as_pages(client, staff_client):
    event = make_event()
    post_document(staff_client, event, PDF, "slides.pdf")
    document = Document.objects.get()
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    link = f"/en/events/{event.slug}/documents/{document.pk}/"
    assert f'href="{link}"' in html
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="prezentace.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_a_document_of_another_or_unpublished_event_is_not_found(client, staff_client):
    event = make_event()
    post_document(staff_client, event, PDF, "slides.pdf")
    document = Document.objects.get()
    other = make_event()
    assert client.get(f"/en/events/{other.slug}/documents/{document.pk}/").status_code == 404
    event.published = False
    event.save()
    assert client.get(f"/en/events/{event.slug}/documents/{document.pk}/").status_code == 404
