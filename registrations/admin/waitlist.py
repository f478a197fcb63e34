"""A part's waiting list in its order, with each person's position, and giving a seat to a chosen person
out of that order (with a reason, kept in the registration's history)."""

from django import forms
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..exceptions import RegistrationError
from ..forms import multi_line
from ..models import Part, Seat
from ..services import waitlist as services

VIEW_PERMISSION = "registrations.view_registration"
CHANGE_PERMISSION = "registrations.change_registration"
REASON_MAX_LENGTH = 500


class GiveSeatForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why this person gets a seat before those ahead of them. Kept in the registration's history."),
        error_messages={"required": _("Please give the reason for giving this seat out of order.")},
    )
    over_capacity = forms.BooleanField(
        label=_("Give the seat even though the part is full (over its capacity)"), required=False
    )

    def __init__(self, *args, source: str, **kwargs):
        super().__init__(*args, **kwargs)
        if source != services.Source.OVER_CAPACITY:
            del self.fields["over_capacity"]

    def clean_reason(self) -> str:
        return multi_line(self.cleaned_data["reason"]).strip()


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _context(request: HttpRequest, model_admin: ModelAdmin, part: Part, **extra) -> dict:
    return {**model_admin.admin_site.each_context(request), "opts": model_admin.opts, "part": part, **extra}


def waitlist_view(request: HttpRequest, part_id: int, *, model_admin: ModelAdmin) -> HttpResponse:
    """Who waits for a seat on this part, first in line first."""
    _require(request, VIEW_PERMISSION)
    part = get_object_or_404(Part.objects.select_related("event").with_seat_counts(), pk=part_id)
    selectors.with_country_seats([part])
    language = get_language()
    waiting = selectors.waitlist(part).select_related("registration")
    rows = [
        {"position": position, "seat": seat, "name": seat.registration.full_name(language)}
        for position, seat in enumerate(waiting, start=1)
    ]
    context = _context(
        request,
        model_admin,
        part,
        rows=rows,
        reserved_parts=[part],
        can_give=request.user.has_perm(CHANGE_PERMISSION),
        title=gettext("Waiting list: %(part)s") % {"part": part.name},
    )
    return TemplateResponse(request, "admin/registrations/waitlist.html", context)


def give_seat_view(request: HttpRequest, part_id: int, seat_id: int, *, model_admin: ModelAdmin) -> HttpResponse:
    """Give the seat to this person now: a form asking the reason (and, on a full part, to go over it)."""
    _require(request, CHANGE_PERMISSION)
    part = get_object_or_404(Part.objects.select_related("event"), pk=part_id)
    seat = get_object_or_404(Seat.objects.select_related("registration", "part"), pk=seat_id, part=part)
    back = redirect("admin:registrations_part_waitlist", part.pk)
    if seat.status != Seat.Status.WAITLISTED:
        model_admin.message_user(request, gettext("This seat is not on the waiting list."), messages.WARNING)
        return back
    source = services.seat_source(seat=seat)
    form = GiveSeatForm(request.POST or None, source=source)
    if request.method == "POST" and form.is_valid():
        try:
            given = services.seat_give_out_of_order(
                seat=seat, reason=form.cleaned_data["reason"], over_capacity=form.cleaned_data.get("over_capacity")
            )
        except RegistrationError as error:
            form.add_error(None, error.message)
        else:
            model_admin.log_change(request, seat.registration, _history(given, form.cleaned_data["reason"]))
            name = seat.registration.full_name(get_language())
            model_admin.message_user(
                request,
                gettext("%(name)s has a seat on “%(part)s” and was told by e-mail.")
                % {"name": name, "part": part.name},
                messages.SUCCESS,
            )
            return back
    context = _context(
        request,
        model_admin,
        part,
        seat=seat,
        name=seat.registration.full_name(get_language()),
        position=selectors.waitlist_position(seat),
        source=source,
        form=form,
        title=gettext("Give a seat out of order"),
    )
    return TemplateResponse(request, "admin/registrations/give_seat.html", context)


def _history(given: services.Given, reason: str) -> str:
    """The line in the registration's history, in the organiser's language."""
    text = gettext("Seat on “%(part)s” given out of order (position %(position)d on the waiting list).") % {
        "part": given.seat.part.name,
        "position": given.position,
    }
    if given.source == services.Source.OTHER_RESERVATION:
        text += " " + gettext("The seat was reserved for another country.")
    elif given.source == services.Source.OVER_CAPACITY:
        text += " " + gettext("Over the capacity of the part.")
    return f"{text} {gettext('Reason:')} {reason}"
