"""WeasyPrint, imported through here only, so that importing it changes nothing else in the process.

Importing WeasyPrint sets Pillow's process-wide `ImageFile.LOAD_TRUNCATED_IMAGES` to True (so that WeasyPrint
does not fail on a damaged picture). In a worker that has printed one document, events/images.py would then
accept a truncated JPEG upload as whole. The documents hold no image but the QR codes we make, so the setting
goes back to Pillow's default at once; Python runs WeasyPrint's module once, so it stays there.
"""

from PIL import ImageFile
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

ImageFile.LOAD_TRUNCATED_IMAGES = False

__all__ = ["HTML", "URLFetcher", "URLFetcherResponse"]
