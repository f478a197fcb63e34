"""Documents to print: name badges, certificates of attendance and the signed attendance sheets, as PDF.

Each module takes plain data (small frozen dataclasses, documented where they are defined) and returns the
PDF's bytes; none reads the database or knows about requests, so a view, an admin action or a scheduled job
can call them alike. `sources.py` builds that data from registrations for the callers that have them.

    badges.badges_pdf(badges, layout=..., language=...)         name badges on A6, A4 or label sheets
    certificates.certificates_pdf(certificates)                 one page each, in the participant's language
    attendance.attendance_sheets_pdf(sheets, language=...)      one or more parts' sheets in one PDF

`pdf.py` renders a template of templates/registrations/printing/ with WeasyPrint (imported through
`engine.py` only), in the project's own font; `fetcher.py` lets it load nothing but that font.
The overview's charts are SVG, not PDF: registrations/charts.py.
"""
