"""The badges' door codes are read by the door's own scanner: each code of a sheet of badges decoded by the
vendored jsQR in Chromium, drawn as a phone's camera would see it, bigger and unsmoothed."""

import base64
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from registrations.printing.codes import qr_png, qr_url

pytestmark = pytest.mark.browser

JSQR = Path(settings.BASE_DIR) / "static" / "vendor" / "jsqr" / "jsQR.js"
DECODE = """async (codes) => {
  const canvas = document.createElement("canvas");
  const drawing = canvas.getContext("2d", {willReadFrequently: true});
  const read = [];
  for (const code of codes) {
    const image = new Image();
    image.src = code;
    await image.decode();
    canvas.width = image.width * 8;
    canvas.height = image.height * 8;
    drawing.imageSmoothingEnabled = false;
    drawing.drawImage(image, 0, 0, canvas.width, canvas.height);
    const pixels = drawing.getImageData(0, 0, canvas.width, canvas.height);
    const found = jsQR(pixels.data, pixels.width, pixels.height);
    read.push(found ? found.data : null);
  }
  return read;
}"""


def test_every_badges_door_code_is_read_by_the_door_scanner(new_page):
    urls = []
    for number, language in zip(range(60), ["cs", "sk", "pl", "hu", "en"] * 12, strict=True):
        with translation.override(language):
            path = reverse("registrations:checkin_card", kwargs={"code": f"{number * 7919:032x}"})
        urls.append(f"https://v4.smocr.cz{path}")
    page = new_page()
    page.set_content("<!doctype html><title>codes</title>")
    page.add_script_tag(content=JSQR.read_text())
    printed = [f"data:image/png;base64,{base64.b64encode(qr_png(qr_url(url))).decode()}" for url in urls]
    assert page.evaluate(DECODE, printed) == urls
