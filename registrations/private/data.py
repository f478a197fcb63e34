"""The registrant's data rights on their private page: download everything as JSON, delete everything."""

import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from ..http import private_view
from ..services import privacy
from .views import registration_or_404


@private_view("GET")
def data_download(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_or_404(token)
    data = privacy.registration_data(registration)
    privacy.registration_data_exported(registration=registration)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-registration.json"'
    return response


@private_view("GET", "POST")
def data_delete(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_or_404(token)
    if request.method == "POST":
        event = registration.event
        privacy.registration_delete(registration=registration)
        messages.success(request, gettext("Your registration and all your personal data have been deleted."))
        return redirect(event.get_absolute_url())
    context = {"registration": registration, "event": registration.event, "token": token}
    return render(request, "registrations/delete.html", context)
