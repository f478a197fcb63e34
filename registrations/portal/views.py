"""The partner associations' portal: login, the events, each event's participant list and its exports.

Who sees what is decided in `selectors.py`. A logged-in user who may not use the portal at all (an
editor, say) gets a 403 page that says so: the portal's existence is no secret, and telling the user
which account they are in helps more than a 404. Anything outside a portal user's visibility (an
unpublished event, a part of another event) is a 404, the same page as for something that does not exist.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from .. import exports, selectors
from ..http import staff_page
from ..models import PortalAccessLog, RegistrantCountry, Registration
from ..services.staff import access_log
from .forms import ParticipantFilterForm
from .selectors import (
    PortalVisibility,
    counts_by_country,
    filter_registrations,
    open_invitations_count,
    own_country_first,
    partner_totals,
    parts_with_everyones_counts,
    portal_event,
    portal_events,
    portal_parts,
    portal_registrations,
    portal_visibility,
)

PER_PAGE = 100


def visibility_of(user) -> PortalVisibility | None:
    return portal_visibility(user=user)


# Signed-in partners and organisers; the view is called with the user's `visibility`.
portal_page = staff_page(
    visibility_of, forbidden_template="registrations/portal/forbidden.html", as_argument="visibility"
)


@dataclass(frozen=True)
class ParticipantRow:
    registration: Registration
    name: str  # in the reader's order (Hungarian: family name first)
    full: bool  # all details, or only name, organisation, country and parts


def participants_context(
    request: HttpRequest, *, slug: str, visibility: PortalVisibility, with_counts: bool = True
) -> dict:
    """The event, the filter form, the parts (with their counts, which the list page shows and an export
    does not need) and the filtered registrations (not yet sorted)."""
    event = portal_event(slug=slug)
    if event is None:
        raise Http404("No such event in the portal.")
    visible = portal_registrations(event=event, visibility=visibility)
    countries = None
    if not with_counts:
        parts = portal_parts(event=event)
    elif visibility.all_countries:
        parts = parts_with_everyones_counts(event=event)
    else:
        # A partner's totals say whose they are: its own country, what it sees, and everyone (numbers only).
        parts, countries = partner_totals(event=event, visibility=visibility)
    form = ParticipantFilterForm(request.GET or None, parts=parts)
    filters = form.filters()
    shown = filter_registrations(
        registrations=visible,
        part_id=filters.get("part"),
        seat_status=filters.get("status", ""),
        country=filters.get("country", ""),
        search=filters.get("q", ""),
    )
    return {
        "event": event,
        "visible": visible,
        "parts": parts,
        "countries": countries,
        "form": form,
        "filters": filters,
        "shown": shown,
    }


@require_GET
@portal_page
def home(request: HttpRequest, *, visibility: PortalVisibility) -> HttpResponse:
    context = {"events": portal_events(), "visibility": visibility, "country": country_label(visibility)}
    return render(request, "registrations/portal/home.html", context)


@require_GET
@portal_page
def participants(request: HttpRequest, slug: str, *, visibility: PortalVisibility) -> HttpResponse:
    context = participants_context(request, slug=slug, visibility=visibility)
    language = translation.get_language()
    registrations = own_country_first(exports.export_queryset(context["shown"], language), country=visibility.country)
    page = Paginator(registrations, PER_PAGE).get_page(request.GET.get("page"))
    context["page"] = page
    context["rows"] = [
        ParticipantRow(registration=r, name=r.full_name(language), full=visibility.sees_in_full(r)) for r in page
    ]
    if visibility.all_countries:
        context["countries"] = counts_by_country(visible=context["visible"])
    else:
        context["part_totals"] = True
        partner = visibility.partner
        context["open_invitations"] = open_invitations_count(event=context["event"], partner=partner)
        context["partner"] = partner
    # Free seats per country count everyone's seats (numbers only, no one's data).
    selectors.with_country_seats(context["parts"])
    context["visibility"] = visibility
    context["country"] = country_label(visibility)
    access_log(
        user=request.user,
        action=PortalAccessLog.Action.LIST,
        event=context["event"],
        detail={**context["filters"], "page": page.number},
        rows=len(context["rows"]),
    )
    return render(request, "registrations/portal/participants.html", context)


@require_GET
@portal_page
def export_csv(request: HttpRequest, slug: str, *, visibility: PortalVisibility) -> HttpResponse:
    return export(request, slug=slug, visibility=visibility, action=PortalAccessLog.Action.EXPORT_CSV)


@require_GET
@portal_page
def export_csv_excel(request: HttpRequest, slug: str, *, visibility: PortalVisibility) -> HttpResponse:
    return export(request, slug=slug, visibility=visibility, action=PortalAccessLog.Action.EXPORT_CSV, for_excel=True)


@require_GET
@portal_page
def export_xlsx(request: HttpRequest, slug: str, *, visibility: PortalVisibility) -> HttpResponse:
    return export(request, slug=slug, visibility=visibility, action=PortalAccessLog.Action.EXPORT_XLSX)


def export(
    request: HttpRequest, *, slug: str, visibility: PortalVisibility, action: str, for_excel: bool = False
) -> HttpResponse:
    """Exactly the rows and cells the list shows, with its filters, on every page at once. A filter with a
    bad value sends the user to the list, which says so, rather than export more than was asked for.

    The export is streamed, so the log counts its rows with a COUNT query first, before any is sent.
    """
    context = participants_context(request, slug=slug, visibility=visibility, with_counts=False)
    if context["form"].errors:
        return redirect(
            f"{reverse('registrations:portal_participants', kwargs={'slug': slug})}?{request.GET.urlencode()}"
        )
    shown: QuerySet[Registration] = context["shown"]
    access_log(user=request.user, action=action, event=context["event"], detail=context["filters"], rows=shown.count())
    language = translation.get_language()

    def columns_for(row: exports.ExportRow) -> list[exports.Column]:
        return exports.FULL_COLUMNS if visibility.sees_in_full(row) else exports.SUMMARY_COLUMNS

    part = next((p for p in context["parts"] if p.pk == context["filters"].get("part")), None)
    filename = exports.export_filename(event=context["event"], part=part)
    columns = exports.FULL_COLUMNS
    if action == PortalAccessLog.Action.EXPORT_XLSX:
        data = exports.rows(shown, language=language, columns=columns, columns_for=columns_for, typed=True)
        return exports.xlsx_response(
            filename=filename, header_row=exports.header(columns), data=data, widths=exports.widths(columns)
        )
    data = exports.rows(shown, language=language, columns=columns, columns_for=columns_for)
    return exports.csv_response(filename=filename, header_row=exports.header(columns), data=data, for_excel=for_excel)


def country_label(visibility: PortalVisibility) -> str:
    return str(RegistrantCountry(visibility.country).label) if visibility.country else ""
