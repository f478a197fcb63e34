"""Uploaded images: refused by content, stored without metadata, served as WebP renditions."""

import io
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image, ImageCms, ImageFile

from events import images
from events.models import Partner, Photo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_URL = "/media/"
    return tmp_path


@pytest.fixture(autouse=True)
def english():
    """The messages are checked as written; their translations live in the catalogues."""
    with translation.override("en"):
        yield


def image_bytes(fmt: str, size=(64, 48), mode="RGB", color="teal", **options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, fmt, **options)
    return buffer.getvalue()


def upload(data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def refusal(file) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        images.validate_image_upload(file)
    assert file.tell() == 0, "the upload is rewound even when refused"
    return caught.value


@pytest.mark.parametrize(("fmt", "mode"), [("JPEG", "RGB"), ("PNG", "RGBA"), ("PNG", "P"), ("WEBP", "RGB")])
def test_accepts_jpeg_png_webp(fmt, mode):
    file = upload(image_bytes(fmt, mode=mode), name=f"photo.{fmt.lower()}")
    file.read(10)

    images.validate_image_upload(file)

    assert file.tell() == 0


@pytest.mark.parametrize(
    "content",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'\xef\xbb\xbf\n  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
        b'<!-- made by hand -->\n<!DOCTYPE svg>\n<SVG xmlns="http://www.w3.org/2000/svg"/>',
    ],
)
def test_refuses_svg_even_named_jpg(content):
    error = refusal(upload(content, name="holiday.jpg"))

    assert error.code == "svg"
    assert error.messages == ["SVG images are not accepted. Please upload a JPEG, PNG or WebP image."]


def test_refuses_non_image():
    error = refusal(upload(b"%PDF-1.7\n" + b"x" * 2000, name="photo.png", content_type="image/png"))

    assert error.code == "not_an_image"
    assert error.messages == ["The file is not an image. Please upload a JPEG, PNG or WebP image."]


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF"])
def test_refuses_images_in_other_formats(fmt):
    error = refusal(upload(image_bytes(fmt), name=f"photo.{fmt.lower()}"))

    assert error.code == "unsupported_format"
    assert error.messages == [f"{fmt} images are not accepted. Please upload a JPEG, PNG or WebP image."]


def test_refuses_file_over_10_mb():
    file = upload(b"\xff\xd8\xff" + b"\0" * (images.MAX_IMAGE_BYTES - 2))
    assert file.size == 10 * 1024 * 1024 + 1

    error = refusal(file)

    assert error.code == "file_too_large"
    assert error.messages == ["The image is larger than 10 MB. Please upload a smaller file."]


def test_accepts_file_of_exactly_10_mb_as_far_as_size_goes():
    error = refusal(upload(b"x" * images.MAX_IMAGE_BYTES))

    assert error.code == "not_an_image"


def forbid_decoding(monkeypatch):
    def load(self):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    monkeypatch.setattr(Image.Image, "load", load)


# "error" is how the test settings treat RuntimeWarning; "ignore" stands for production, where the warning is only
# logged and our own limit must refuse the image.
@pytest.mark.parametrize(
    ("pillow_warning", "message"),
    [
        ("error", "The image has more than 89 megapixels; at most 40 are accepted."),
        ("ignore", "The image has 100.0 megapixels; at most 40 are accepted."),
    ],
)
def test_refuses_100_megapixel_png_without_decoding_it(monkeypatch, pillow_warning, message):
    bomb = image_bytes("PNG", size=(10_000, 10_000), mode="1", color=0)
    assert len(bomb) < 20_000
    forbid_decoding(monkeypatch)

    with warnings.catch_warnings():
        warnings.simplefilter(pillow_warning, Image.DecompressionBombWarning)
        error = refusal(upload(bomb, name="bomb.png", content_type="image/png"))

    assert error.code == "too_many_pixels"
    assert error.messages == [message]


def test_refuses_41_megapixel_png_below_pillows_own_limit(monkeypatch):
    big = upload(image_bytes("PNG", size=(8_000, 5_125), mode="1", color=0), name="big.png")
    forbid_decoding(monkeypatch)

    error = refusal(big)

    assert error.messages == ["The image has 41.0 megapixels; at most 40 are accepted."]
    with translation.override("cs"):
        assert "41,0" in refusal(big).messages[0], "the number is written the reader's way"


def test_accepts_a_jpeg_of_exactly_40_megapixels():
    images.validate_image_upload(upload(image_bytes("JPEG", size=(8_000, 5_000), color="white"), name="a.jpg"))


