"""Certificates of attendance: one A4 page per participant, in the participant's language.

Input: `Certificate` rows (below); every text in them is already in the participant's language (an event's
title, city and venue, the parts' names: read them with translation active in that language, as
`sources.certificate_for` does). Dates are written as events/dates.py writes them in that language.

    pdf_bytes = certificates_pdf([certificate])          # one participant, from the private page
    pdf_bytes = certificates_pdf(certificates)           # many, one page each, for organisers to print
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from events.dates import date_span

from .pdf import render_pdf
from .people import name_in_order


@dataclass(frozen=True)
class AttendedPart:
    name: str
    date: datetime.date


@dataclass(frozen=True)
class Certificate:
    language: str  # the participant's: the certificate's language and the order of the name
    first_name: str
    last_name: str
    event_title: str
    start_date: datetime.date
    end_date: datetime.date | None
    city: str
    parts: Sequence[AttendedPart]  # the parts the participant was checked in for
    issued_on: datetime.date
    organiser: str  # who issues it: the host association's name
    venue: str = ""
    organisation: str = ""


def _page(certificate: Certificate) -> str:
    with translation.override(certificate.language):
        date_format = formats.get_format("DATE_FORMAT")
        return render_to_string(
            "registrations/printing/certificate.html",
            {
                "certificate": certificate,
                "language": certificate.language,
                "name": name_in_order(certificate.first_name, certificate.last_name, certificate.language),
                "dates": date_span(certificate.start_date, certificate.end_date),
                "parts": [
                    {"name": part.name, "date": formats.date_format(part.date, date_format)}
                    for part in sorted(certificate.parts, key=lambda part: part.date)
                ],
                "issued_on": formats.date_format(certificate.issued_on, date_format),
                "project_title": gettext("Cross-border Cooperation for Partnership and Prosperity"),
            },
        )


def certificates_pdf(certificates: Sequence[Certificate]) -> bytes:
    """One page per certificate, each in its participant's language; the document's own language (its title,
    its metadata) is the first certificate's, which is all of it for one participant's download."""
    if not certificates:
        raise ValueError("No certificate to print.")
    # Each page is rendered in its own language first: one document may hold five languages.
    # Review note: each page is our template's output, every value in it escaped by the template engine.
    pages = [mark_safe(_page(certificate)) for certificate in certificates]  # noqa: S308
    with translation.override(certificates[0].language):
        return render_pdf("registrations/printing/certificates.html", {"pages": pages})
