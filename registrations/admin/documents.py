"""Documents for the day from the admin: name badges for an event or a part (a page with the choices, and an
action on the selected registrations) and certificates of attendance issued by hand. The PDFs come from
registrations/printing; this module chooses who is printed and records when a badge was."""

from django import forms
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.models import Event
from v4project.headers import make_private

from ..models import Part, ParticipantRole, Registration, Seat
from ..printing import badges, certificates, sources
from .reports import EXPORT_PERMISSION, _require

ANY_ROLE = "any"
WITH_A_ROLE = "with-role"


class BadgesForm(forms.Form):
    part = forms.ModelChoiceField(
        label=_("Part of the programme"),
        queryset=Part.objects.none(),
        required=False,
        empty_label=_("Every part of the event"),
    )
    layout = forms.ChoiceField(
        label=_("Layout"), choices=[(key, layout.label) for key, layout in badges.LAYOUTS.items()], initial="a4-4xa6"
    )
    order = forms.ChoiceField(
        label=_("Order"),
        choices=[("surname", _("By surname")), ("country", _("By country, then surname"))],
        initial="surname",
    )
    role = forms.ChoiceField(
        label=_("Who"),
        choices=[(ANY_ROLE, _("Everyone")), (WITH_A_ROLE, _("Only those with a role")), *ParticipantRole.choices],
        initial=ANY_ROLE,
    )
    not_printed = forms.BooleanField(label=_("Only badges not printed yet"), required=False)

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].queryset = Part.objects.filter(event=event).order_by("date", "order", "pk")


def people_for_badges(event: Event, data: dict) -> QuerySet[Registration]:
    """Active registrations with a confirmed seat (on the chosen part), filtered as the form says."""
    seats = Seat.objects.filter(part__event=event, status=Seat.Status.CONFIRMED)
    if data.get("part"):
        seats = seats.filter(part=data["part"])
    people = Registration.objects.filter(
        event=event, status=Registration.Status.ACTIVE, pk__in=seats.values("registration_id")
    )
    if data.get("role") == WITH_A_ROLE:
        people = people.exclude(role="")
    elif data.get("role") not in {None, "", ANY_ROLE}:
        people = people.filter(role=data["role"])
    if data.get("not_printed"):
        people = people.filter(badge_printed_at__isnull=True)
    return people


def badges_response(
    people: QuerySet[Registration], *, layout: str, by_country: bool, event: Event, name: str
) -> HttpResponse:
    """The PDF of these people's badges, in the reader's language; each is recorded as printed."""
    language = get_language()
    chosen = list(people.select_related("event"))
    printed = badges.sort_badges(sources.badges_for(chosen), language=language, by_country=by_country)
    pdf = badges.badges_pdf(printed, layout=layout, language=language, event_title=event.title)
    Registration.objects.filter(pk__in=[person.pk for person in chosen]).update(badge_printed_at=timezone.now())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}.pdf"'
    return make_private(response)


def badges_page(request: HttpRequest, event_id: int, *, model_admin: ModelAdmin) -> HttpResponse:
    """Choose whose badges, how laid out and in which order; the answer to the POST is the PDF."""
    _require(request, EXPORT_PERMISSION)
    event = get_object_or_404(Event, pk=event_id)
    form = BadgesForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        people = people_for_badges(event, form.cleaned_data)
        if people.exists():
            part = form.cleaned_data["part"]
            return badges_response(
                people,
                layout=form.cleaned_data["layout"],
                by_country=form.cleaned_data["order"] == "country",
                event=event,
                name=f"{event.slug}-{part.name if part else ''}-badges",
            )
        messages.warning(request, _("No one matches these choices: there is no badge to print."))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "event": event,
        "form": form,
        "counts": {
            "all": people_for_badges(event, {}).count(),
            "not_printed": people_for_badges(event, {"not_printed": True}).count(),
        },
        "title": _("Name badges: %(event)s") % {"event": event.title},
    }
    return TemplateResponse(request, "admin/registrations/badges.html", context)


def single_badge(request: HttpRequest, registration_id: int, *, model_admin: ModelAdmin) -> HttpResponse:
    """One person's badge on an A6 page: from the check-in card, for a walk-in or a lost badge."""
    _require(request, EXPORT_PERMISSION)
    people = Registration.objects.filter(pk=registration_id, anonymised_at__isnull=True).exclude(
        status=Registration.Status.PENDING
    )
    person = get_object_or_404(people.select_related("event"))
    return badges_response(people, layout="a6", by_country=False, event=person.event, name=f"badge-{person.pk}")


def badges_for_selection(request: HttpRequest, queryset: QuerySet[Registration]) -> HttpResponse | None:
    """The admin list's action: badges of the selected registrations, whatever their seats."""
    people = queryset.exclude(status=Registration.Status.PENDING).exclude(anonymised_at__isnull=False)
    first = people.select_related("event").first()
    if first is None:
        return None
    return badges_response(people, layout="a4-4xa6", by_country=False, event=first.event, name="badges")


def certificates_for_selection(queryset: QuerySet[Registration]) -> HttpResponse | None:
    """Certificates of attendance of the selected who were checked in, each in the participant's language."""
    issued = [
        certificate
        for registration in queryset.select_related("event__host")
        if (certificate := sources.certificate_for(registration)) is not None
    ]
    if not issued:
        return None
    response = HttpResponse(certificates.certificates_pdf(issued), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="certificates.pdf"'
    return make_private(response)
