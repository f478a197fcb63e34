"""Checks uploaded images by their content, stores them without metadata and makes WebP renditions.

Decoding takes memory a small file does not show: a 130 KB PNG of 40 megapixels becomes 160 MB of pixels,
and every conversion copies them. So images are decoded within a budget: a JPEG is reduced while it is
decoded (to between one and two times the size of the largest rendition), and is never decoded in full; a
PNG or WebP cannot be, so it may have at most `MAX_DECODED_PIXELS` (fewer for WebP, whose decoder needs
more). Every image is stored at most `STORED_MAX_SIDE` pixels wide or high, and the conversions work on that.
"""

import io
import math
import posixpath
from typing import TypedDict

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage, default_storage
from django.db.models.fields.files import FieldFile
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# PNG and WebP are decoded in full: a PNG takes 4 bytes a pixel (16 megapixels: 64 MB), a WebP some 15
# (Pillow's decoder keeps two copies besides the image: 6 megapixels, 90 MB). Measured with Pillow 13.
MAX_DECODED_PIXELS = {"PNG": 16_000_000, "WEBP": 6_000_000}
LARGEST_RENDITION = 1600
STORED_MAX_SIDE = 2400  # one and a half times the largest rendition
# MPO is how Pillow names the JPEGs of many phones (several pictures in one file); they are JPEGs to a browser.
ACCEPTED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
FORMAT_NAMES = {"PNG": "PNG", "WEBP": "WebP"}
SAVE_OPTIONS = {"JPEG": {"quality": 90, "optimize": True}, "PNG": {"optimize": True}, "WEBP": {"quality": 90}}
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class Rendition(TypedDict):
    width: int
    height: int
    name: str


def _error(message: str, code: str, **params: object) -> ValidationError:
    return ValidationError(message, code=code, params=params or None)


def validate_image_upload(upload: File) -> None:
    """Refuse what is not a JPEG, PNG or WebP image of sane size; the checks run cheapest first."""
    try:
        _validate(upload)
    finally:
        upload.seek(0)  # the form field and clean_image() read the upload again


