import io
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
XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512


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
    ("content", "name"), [(PDF, "slides.pdf"), (DOCX, "report.docx"), (ODT, "x.odt"), (XLS, "a.xls")]
)
def test_admin_accepts_pdf_and_office_documents(staff_client, content, name):
    event = make_event()
    assert post_document(staff_client, event, content, name).status_code == 302
    assert Document.objects.count() == 1


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
