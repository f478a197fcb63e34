"""Documents (slides, reports) uploaded by staff: accepted by their content, never by their name, and
stored under the extension of what they really are (an HTML page named "slides.pdf" that starts with
"%PDF-" is refused; a PDF named "slides.html" is stored as "slides.pdf").

Office files are zip archives, and a zip can hide a bomb: 919 bytes that inflate to a gibibyte. The
archive's own table of contents says how many entries it has and how large each becomes; those are
checked first, from the end of the file, before the table is even read, and nothing is ever inflated
but the few bytes of an OpenDocument's `mimetype`, read with a limit.
"""

import posixpath
import struct
import zipfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.text import slugify
from django.utils.translation import gettext as _

MAX_DOCUMENT_BYTES = 25 * 1024 * 1024
# Inside a zip: at most this many entries, this much inflated per entry and in all (as the archive
# declares; a lying declaration cannot make a bounded read return more). Office files stay far below.
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_ENTRY_BYTES = 200 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 500 * 1024 * 1024
MAX_MIMETYPE_BYTES = 100

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt
ZIP_MAGIC = b"PK\x03\x04"
END_OF_ZIP = b"PK\x05\x06"
END_OF_ZIP_FORMAT = "<4s4H2LH"  # signature, disks, entries on this disk, entries, table size and offset
# What an office file in a zip container must hold, and the extension it gets.
OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
# The stream an old (OLE2) office file's directory names, and the extension it gets.
OLE2_STREAMS = {"WordDocument": "doc", "Workbook": "xls", "Book": "xls", "PowerPoint Document": "ppt"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}


class ZipTooLargeError(Exception):
    """The archive declares more entries or more inflated bytes than an office document can have."""


def _zip_entry_count(upload: File) -> int:
    """The number of entries, from the end-of-archive record, before the table of contents is read (-1
    without such a record); ZipTooLargeError for a ZIP64 archive, which no document of 25 MB needs."""
    upload.seek(0, 2)
    size = upload.tell()
    tail_size = min(size, struct.calcsize(END_OF_ZIP_FORMAT) + 0xFFFF)  # the record and its longest comment
    upload.seek(size - tail_size)
    tail = upload.read(tail_size)
    at = tail.rfind(END_OF_ZIP)
    if at < 0 or len(tail) - at < struct.calcsize(END_OF_ZIP_FORMAT):
        return -1
    *_disks, entries, table_size, table_offset, _comment = struct.unpack_from(END_OF_ZIP_FORMAT, tail, at)[1:]
    if entries == 0xFFFF or 0xFFFFFFFF in (table_size, table_offset):
        raise ZipTooLargeError
    return entries


def _zip_kind(upload: File) -> str | None:
    entries = _zip_entry_count(upload)
    if entries > MAX_ZIP_ENTRIES:
        raise ZipTooLargeError
    upload.seek(0)
    with zipfile.ZipFile(upload) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES or any(info.file_size > MAX_ZIP_ENTRY_BYTES for info in infos):
            raise ZipTooLargeError
        if sum(info.file_size for info in infos) > MAX_ZIP_TOTAL_BYTES:
            raise ZipTooLargeError
        names = {info.filename for info in infos}
        for part, kind in OOXML_PARTS.items():
            if part in names and "[Content_Types].xml" in names:
                return kind
        mimetype = next((info for info in infos if info.filename == "mimetype"), None)
        # OpenDocument stores its `mimetype` uncompressed: reading a stored entry inflates nothing, whereas a
        # bzip2 or LZMA entry inflates a whole block at once, however little is asked for.
        if mimetype is None or mimetype.compress_type != zipfile.ZIP_STORED:
            return None
        if mimetype.file_size > MAX_MIMETYPE_BYTES:
            return None
        with archive.open(mimetype) as entry:
            return ODF_TYPES.get(entry.read(MAX_MIMETYPE_BYTES + 1).strip())


def _ole2_kind(upload: File, name: str) -> str | None:
    """Word, Excel or PowerPoint, from the stream names in the first sector of the compound file's
    directory, where Office writes them; failing that, the name's extension if it is one of the three."""
    extension = posixpath.splitext(name or "")[1].lower().lstrip(".")
    fallback = extension if extension in OLE2_STREAMS.values() else None
    upload.seek(0)
    header = upload.read(512)
    if len(header) < 512:
        return None
    sector_size = 1 << min(struct.unpack_from("<H", header, 0x1E)[0], 16)
    first_directory_sector = struct.unpack_from("<L", header, 0x30)[0]
    if sector_size not in (512, 4096) or first_directory_sector >= 0xFFFFFFFA:
        return fallback
    upload.seek((first_directory_sector + 1) * sector_size)
    directory = upload.read(sector_size)
    for start in range(0, len(directory) - 127, 128):
        name_bytes = struct.unpack_from("<H", directory, start + 64)[0]
        stream = directory[start : start + max(0, min(name_bytes, 64) - 2)].decode("utf-16-le", "replace")
        if stream in OLE2_STREAMS:
            return OLE2_STREAMS[stream]
    return fallback


def document_kind(upload: File) -> str | None:
    """The file's real type ("pdf", "docx", "xls", …) from its first bytes and structure, or None.
    ZipTooLargeError for an archive that declares more than an office document can hold."""
    name = getattr(upload, "name", "") or ""
    upload.seek(0)
    head = upload.read(8)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head == OLE2_MAGIC:
            return _ole2_kind(upload, name)
        if head.startswith(ZIP_MAGIC):
            try:
                return _zip_kind(upload)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError, struct.error):
                return None
        return None
    finally:
        upload.seek(0)


def validate_document_upload(upload: File) -> str:
    """Refuse anything over 25 MB, a zip bomb, or what is not a PDF or office document; return its kind."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The document is larger than 25 MB. Please upload a smaller file."), code="file_too_large"
        )
    try:
        kind = document_kind(upload)
    except ZipTooLargeError:
        raise ValidationError(
            _("The document holds more files or more data than an office document can; it was not opened."),
            code="zip_too_large",
        ) from None
    if kind is None:
        raise ValidationError(
            _("Only PDF and office documents (Word, Excel, PowerPoint, OpenDocument) are accepted."),
            code="unsupported_document",
        )
    return kind


def name_for_kind(name: str, kind: str) -> str:
    """The uploaded file's name with the extension of its real type: "slides.html" (a PDF) → "slides.pdf"."""
    stem = slugify(posixpath.splitext(posixpath.basename((name or "").replace("\\", "/")))[0])[:80]
    return f"{stem or 'document'}.{kind}"