def _validate(upload: File) -> None:
    not_an_image = _("The file is not an image. Please upload a JPEG, PNG or WebP image.")
    if upload.size > MAX_IMAGE_BYTES:
        message = _("The image is larger than %(limit)s MB. Please upload a smaller file.")
        raise _error(message, "file_too_large", limit=MAX_IMAGE_BYTES // 2**20)
    upload.seek(0)
    # By content, not by name: an SVG can carry scripts, and "logo.jpg" may well be one.
    raw = upload.read(1024)
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n\f\v").lower()
    if head.startswith(b"<?xml") or b"<svg" in head:
        raise _error(_("SVG images are not accepted. Please upload a JPEG, PNG or WebP image."), "svg")
    upload.seek(0)
    try:
        # Opening reads only the header; the size is known before a single pixel is decoded.
        with Image.open(upload) as image:
            image_format, (width, height) = image.format, image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as bomb:
        # Pillow's own, higher limits: the warning arrives as an exception only where warnings are errors.
        pillow_limit = (Image.MAX_IMAGE_PIXELS or 0) * (2 if isinstance(bomb, Image.DecompressionBombError) else 1)
        message = _("The image has more than %(megapixels)s megapixels; at most %(limit)s are accepted.")
        megapixels, limit = pillow_limit // 1_000_000, MAX_IMAGE_PIXELS // 1_000_000
        raise _error(message, "too_many_pixels", megapixels=megapixels, limit=limit) from bomb
    except Exception as error:  # Pillow raises many kinds (OSError, SyntaxError, struct.error …) on junk
        # A file that starts like one of ours but does not open is a broken image, and saying so helps more.
        if raw.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")) or (raw[:4], raw[8:12]) == (b"RIFF", b"WEBP"):
            raise _error(_("The image file is damaged."), "damaged") from error
        raise _error(not_an_image, "not_an_image") from error
    if image_format not in ACCEPTED_FORMATS:
        message = _("%(format)s images are not accepted. Please upload a JPEG, PNG or WebP image.")
        raise _error(message, "unsupported_format", format=image_format)
    megapixels = number_format(math.ceil(width * height / 100_000) / 10, decimal_pos=1)  # 40.01 is not 40.0
    if width * height > MAX_IMAGE_PIXELS:
        message = _("The image has %(megapixels)s megapixels; at most %(limit)s are accepted.")
        raise _error(message, "too_many_pixels", megapixels=megapixels, limit=MAX_IMAGE_PIXELS // 1_000_000)
    decoded_limit = MAX_DECODED_PIXELS.get(image_format)
    if decoded_limit is not None and width * height > decoded_limit:
        message = _(
            "This %(format)s image has %(megapixels)s megapixels. %(format)s images are loaded whole into the "
            "server's memory, so they may have at most %(limit)s megapixels (a JPEG up to %(jpeg_limit)s). "
            "Please make the image smaller or save it as a JPEG."
        )
        raise _error(
            message,
            "too_many_pixels_to_decode",
            format=FORMAT_NAMES[image_format],
            megapixels=megapixels,
            limit=decoded_limit // 1_000_000,
            jpeg_limit=MAX_IMAGE_PIXELS // 1_000_000,
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:  # verify() needs a fresh image and spoils it for other use
            image.verify()
        if ACCEPTED_FORMATS[image_format] == "JPEG":
            # verify() does not read JPEG scan data; decoding at 1/8 scale does, cheaply, and finds truncation.
            upload.seek(0)
            with Image.open(upload) as image:
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
    except Exception as error:
        raise _error(_("The image file is damaged."), "damaged") from error


def _plain_pixels(image: Image.Image, *, keep_alpha: bool) -> Image.Image:
    """Upright sRGB pixels in a new image, so that nothing from the file's metadata can come along."""
    ImageOps.exif_transpose(image, in_place=True)  # the rotation is in EXIF, which is about to go
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    mode = "RGBA" if keep_alpha and has_alpha else "RGB"
    icc = image.info.get("icc_profile")
    converted = None
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        # Without its profile a phone's Display P3 photo looks dull; convert rather than drop the colours.
        try:
            converted = ImageCms.profileToProfile(image, io.BytesIO(icc), SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # a broken profile is not worth refusing the photo for
    converted = converted or image.convert(mode)
    plain = Image.new(mode, converted.size)
    plain.paste(converted)
    return plain


def _decode_within_budget(image: Image.Image) -> None:
    """Decode the opened image at most `STORED_MAX_SIDE` wide or high, in place. A JPEG is decoded at the
    smallest of 1/2, 1/4 or 1/8 of its size that still reaches the largest rendition (never in full, when it
    is larger), then reduced; a PNG or WebP (within MAX_DECODED_PIXELS) is decoded, then reduced."""
    width, height = image.size
    shrink = max(width, height) / LARGEST_RENDITION
    if ACCEPTED_FORMATS[image.format] == "JPEG" and shrink > 1:
        image.draft(None, (max(1, int(width / shrink)), max(1, int(height / shrink))))
    # reducing_gap=None: thumbnail() must not ask the decoder for more than the draft above.
    image.thumbnail((STORED_MAX_SIDE, STORED_MAX_SIDE), Image.Resampling.LANCZOS, reducing_gap=None)


def clean_image(upload: File) -> ContentFile:
    """The validated upload re-encoded in its own format, without EXIF (GPS), XMP, comments or profiles, at
    most STORED_MAX_SIDE wide or high."""
    upload.seek(0)
    with Image.open(upload) as original:
        image_format = ACCEPTED_FORMATS[original.format]
        _decode_within_budget(original)
        plain = _plain_pixels(original, keep_alpha=image_format != "JPEG")
    buffer = io.BytesIO()
    plain.save(buffer, image_format, **SAVE_OPTIONS[image_format])
    # The extension follows the content: a PNG named "photo.jpg" is stored as a .png.
    stem = slugify(posixpath.splitext(posixpath.basename((upload.name or "").replace("\\", "/")))[0])[:60]
    return ContentFile(buffer.getvalue(), name=f"{stem or 'image'}.{EXTENSIONS[image_format]}")


def make_renditions(
    field_file: FieldFile, *, widths: tuple[int, ...] = (480, 960, 1600), folder: str = "renditions"
) -> list[Rendition]:
    """WebP copies of the stored image at each width it reaches, smallest first; never enlarged."""
    storage = field_file.storage
    base = posixpath.join(posixpath.dirname(field_file.name), folder)
    stem = posixpath.splitext(posixpath.basename(field_file.name))[0]
    with field_file.open("rb"), Image.open(field_file) as original:
        _decode_within_budget(original)  # a no-op for what clean_image stored; not for older, larger files
        image = _plain_pixels(original, keep_alpha=True)
    targets = sorted({w for w in widths if w <= image.width}) or [image.width]
    renditions: list[Rendition] = []
    try:
        for width in targets:
            height = max(1, round(image.height * width / image.width))
            # reducing_gap shrinks by whole factors first: several times faster, no visible difference.
            resized = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
            buffer = io.BytesIO()
            resized.save(buffer, "WEBP", quality=80, method=6)
            name = storage.save(f"{base}/{stem}-{width}.webp", ContentFile(buffer.getvalue()))
            renditions.append({"width": width, "height": height, "name": name})
    except BaseException:
        delete_renditions(storage, renditions)  # no orphan files when one size fails
        raise
    return renditions


def delete_renditions(storage: Storage, renditions: list[Rendition]) -> None:
    for rendition in renditions:
        storage.delete(rendition["name"])


def srcset(renditions: list[Rendition], storage: Storage = default_storage) -> str:
    """The `srcset` attribute: "url 480w, url 960w"; storage URLs are quoted, so no comma breaks it."""
    return ", ".join(f"{storage.url(r['name'])} {r['width']}w" for r in renditions)


def fallback(renditions: list[Rendition]) -> Rendition | None:
    """The rendition for `src`, `width` and `height`: the middle one, or the larger of two."""
    return renditions[len(renditions) // 2] if renditions else None
