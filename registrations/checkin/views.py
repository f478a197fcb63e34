"""Check-in at the door, for organisers on a phone: pick the day, find the person, tap "Arrived".

Works without JavaScript (a GET search form, a POST form per person); static/js/checkin.js filters as
you type and marks without reloading the page. Nothing here is cached: it is personal data that changes.
"""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Collate
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils import formats, timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language, gettext, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from v4project import clock

from .. import selectors
from ..collation import COLLATIONS, fold
from ..exceptions import PartFullError, RegistrationError
from ..http import private_page, staff_page
from ..models import Part, Registration, Seat
from ..services import staff as staff_services
from ..services.seats import status_for
from .forms import WalkInForm

PERMISSION = "registrations.checkin_registration"
SEARCH_MAX_LENGTH = 100
# The language a staff member uses the check-in in, kept in their session: a participant's door code
# carries the participant's language in its link, and must not switch the door phone into it.
STAFF_LANGUAGE_KEY = "checkin_language"


def may_check_in(user) -> bool:
    return user.has_perm(PERMISSION)


# Organisers only; every answer private: phones at the door must never show a stale or someone else's list.
checkin_required = staff_page(may_check_in, forbidden_template="registrations/checkin/forbidden.html")


def checkin_parts() -> list[Part]:
    return list(Part.objects.select_related("event").order_by("date", "order", "pk"))


def default_part(parts: list[Part], today: datetime.date) -> Part | None:
    """Today's part; before an event the next one; after them all, the first."""
    upcoming = [part for part in parts if part.date >= today]
    return upcoming[0] if upcoming else (parts[0] if parts else None)


def expected_seats(part: Part) -> QuerySet[Seat]:
    """Who is expected on that day: confirmed seats of active registrations, by surname for the reader."""
    collation = COLLATIONS.get(get_language(), COLLATIONS["en"])
    return (
        Seat.objects.filter(part=part, status=Seat.Status.CONFIRMED, registration__status=Registration.Status.ACTIVE)
        .select_related("registration")
        .order_by(Collate("registration__last_name", collation), Collate("registration__first_name", collation), "pk")
    )


def counts_text(part: Part) -> str:
    counts = expected_seats(part).aggregate(
        expected=Count("pk"), arrived=Count("pk", filter=Q(checked_in_at__isnull=False))
    )
    return (
        ngettext(
            "Arrived %(arrived)d of %(expected)d expected",
            "Arrived %(arrived)d of %(expected)d expected",
            counts["expected"],
        )
        % counts
    )


def arrival_text(seat: Seat) -> str:
    if seat.checked_in_at is None:
        return ""
    time = formats.time_format(timezone.localtime(seat.checked_in_at), "TIME_FORMAT")
    return gettext("arrived at %(time)s") % {"time": time}


def matches(row: dict, terms: list[str]) -> bool:
    return all(term in row["search"] for term in terms)


def remember_staff_language(request: HttpRequest) -> None:
    if request.session.get(STAFF_LANGUAGE_KEY) != get_language():
        request.session[STAFF_LANGUAGE_KEY] = get_language()


def staff_language(request: HttpRequest) -> str:
    """The staff member's language: the one they last used the check-in in, else their phone's (its
    language cookie or Accept-Language); with no sign of either, the page's own."""
    languages = {code for code, _name in settings.LANGUAGES}
    remembered = request.session.get(STAFF_LANGUAGE_KEY)
    if remembered in languages:
        return remembered
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES or "accept-language" in request.headers:
        return translation.get_language_from_request(request)
    return get_language()


def waiting_rows(part: Part) -> list[dict]:
    """The part's waiting list, first in line first, with each person's position."""
    language = get_language()
    return [
        {"seat": seat, "position": position, "name": seat.registration.full_name(language)}
        for position, seat in enumerate(selectors.waitlist(part).select_related("registration"), start=1)
    ]


@require_GET
@checkin_required
def checkin_list(request: HttpRequest, part_id: int | None = None) -> HttpResponse:
    remember_staff_language(request)
    parts = checkin_parts()
    if part_id is None:
        part = default_part(parts, clock.today())
    else:
        part = get_object_or_404(Part.objects.select_related("event"), pk=part_id)
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    context = {"parts": parts, "part": part, "query": query, "today": clock.today()}
    if part is not None:
        language = get_language()
        rows = []
        for seat in expected_seats(part):
            name = seat.registration.full_name(language)
            search = fold(f"{name} {seat.registration.organisation}")
            rows.append({"seat": seat, "name": name, "arrival": arrival_text(seat), "search": search})
        # A day's list is at most a bus or a hall: it is filtered here, as the script does, so a search
        # without diacritics finds names with them on every database.
        terms = fold(query).split()
        context["rows"] = [row for row in rows if matches(row, terms)]
        context["counts"] = counts_text(part)
        context["waiting"] = waiting_rows(part)
        context["part_has_free_seat"] = not part_is_full(part)
        context["checkin_prefix"] = reverse("registrations:checkin")
        context["not_arrived"] = [row for row in rows if row["seat"].checked_in_at is None]
    return render(request, "registrations/checkin/list.html", context)


