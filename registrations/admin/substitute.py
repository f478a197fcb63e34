"""Staff hand a registration's place to a colleague from the admin (asked by phone or e-mail): the same
offer as the registrant's own "send my place to a colleague" (services/substitutes.py). The colleague still
confirms their own address and accepts the privacy notice; until then nothing changes."""

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..exceptions import RegistrationError
from ..forms import SubstituteForm
from ..models import Registration
from ..services import substitutes

CHANGE_PERMISSION = "registrations.change_registration"


def substitute(request: HttpRequest, registration_id: int, *, model_admin: ModelAdmin) -> HttpResponse:
    if not request.user.has_perm(CHANGE_PERMISSION):
        raise PermissionDenied
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=registration_id)
    change_url = reverse("admin:registrations_registration_change", args=[registration.pk])
    form = SubstituteForm(
        request.POST or None, initial={"language": registration.language}, submit_label=_("Send the offer")
    )
    form.helper.form_action = request.path
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            offer = substitutes.substitute_offer(registration=registration, data=data, language=data["language"])
        except RegistrationError as error:
            form.add_error(None, error.message)
        else:
            model_admin.message_user(
                request,
                _("The place is offered to %(address)s; it changes hands when they accept.") % {"address": offer.email},
                messages.SUCCESS,
            )
            return redirect(change_url)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "registration": registration,
        "change_url": change_url,
        "form": form,
        "rows": selectors.registration_parts_by_status(registration),
        "title": _("Send the place to a colleague"),
    }
    return TemplateResponse(request, "admin/registrations/substitute.html", context)
