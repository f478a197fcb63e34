"""What WeasyPrint may load while it renders a document: the project's fonts, data: URIs, and the badges' QR
codes, which it makes (codes.py).

Our templates refer to nothing else; refusing everything else means a URL that ever slipped into a template
(or into a name or an organisation, were escaping ever lost) could neither reach the network nor read a
file of the server into a PDF.

The font folder is given, not looked up, so that a process that only renders (pdf.py's side by side) needs
WeasyPrint and nothing of Django."""

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from . import codes
from .engine import URLFetcher, URLFetcherResponse


class ProjectFontsOnly(URLFetcher):
    def __init__(self, font_folder: Path, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.font_folder = Path(font_folder).resolve()

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == codes.SCHEME:
            return URLFetcherResponse(url, codes.qr_png(url), {"Content-Type": "image/png"})
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if path.parent == self.font_folder and path.suffix == ".ttf":
                return super().fetch(url, headers)
        raise ValueError(f"A printed document loads only the project's fonts, not {url}")
