"""The door QR code of a badge, made by the process that renders the badge.

A badge's <img> names its code `qrcode:` and the check-in URL, percent-encoded (`qr_url`); the fetcher
(fetcher.py) makes the PNG when WeasyPrint asks for it. So the codes of 500 badges are made by the processes
that render them side by side (pdf.py), not one after another before they start: a code takes some 3 ms.
Nothing here needs Django.

The PNG has one pixel per module, printed without smoothing (`image-rendering: pixelated`): it prints as sharp
as a vector drawing, and WeasyPrint draws 500 of them some 2 seconds faster than SVG paths.
"""

import io
from urllib.parse import quote, unquote

import segno

SCHEME = "qrcode"

# Every code on a sheet of badges takes the same of the eight QR masks: choosing the best for each code cost
# 3.8 ms a code, a fifth of the time 500 badges take, and every reader reads any mask (the door's scanner
# reads the badges' codes in tests/browser/test_badge_codes.py).
QR_MASK = 2


def qr_url(data: str) -> str:
    """What a badge's <img> names to get the code holding `data`."""
    return f"{SCHEME}:{quote(data, safe='')}"


def qr_png(url: str) -> bytes:
    """The code a `qr_url` names, as a PNG of one pixel per module with its four-module quiet zone."""
    png = io.BytesIO()
    code = segno.make(unquote(url.removeprefix(f"{SCHEME}:")), error="m", mask=QR_MASK, micro=False)
    code.save(png, kind="png", scale=1, border=4)
    return png.getvalue()
