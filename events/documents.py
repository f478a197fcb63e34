"""Documents (slides, reports) uploaded by staff: accepted by their content, never by their name."""

import zipfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _

MAX_DOCUMENT_BYTES = 25 * 1024 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt
ZIP_MAGIC = b"PK\x03\x04"
# What an office file in a zip container must hold, and the extension it gets.
OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}


def document_kind(upload: File) -> str | None:
    """The file's real type ("pdf", "docx", "xls", …) from its first bytes and structure, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head == OLE2_MAGIC:
        return "doc"  # the OLE2 container: .doc, .xls or .ppt alike
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                for part, kind in OOXML_PARTS.items():
                    if part in names and "[Content_Types].xml" in names:
                        return kind
                if "mimetype" in names:
                    return ODF_TYPES.get(archive.read("mimetype").strip())
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
        finally:
            upload.seek(0)
    return None


def validate_document_upload(upload: File) -> str:
    """Refuse anything over 25 MB or not a PDF or office document; return the document's kind."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The document is larger than 25 MB. Please upload a smaller file."), code="file_too_large"
        )
    kind = document_kind(upload)
    if kind is None:
        raise ValidationError(
            _("Only PDF and office documents (Word, Excel, PowerPoint, OpenDocument) are accepted."),
            code="unsupported_document",
        )
    return kind