def test_a_png_is_decoded_whole_so_it_may_have_16_megapixels_and_the_editor_is_told_why(monkeypatch):
    images.validate_image_upload(upload(image_bytes("WEBP", size=(3_000, 2_000)), name="a.webp"))
    assert (
        refusal(upload(image_bytes("WEBP", size=(3_000, 2_001)), name="b.webp"))
        .messages[0]
        .startswith("This WebP image has 6.1 megapixels. WebP images are loaded whole")
    )
    """A 130 KB PNG just under 40 megapixels took a worker to some 700 MB."""
    images.validate_image_upload(upload(image_bytes("PNG", size=(4_000, 4_000), mode="1", color=0), name="a.png"))
    big = upload(image_bytes("PNG", size=(7_999, 5_000), mode="1", color=0), name="plan.png")
    forbid_decoding(monkeypatch)

    error = refusal(big)

    assert error.code == "too_many_pixels_to_decode"
    assert error.messages == [
        "This PNG image has 40.0 megapixels. PNG images are loaded whole into the server's memory, so they may "
        "have at most 16 megapixels (a JPEG up to 40). Please make the image smaller or save it as a JPEG."
    ]


def test_a_large_jpeg_is_stored_small_and_never_decoded_in_full(monkeypatch):
    photo = upload(image_bytes("JPEG", size=(8_000, 5_000), color="white"), name="photo.jpg")
    sizes = []
    real_load = ImageFile.ImageFile.load

    def load(self):
        sizes.append(self.size)
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)

    stored = images.clean_image(photo)

    assert all(width * height < 8_000 * 5_000 // 4 for width, height in sizes), sizes
    assert Image.open(stored).size == (2000, 1250)  # decoded at 1/4 (reaching 1,600), stored as decoded


def test_the_largest_accepted_images_stay_within_the_memory_budget(tmp_path):
    """A worker decodes, cleans and renders each in a fresh process: its peak memory stays small."""
    files = {
        "photo.jpg": image_bytes("JPEG", size=(8_000, 5_000), color="white"),
        "plan.png": image_bytes("PNG", size=(4_000, 4_000), mode="1", color=0),
        "logo.webp": image_bytes("WEBP", size=(3_000, 2_000), mode="RGBA", color=(0, 0, 0, 0)),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    script = f"""
import os, re, sys
sys.path.insert(0, {str(ROOT)!r})
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
import django
django.setup()
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from events import images
from events.models import Photo
settings.MEDIA_ROOT = {str(tmp_path / "media")!r}
def peak():  # this process's own high-water mark (ru_maxrss would include the parent's, from before exec)
    return int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
before = peak()
for name in {sorted(files)!r}:
    upload = SimpleUploadedFile(name, open(os.path.join({str(tmp_path)!r}, name), "rb").read())
    images.validate_image_upload(upload)
    photo = Photo()
    photo.image.save(name, images.clean_image(upload), save=False)
    images.make_renditions(photo.image)
print(before, peak())
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    before, after = (int(kb) // 1024 for kb in result.stdout.split())
    # Each of these took some 600 MB before images were decoded within a budget (a 40-megapixel PNG too).
    assert after - before < 200, f"{after - before} MB above the {before} MB of a bare worker"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_refuses_truncated_image(fmt):
    noise = io.BytesIO()
    Image.effect_noise((300, 200), 60).convert("RGB").save(noise, fmt)
    truncated = noise.getvalue()[: len(noise.getvalue()) * 2 // 3]

    error = refusal(upload(truncated, name=f"photo.{fmt.lower()}"))

    assert error.code == "damaged"
    assert error.messages == ["The image file is damaged."]


def test_clean_image_removes_gps_exif_and_keeps_orientation():
    picture = Image.new("RGB", (60, 30), "blue")
    picture.paste((255, 0, 0), (0, 0, 30, 30))  # left half red
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # "turn 90° clockwise to show"
    exif[ExifTags.Base.Make] = "SecretCam"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (49.0, 11.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (16.0, 36.0, 0.0),
    }
    original = io.BytesIO()
    picture.save(original, "JPEG", exif=exif, xmp=b"<x:xmpmeta>secret-xmp</x:xmpmeta>", comment=b"secret-comment")
    assert Image.open(io.BytesIO(original.getvalue())).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    cleaned = images.clean_image(upload(original.getvalue(), name="IMG 0001 (Brno).JPG"))

    data = cleaned.read()
    result = Image.open(io.BytesIO(data))
    assert result.format == "JPEG"
    assert cleaned.name == "img-0001-brno.jpg"
    assert not result.getexif()
    assert not result.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert {"exif", "xmp", "comment", "icc_profile"}.isdisjoint(result.info)
    for secret in (b"Exif", b"SecretCam", b"secret-xmp", b"secret-comment"):
        assert secret not in data
    assert result.size == (30, 60)  # upright: portrait
    top, bottom = result.getpixel((15, 5)), result.getpixel((15, 55))
    assert top[0] > 200, "the red left half is on top after turning clockwise"
    assert top[2] < 60, "the red left half is on top after turning clockwise"
    assert bottom[2] > 200
    assert bottom[0] < 60


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_clean_image_keeps_transparency_and_format(fmt):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SecretCam"
    data = image_bytes(fmt, mode="RGBA", color=(10, 20, 30, 0), exif=exif)
    assert Image.open(io.BytesIO(data)).getexif()

    cleaned = images.clean_image(upload(data, name="logo.jpg"))

    result = Image.open(cleaned)
    assert result.format == fmt
    assert result.mode == "RGBA"
    assert result.getpixel((0, 0))[3] == 0
    assert not result.getexif()
    assert cleaned.name == f"logo.{fmt.lower()}", "the extension follows the content, not the upload's name"


def test_clean_image_turns_palette_png_into_rgb_and_names_nameless_files_image():
    cleaned = images.clean_image(upload(image_bytes("PNG", mode="P", color=3), name="../../¿?.png"))

    assert Image.open(cleaned).mode == "RGB"
    assert cleaned.name == "image.png"


def test_clean_image_converts_colour_profile_instead_of_keeping_it():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = image_bytes("JPEG", color=(200, 100, 50), icc_profile=srgb)

    result = Image.open(images.clean_image(upload(data)))

    assert "icc_profile" not in result.info
    assert all(abs(a - b) <= 4 for a, b in zip(result.getpixel((5, 5)), (200, 100, 50), strict=True))


def stored(fmt: str, size: tuple[int, int], name: str = "photos/team.jpg") -> str:
    return default_storage.save(name, ContentFile(image_bytes(fmt, size=size)))


def test_renditions_are_webp_with_known_sizes_and_never_upscaled(media):
    photo = Photo(image=stored("JPEG", (2000, 1000)))
    small = Photo(image=stored("PNG", (300, 200), name="photos/small.png"))
    medium = Photo(image=stored("JPEG", (1000, 501), name="photos/medium.jpg"))

    renditions = images.make_renditions(photo.image)
    assert [(r["width"], r["height"]) for r in renditions] == [(480, 240), (960, 480), (1600, 800)]
    assert [r["name"] for r in renditions] == [f"photos/renditions/team-{w}.webp" for w in (480, 960, 1600)]
    for rendition in renditions:
        with Image.open(media / rendition["name"]) as webp:
            assert webp.format == "WEBP"
            assert webp.size == (rendition["width"], rendition["height"])

    assert [(r["width"], r["height"]) for r in images.make_renditions(small.image)] == [(300, 200)]
    assert [(r["width"], r["height"]) for r in images.make_renditions(medium.image)] == [(480, 240), (960, 481)]


def test_logo_renditions_keep_transparency():
    logo = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    logo.paste((200, 0, 0, 255), (100, 50, 300, 150))
    buffer = io.BytesIO()
    logo.save(buffer, "PNG")
    partner = Partner(logo=default_storage.save("partners/logo.png", ContentFile(buffer.getvalue())))

    renditions = images.make_renditions(partner.logo, widths=(320, 160))

    assert [r["width"] for r in renditions] == [160, 320]
    with default_storage.open(renditions[0]["name"]) as file, Image.open(file) as webp:
        assert webp.mode == "RGBA"


def test_renditions_made_twice_get_unique_names_and_can_be_deleted(media):
    photo = Photo(image=stored("JPEG", (1000, 500)))
    first = images.make_renditions(photo.image)
    second = images.make_renditions(photo.image)

    assert {r["name"] for r in first}.isdisjoint(r["name"] for r in second)

    images.delete_renditions(default_storage, first)

    assert not any(default_storage.exists(r["name"]) for r in first)
    assert all(default_storage.exists(r["name"]) for r in second)


def test_srcset_and_fallback_for_templates():
    renditions = [
        {"width": 480, "height": 240, "name": "photos/renditions/a b-480.webp"},
        {"width": 960, "height": 480, "name": "photos/renditions/a b-960.webp"},
        {"width": 1600, "height": 800, "name": "photos/renditions/a,b-1600.webp"},
    ]

    assert images.srcset(renditions) == (
        "/media/photos/renditions/a%20b-480.webp 480w, "
        "/media/photos/renditions/a%20b-960.webp 960w, "
        "/media/photos/renditions/a%2Cb-1600.webp 1600w"
    )
    assert images.fallback(renditions) == renditions[1]
    assert images.fallback(renditions[:2]) == renditions[1]
    assert images.fallback(renditions[:1]) == renditions[0]
    assert images.fallback([]) is None
    assert images.srcset([]) == ""
