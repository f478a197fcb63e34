"""The organisers add a registration by hand, for any country, and change someone's parts: through the same
services, rules and locks as the public pages. A registration added here is an invitation: the person gets
the "confirm your address" e-mail in the language chosen, saying the organisers registered them, and
accepts the privacy notice themselves; whether the address was registered already is not shown."""

from django import forms
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from events.models import Event

from .. import imports
from ..exceptions import RegistrationError
from ..forms import DelegateForm, PartChoiceField
from ..models import Part, RegistrantCountry, Registration, Seat
from ..services import delegation


class EventChoiceForm(forms.Form):
    event = forms.ModelChoiceField(label=_("Event"), queryset=Event.objects.filter(parts__isnull=False).distinct())


class PartsForm(forms.Form):
    parts = PartChoiceField(
        label=_("Parts of the programme"),
        queryset=Part.objects.none(),
        error_messages={"required": _("Please choose at least one part of the programme.")},
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parts"].queryset = Part.objects.filter(event=event).with_seat_counts()


def _context(request: HttpRequest, model_admin: ModelAdmin, **extra) -> dict:
    return {**model_admin.admin_site.each_context(request), "opts": model_admin.opts, **extra}


def add_by_hand(request: HttpRequest, *, model_admin: ModelAdmin) -> HttpResponse:
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    choice = EventChoiceForm(request.GET if "event" in request.GET else None)
    if not choice.is_valid():
        context = _context(request, model_admin, title=gettext("Add a registration by hand"), choice=choice)
        return TemplateResponse(request, "admin/registrations/registration/add_by_hand.html", context)
    event = choice.cleaned_data["event"]
    form = DelegateForm(request.POST or None, event=event, brief=False)
    if request.method == "POST" and form.is_valid():
        try:
            delegation.delegate_invite(
                event=event,
                data=form.cleaned_data,
                parts=form.cleaned_data["parts"],
                language=form.cleaned_data["language"],
                partner=None,
            )
        except RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                gettext(
                    "The invitation has been sent. The person confirms the address and accepts the privacy notice; "
                    "until then the registration waits for e-mail confirmation."
                ),
            )
            return redirect(f"{reverse('admin:registrations_registration_changelist')}?event__id__exact={event.pk}")
    context = _context(
        request, model_admin, title=gettext("Add a registration by hand"), form=form, event=event, choice=None
    )
    return TemplateResponse(request, "admin/registrations/registration/add_by_hand.html", context)


def change_parts(request: HttpRequest, object_id: str, *, model_admin: ModelAdmin) -> HttpResponse:
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=object_id)
    if not model_admin.has_change_permission(request, registration):
        raise PermissionDenied
    if registration.status == Registration.Status.PENDING:
        held = list(registration.requested_parts.values_list("pk", flat=True))
    else:
        held = list(registration.seats.exclude(status=Seat.Status.CANCELLED).values_list("part_id", flat=True))
    form = PartsForm(request.POST or None, initial={"parts": held}, event=registration.event)
    change_url = reverse("admin:registrations_registration_change", args=[registration.pk])
    if request.method == "POST" and form.is_valid():
        try:
            delegation.staff_parts_change(registration=registration, parts=form.cleaned_data["parts"])
        except RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, gettext("The parts have been changed and the person was told by e-mail in their language.")
            )
            return redirect(change_url)
    context = _context(
        request,
        model_admin,
        title=gettext("Change the parts: %(name)s") % {"name": registration},
        form=form,
        registration=registration,
        change_url=change_url,
        seats=registration.seats.select_related("part").exclude(status=Seat.Status.CANCELLED),
    )
    return TemplateResponse(request, "admin/registrations/registration/change_parts.html", context)


class CountryForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), choices=RegistrantCountry.choices)


def import_table(request: HttpRequest, *, model_admin: ModelAdmin) -> HttpResponse:
    """Several people of one country at once, as a partner association does in the portal: a table, a preview
    of every row's errors, then the invitations, all or none."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    title = gettext("Add registrations from a table")
    choice = EventChoiceForm(request.GET if "event" in request.GET else None)
    if not choice.is_valid():
        context = _context(request, model_admin, title=title, choice=choice)
        return TemplateResponse(request, "admin/registrations/registration/import_table.html", context)
    event = choice.cleaned_data["event"]
    form = imports.ImportForm(request.POST or None, request.FILES or None, event=event)
    country = CountryForm(request.POST or None)
    context = _context(request, model_admin, title=title, event=event, form=form, country_form=country, choice=None)
    if request.method == "POST" and form.is_valid() and country.is_valid():
        parts = list(form.cleaned_data["parts"])
        code = country.cleaned_data["country"]
        try:
            rows = imports.check_rows(form.cleaned_data["rows"], event=event, country=code, parts=parts)
        except imports.TableError as error:
            form.add_error(None, str(error))
        else:
            has_errors = any(row.errors for row in rows)
            if "send" in request.POST and not has_errors:
                try:
                    count = delegation.delegates_invite(
                        event=event, rows=[{**row.cleaned, "parts": parts} for row in rows], partner=None
                    )
                except RegistrationError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(
                        request,
                        ngettext("%(count)d invitation has been sent.", "%(count)d invitations have been sent.", count)
                        % {"count": count},
                    )
                    changelist = reverse("admin:registrations_registration_changelist")
                    return redirect(f"{changelist}?event__id__exact={event.pk}&status__exact=pending")
            context.update(
                rows=rows,
                has_errors=has_errors,
                table_text=imports.to_text([[row.values[c] for c in imports.COLUMNS] for row in rows]),
                chosen_parts=parts,
                country=code,
            )
    return TemplateResponse(request, "admin/registrations/registration/import_table.html", context)
