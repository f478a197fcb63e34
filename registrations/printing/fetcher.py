"""What WeasyPrint may load while it renders a document: data: URIs (the QR codes) and the project's fonts.

Our templates refer to nothing else; refusing everything else means a URL that ever slipped into a template
(or into a name or an organisation, were escaping ever lost) could neither reach the network nor read a
file of the server into a PDF."""

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .engine import URLFetcher
from .pdf import font_folder


class ProjectFontsOnly(URLFetcher):
    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if path.parent == font_folder() and path.suffix == ".ttf":
                return super().fetch(url, headers)
        raise ValueError(f"A printed document loads only the project's fonts, not {url}")
