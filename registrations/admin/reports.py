"""The organisers' reports in the admin: an event's overview (seats, countries, languages, catering,
accessibility), the printable attendance sheet of a day, and exports of the admin's list.

Every figure is one aggregate query; views take the ModelAdmin so they render inside the admin."""

from collections import defaultdict

from django.conf import settings
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Collate, TruncDate
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from events.models import Event
from v4project import clock
from v4project.headers import make_private

from .. import charts, exports, selectors
from ..collation import COLLATIONS, by_surname
from ..models import Part, PortalAccessLog, RegistrantCountry, Registration, Seat
from ..services import staff as staff_services

EXPORT_PERMISSION = "registrations.export_registration"
VIEW_PERMISSION = "registrations.view_registration"


def _counts(queryset: QuerySet, field: str, choices) -> list[dict]:
    labels = dict(choices)
    rows = queryset.values(field).annotate(count=Count("pk")).order_by("-count", field)
    return [{"code": row[field], "label": labels.get(row[field], row[field]), "count": row["count"]} for row in rows]


def _rows(counts: dict[str, int], labels: dict) -> list[dict]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"code": code, "label": labels.get(code, code), "count": count} for code, count in ordered]


def event_overview(event: Event) -> dict:
    """The numbers organisers need for one event: seats per part, who comes from where, catering, needs."""
    over_capacity = Q(seats__status=Seat.Status.CONFIRMED, seats__over_capacity=True)
    parts = selectors.with_country_seats(
        list(
            Part.objects.filter(event=event)
            .with_seat_counts()
            # Walk-ins seated at the door although the part was full: the staff member's decision, shown apart.
            .annotate(over_capacity_count=Count("seats", filter=over_capacity))
        )
    )
    active = Registration.objects.filter(event=event, status=Registration.Status.ACTIVE)
    confirmed_seats = Seat.objects.filter(
        part__event=event, status=Seat.Status.CONFIRMED, registration__status=Registration.Status.ACTIVE
    )
    # Who is coming: a confirmed seat; someone only on a waiting list is not (yet) coming.
    coming = active.filter(Exists(confirmed_seats.filter(registration=OuterRef("pk"))))
    country_labels, language_labels = dict(RegistrantCountry.choices), dict(settings.LANGUAGES)
    per_part = defaultdict(lambda: (defaultdict(int), defaultdict(int), defaultdict(int)))
    grouped = ("part_id", "registration__country", "registration__language", "registration__interpretation_language")
    for row in confirmed_seats.values(*grouped).annotate(count=Count("pk")):
        countries_of, languages_of, interpretation_of = per_part[row["part_id"]]
        countries_of[row["registration__country"]] += row["count"]
        languages_of[row["registration__language"]] += row["count"]
        interpretation_of[row["registration__interpretation_language"]] += row["count"]
    diets = defaultdict(dict)
    for row in confirmed_seats.values("part_id", "registration__diet").annotate(count=Count("pk")):
        diets[row["part_id"]][row["registration__diet"]] = row["count"]
    other_texts, other_people = defaultdict(list), defaultdict(list)
    other = confirmed_seats.filter(registration__diet=Registration.Diet.OTHER).order_by("registration__diet_other")
    language = get_language()
    fields = ("part_id", "registration__diet_other", "registration_id", "registration__first_name")
    for part_id, text, registration_id, first_name, last_name, organisation in other.values_list(
        *fields, "registration__last_name", "registration__organisation"
    ):
        other_texts[part_id].append(text or "–")
        # Whose they are: the kitchen asks, and the organisers call the person.
        name = f"{last_name} {first_name}" if language == "hu" else f"{first_name} {last_name}"
        other_people[part_id].append(
            {"text": text or "–", "name": name, "organisation": organisation, "pk": registration_id}
        )
    for part in parts:
        part.diet_rows = [
            {"label": label, "count": diets[part.pk].get(value, 0), "code": value}
            for value, label in Registration.Diet.choices
            if diets[part.pk].get(value)
        ]
        part.diet_other_texts = other_texts[part.pk]
        part.diet_other_people = other_people[part.pk]
        countries_of, languages_of, interpretation_of = per_part[part.pk]
        part.country_rows = _rows(countries_of, country_labels)
        part.language_rows = _rows(languages_of, language_labels)
        part.interpretation = {code: count for code, count in interpretation_of.items() if code}
        part.interpretation_unchosen = interpretation_of.get("", 0)
        part.diet_chart = charts.diet_chart(
            {row["code"]: row["count"] for row in part.diet_rows},
            chart_id=f"chart-diets-{part.pk}",
            title=gettext("“%(part)s”: dietary requirements") % {"part": part.name},
        )
    collation = COLLATIONS.get(get_language(), COLLATIONS["en"])
    needs = (
        Seat.objects.filter(part__event=event, registration__status=Registration.Status.ACTIVE)
        .exclude(status=Seat.Status.CANCELLED)
        .exclude(registration__accessibility_needs="")
        .select_related("registration", "part")
        .order_by("part__order", "part__date", "part_id", Collate("registration__last_name", collation), "pk")
    )
    figures = {
        "parts": parts,
        "reserved_parts": [part for part in parts if part.country_seats],
        "registration_counts": active.aggregate(
            active=Count("pk", distinct=True),
            with_seat=Count("pk", filter=Q(seats__status=Seat.Status.CONFIRMED), distinct=True),
        ),
        "pending": Registration.objects.filter(event=event, status=Registration.Status.PENDING).count(),
        "countries": _counts(coming, "country", RegistrantCountry.choices),
        "languages": _counts(coming, "language", settings.LANGUAGES),
        "needs": list(needs),
    }
    return {**figures, "charts": overview_charts(event, figures, per_part, active)}