def _back(request: HttpRequest, seat: Seat) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("registrations:checkin_day", kwargs={"part_id": seat.part_id})


@require_POST
@checkin_required
def checkin_mark(request: HttpRequest, seat_id: int) -> HttpResponse:
    """Arrived (arrived=1) or undo (arrived=0). Answers JSON to checkin.js, else goes back to the list."""
    seat = get_object_or_404(Seat.objects.select_related("registration", "part"), pk=seat_id)
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    name = seat.registration.full_name(get_language())
    try:
        seat = staff_services.seat_checkin(seat=seat, arrived=request.POST.get("arrived") == "1", user=request.user)
    except RegistrationError as error:
        if wants_json:
            return JsonResponse({"error": str(error.message)}, status=409)
        messages.error(request, f"{name}: {error.message}")
        return redirect(_back(request, seat))
    if wants_json:
        return JsonResponse(
            {"arrived": seat.checked_in_at is not None, "arrival": arrival_text(seat), "counts": counts_text(seat.part)}
        )
    if seat.checked_in_at:
        messages.success(request, gettext("%(name)s: arrived.") % {"name": name})
    else:
        messages.info(request, gettext("%(name)s: arrival undone.") % {"name": name})
    return redirect(_back(request, seat))


@require_GET
@private_page
def checkin_card(request: HttpRequest, code: str) -> HttpResponse:
    """What the door QR code opens. An organiser sees the person's card and checks them in; anyone else
    sees the same neutral page for every code, valid or not, and the code is not even looked up."""
    if not may_check_in(request.user):
        context = {"organiser": False}
        if not request.user.is_authenticated:
            # For staff whose phone is not signed in yet: sign in, then back to this code.
            with translation.override(staff_language(request)):
                sign_in = reverse(settings.LOGIN_URL)
            context["sign_in_url"] = f"{sign_in}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}"
        return render(request, "registrations/checkin_card.html", context)
    language = staff_language(request)
    if language != get_language():
        # The code's link is in the participant's language; the door stays in the staff member's.
        return redirect(translate_url(request.get_full_path(), language))
    registration = selectors.registration_by_checkin_code(code)
    context = {"organiser": True, "registration": registration, "today": clock.today()}
    if registration is not None:
        seats = selectors.registration_seats(registration)
        for seat in seats:
            seat.arrival = arrival_text(seat)
        context.update(seats=seats, name=registration.full_name(get_language()))
    return render(request, "registrations/checkin_card.html", context)


def part_is_full(part: Part) -> bool:
    return status_for(capacity=part.capacity, confirmed=selectors.confirmed_count(part.pk)) != Seat.Status.CONFIRMED


@require_http_methods(["GET", "POST"])
@checkin_required
def walk_in(request: HttpRequest, part_id: int) -> HttpResponse:
    """Someone who turned up unregistered: added and checked in at once. A full part warns first; the
    staff member may then seat the person anyway, over capacity."""
    remember_staff_language(request)
    part = get_object_or_404(Part.objects.select_related("event"), pk=part_id)
    full = part_is_full(part)
    form = WalkInForm(request.POST or None, part_is_full=full)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = staff_services.walk_in_add(
                part=part, data=data, user=request.user, over_capacity=form.staff_decided_over_capacity()
            )
        except PartFullError:
            # The last seat went while the form was being filled in: warn, and let them decide.
            full = True
            form = WalkInForm(request.POST, part_is_full=True)
            form.is_valid()
        except RegistrationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                gettext("%(name)s: added and checked in.") % {"name": registration.full_name(get_language())},
            )
            return redirect("registrations:checkin_day", part_id=part.pk)
    context = {"part": part, "form": form, "full": full}
    return render(request, "registrations/checkin/walk_in.html", context, status=200)


def _seat_or_none(part: Part, value: str, status: str) -> Seat | None:
    if not value.isdigit() or len(value) > 18:
        return None
    return Seat.objects.filter(pk=int(value), part=part, status=status).first()


@require_POST
@checkin_required
def waitlist_fill(request: HttpRequest, part_id: int) -> HttpResponse:
    """Give a seat at the door to the first in line or a chosen person: a free seat, or the seat of someone
    who did not come."""
    part = get_object_or_404(Part.objects.select_related("event"), pk=part_id)
    freed = _seat_or_none(part, request.POST.get("freed", ""), Seat.Status.CONFIRMED)
    to = _seat_or_none(part, request.POST.get("to", ""), Seat.Status.WAITLISTED)
    if (request.POST.get("freed") and freed is None) or (request.POST.get("to") and to is None):
        messages.error(request, gettext("The list has changed meanwhile: please choose again."))
        return redirect("registrations:checkin_day", part_id=part.pk)
    try:
        seated = staff_services.seat_fill_at_door(part=part, freed=freed, to=to, user=request.user)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        name = seated.registration.full_name(get_language())
        messages.success(request, gettext("%(name)s now has a seat and has been told by e-mail.") % {"name": name})
    return redirect("registrations:checkin_day", part_id=part.pk)
