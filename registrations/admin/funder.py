"""The report for the funder (the International Visegrad Fund): who actually took part, per event, day and
country, split into the hosting country and those who travelled, with the totals of the whole project.

Counts come from the door's check-ins, and for events the site did not record (the workshops before it)
from figures organisers enter by hand with their source (ReportedAttendance). Counts survive
anonymisation: it blanks names, not countries or check-ins. Downloads: the participants of an event
(name, organisation, position, country, days attended) and its attendance sheets as one PDF."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.admin import ModelAdmin
from django.db.models import Count, Max, Min
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _text
from django.utils.translation import gettext_lazy as _

from events.models import Event
from v4project.headers import make_private

from .. import exports
from ..collation import by_surname
from ..models import Part, PortalAccessLog, RegistrantCountry, Registration, ReportedAttendance, Seat
from ..printing import attendance, sources
from ..services import staff as staff_services
from .reports import EXPORT_PERMISSION, VIEW_PERMISSION, _require

COUNTRIES = [code for code, _label in RegistrantCountry.choices]


@dataclass
class Figures:
    """People per country; `hosting` and `travelling` split them by the event's own country."""

    countries: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTRIES, 0))
    hosting: int = 0
    travelling: int = 0

    @property
    def total(self) -> int:
        return self.hosting + self.travelling

    def add(self, country: str, count: int, host_country: str) -> None:
        self.countries[country] = self.countries.get(country, 0) + count
        if country == host_country:
            self.hosting += count
        else:
            self.travelling += count

    def include(self, other: "Figures") -> None:
        """Add another table's people, already split by their own event's host country."""
        for country, count in other.countries.items():
            self.countries[country] = self.countries.get(country, 0) + count
        self.hosting += other.hosting
        self.travelling += other.travelling

    def cells(self) -> list[int]:
        return [self.countries.get(code, 0) for code in COUNTRIES]


@dataclass
class Day:
    date: datetime.date
    figures: Figures
    by_hand: bool = False
    sources: list[str] = field(default_factory=list)


@dataclass
class EventReport:
    event: Event
    days: list[Day]
    people: Figures  # each person once, however many days they came
    person_days: Figures
    anonymised: bool
    checked_in: int  # people checked in on the site: the downloads list them


def funder_report() -> dict:
    """Every event of the project that had participants, in the project's order, and the totals."""
    host = {event.pk: event.country for event in Event.objects.all()}
    days: dict[int, dict[datetime.date, Day]] = defaultdict(dict)
    people: dict[int, Figures] = defaultdict(Figures)
    checked_in: dict[int, int] = defaultdict(int)
    attended = Seat.objects.filter(checked_in_at__isnull=False)
    for row in attended.values("part__event_id", "part__date", "registration__country").annotate(
        count=Count("registration_id", distinct=True)
    ):
        event_id = row["part__event_id"]
        day = days[event_id].setdefault(row["part__date"], Day(row["part__date"], Figures()))
        day.figures.add(row["registration__country"], row["count"], host[event_id])
    for row in attended.values("part__event_id", "registration__country").annotate(
        count=Count("registration_id", distinct=True)
    ):
        people[row["part__event_id"]].add(row["registration__country"], row["count"], host[row["part__event_id"]])
        checked_in[row["part__event_id"]] += row["count"]
    # Figures entered by hand: a day's figure counts each person once that day; over several days the
    # event's people are the largest day's figure per country (no one is counted twice, some may be missed).
    largest: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for figure in ReportedAttendance.objects.order_by("event_id", "date", "country"):
        day = days[figure.event_id].setdefault(figure.date, Day(figure.date, Figures()))
        day.figures.add(figure.country, figure.participants, host[figure.event_id])
        day.by_hand = True
        if figure.source not in day.sources:
            day.sources.append(figure.source)
        largest[figure.event_id][figure.country] = max(largest[figure.event_id][figure.country], figure.participants)
    for event_id, countries in largest.items():
        for country, count in countries.items():
            people[event_id].add(country, count, host[event_id])
    anonymised = {
        row["event_id"]
        for row in Registration.objects.values("event_id").annotate(
            first=Min("anonymised_at"), last=Max("anonymised_at")
        )
        if row["first"] is not None
    }
    reports, total_people, total_days = [], Figures(), Figures()
    for event in Event.objects.filter(pk__in=days.keys()).select_related("host").order_by("order", "start_date"):
        event_days = [days[event.pk][date] for date in sorted(days[event.pk])]
        person_days = Figures()
        for day in event_days:
            person_days.include(day.figures)
        total_people.include(people[event.pk])
        total_days.include(person_days)
        reports.append(
            EventReport(event, event_days, people[event.pk], person_days, event.pk in anonymised, checked_in[event.pk])
        )
    return {"events": reports, "total_people": total_people, "total_days": total_days}