def registrations_per_day(event: Event, active: QuerySet[Registration]) -> charts.Chart:
    """Active registrations in total on each day since registration opened, until today or its closing; one
    query. A registration made after the last day shown (the demo's clock runs behind) counts on that day."""
    days = active.annotate(day=TruncDate("created", tzinfo=timezone.get_current_timezone())).order_by()
    daily = dict(days.values("day").annotate(count=Count("pk")).values_list("day", "count"))
    ends_at = event.registration_ends_at
    end = clock.today() if ends_at is None else min(clock.today(), timezone.localdate(ends_at))
    if event.registration_opens is not None:
        start = timezone.localdate(event.registration_opens)
    else:
        start = min(daily, default=end)
    end = max(end, start) if daily else end
    clamped = defaultdict(int)
    for day, count in daily.items():
        clamped[min(day, end)] += count
    return charts.cumulative_chart(clamped, start=start, end=end)


def overview_charts(event: Event, figures: dict, per_part: dict, active: QuerySet[Registration]) -> dict:
    """The overview's pictures, each with its numbers as a table (registrations/charts.py), in the reader's
    language: one more query (registrations per day); the rest is drawn from the figures already counted."""
    parts = figures["parts"]
    seats = [charts.PartSeats(part.name, part.capacity, part.confirmed_count, part.waitlisted_count) for part in parts]
    # Where seats are reserved per country: the confirmed seats of those parts split by country.
    by_country = [
        charts.PartSeats(
            part.name,
            part.capacity,
            sum(per_part[part.pk][0].values()),
            part.waitlisted_count,
            confirmed_by_country=dict(per_part[part.pk][0]),
        )
        for part in figures["reserved_parts"]
    ]
    needs = defaultdict(int)
    for seat in figures["needs"]:
        needs[seat.part_id] += 1
    return {
        "registrations": registrations_per_day(event, active),
        "seats": charts.seats_chart(seats),
        "seats_by_country": charts.seats_chart(
            by_country,
            chart_id="chart-seats-by-country",
            title=gettext("Confirmed seats per country where seats are reserved"),
        )
        if by_country
        else None,
        "countries": charts.country_chart(
            {row["code"]: row["count"] for row in figures["countries"]},
            title=gettext("Coming (with a confirmed seat) per country"),
        ),
        "languages": charts.language_chart(
            {row["code"]: row["count"] for row in figures["languages"]},
            title=gettext("Coming (with a confirmed seat) per language"),
        ),
        "interpretation": charts.interpretation_chart([(_part_label(part), part.interpretation) for part in parts]),
        "needs": charts.bar_chart(
            [(_part_label(part), needs[part.pk]) for part in parts],
            title=gettext("Accessibility needs per part of the programme (the waiting list included)"),
            heading=gettext("Part of the programme"),
            chart_id="chart-needs",
        ),
    }