def report(request: HttpRequest, *, model_admin: ModelAdmin) -> HttpResponse:
    _require(request, VIEW_PERMISSION)
    context = {
        **model_admin.admin_site.each_context(request),
        **funder_report(),
        "opts": model_admin.opts,
        "countries": [label for _code, label in RegistrantCountry.choices],
        "title": _("Report for the funder"),
        "can_export": request.user.has_perm(EXPORT_PERMISSION),
    }
    return TemplateResponse(request, "admin/registrations/funder_report.html", context)


def _attendees(event: Event, language: str):
    attended = Seat.objects.filter(part__event=event, checked_in_at__isnull=False)
    registrations = Registration.objects.filter(pk__in=attended.values("registration_id"))
    days = defaultdict(list)
    for registration_id, date in attended.order_by("part__date").values_list("registration_id", "part__date"):
        if date not in days[registration_id]:
            days[registration_id].append(date)
    return by_surname(registrations, language), days


def participants(request: HttpRequest, event_id: int, file_format: str, *, model_admin: ModelAdmin) -> HttpResponse:
    """Who took part (checked in at least once), by surname: the list the funder asks for."""
    _require(request, EXPORT_PERMISSION)
    if file_format not in {"csv", "xlsx"}:
        raise Http404
    event = get_object_or_404(Event, pk=event_id)
    language = get_language()
    registrations, days = _attendees(event, language)
    countries = dict(RegistrantCountry.choices)
    header = [
        _text("Name"),
        _text("Organisation"),
        _text("Position"),
        _text("Country"),
        _text("Days attended"),
    ]
    data = [
        [
            registration.full_name(language),
            registration.organisation,
            registration.position,
            str(countries.get(registration.country, registration.country)),
            ", ".join(formats.date_format(date, "SHORT_DATE_FORMAT") for date in days[registration.pk]),
        ]
        for registration in registrations
    ]
    action = PortalAccessLog.Action.EXPORT_XLSX if file_format == "xlsx" else PortalAccessLog.Action.EXPORT_CSV
    staff_services.access_log(
        user=request.user, action=action, event=event, detail={"report": "funder"}, rows=len(data)
    )
    filename = f"{slugify(event.slug)}-{slugify(_text('participants'))}"
    if file_format == "xlsx":
        return exports.xlsx_response(filename=filename, header_row=header, data=data)
    return exports.csv_response(filename=filename, header_row=header, data=data)


def attendance_sheets(request: HttpRequest, event_id: int, *, model_admin: ModelAdmin) -> HttpResponse:
    """Every day's attendance sheet of the event, to sign, as one PDF."""
    _require(request, EXPORT_PERMISSION)
    event = get_object_or_404(Event, pk=event_id)
    parts = list(Part.objects.filter(event=event).select_related("event").order_by("date", "order", "pk"))
    if not parts:
        raise Http404
    sheets = [sources.attendance_sheet_for(part) for part in parts]
    staff_services.access_log(
        user=request.user,
        action=PortalAccessLog.Action.ATTENDANCE_SHEET,
        event=event,
        detail={"report": "funder", "language": get_language()},
        rows=sum(len(sheet.rows) for sheet in sheets),
    )
    pdf = attendance.attendance_sheets_pdf(sheets, language=get_language(), blank_rows=5)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(event.slug)}-attendance.pdf"'
    return make_private(response)