def _part_label(part: Part) -> str:
    """The part and its day, as the interpreters and the caterers book by day: "Seminar (21 June 2023)"."""
    return f"{part.name} ({formats.date_format(part.date, 'DATE_FORMAT')})"


def attendance_registrations(part: Part, language: str) -> QuerySet[Registration]:
    """Who holds a confirmed seat on this part, by surname in the reader's language."""
    confirmed = Seat.objects.filter(part=part, status=Seat.Status.CONFIRMED).values("registration_id")
    return by_surname(Registration.objects.filter(pk__in=confirmed, status=Registration.Status.ACTIVE), language)


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def overview_index(request: HttpRequest, *, model_admin: ModelAdmin) -> HttpResponse:
    _require(request, VIEW_PERMISSION)
    events = Event.objects.filter(parts__isnull=False).distinct().order_by("-start_date")
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.opts, "events": events}
    context["title"] = _("Overview of registrations")
    return TemplateResponse(request, "admin/registrations/overview_index.html", context)


def overview(request: HttpRequest, event_id: int, *, model_admin: ModelAdmin) -> HttpResponse:
    _require(request, VIEW_PERMISSION)
    event = get_object_or_404(Event, pk=event_id)
    context = {
        **model_admin.admin_site.each_context(request),
        **event_overview(event),
        "opts": model_admin.opts,
        "event": event,
        "title": _("Overview: %(event)s") % {"event": event.title},
        "can_export": request.user.has_perm(EXPORT_PERMISSION),
    }
    return TemplateResponse(request, "admin/registrations/overview.html", context)


def attendance_sheet(request: HttpRequest, part_id: int, *, model_admin: ModelAdmin) -> HttpResponse:
    """A day's attendance sheet for the grant report: print it from the browser (A4, header on each page)."""
    _require(request, EXPORT_PERMISSION)
    part = get_object_or_404(Part.objects.select_related("event"), pk=part_id)
    language = get_language()
    registrations = list(attendance_registrations(part, language))
    staff_services.access_log(
        user=request.user,
        action=PortalAccessLog.Action.ATTENDANCE_SHEET,
        event=part.event,
        detail={"part": part.pk, "language": language},
        rows=len(registrations),
    )
    rows = [{"name": r.full_name(language), "registration": r} for r in registrations]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "part": part,
        "event": part.event,
        "rows": rows,
        "title": _("Attendance sheet"),
    }
    return make_private(TemplateResponse(request, "admin/registrations/attendance_sheet.html", context))


def export_response(
    request: HttpRequest,
    *,
    registrations: QuerySet[Registration],
    file_format: str,
    detail: dict,
    part: Part | None = None,
) -> HttpResponse:
    """CSV or XLSX of exactly these registrations, by surname in the reader's language; logged."""
    _require(request, EXPORT_PERMISSION)
    # Only the rows' keys come from the admin's query; exports sorts and prefetches on its own.
    chosen = Registration.objects.filter(pk__in=registrations.values("pk"))
    count = chosen.count()
    event_ids = list(chosen.order_by().values_list("event_id", flat=True).distinct()[:2])
    language = get_language()
    staff_services.access_log(
        user=request.user,
        action=PortalAccessLog.Action.ADMIN_EXPORT,
        event=Event.objects.filter(pk=event_ids[0]).first() if len(event_ids) == 1 else None,
        detail={**detail, "format": file_format, "language": language},
        rows=count,
    )
    columns = exports.FULL_COLUMNS
    event = Event.objects.filter(pk=event_ids[0]).first() if len(event_ids) == 1 else None
    filename = exports.export_filename(event=event, part=part, what="registrations")
    header_row = exports.header(columns)
    if file_format == "xlsx":
        data = exports.rows(chosen, language=language, columns=columns, typed=True)
        return exports.xlsx_response(
            filename=filename, header_row=header_row, data=data, widths=exports.widths(columns)
        )
    data = exports.rows(chosen, language=language, columns=columns)
    return exports.csv_response(
        filename=filename, header_row=header_row, data=data, for_excel=file_format == "csv-excel"
    )
