"""The registrant's own pages, reached by the private link: status, edit, confirm, cancel, .ics, QR code.

Every view looks the registration up by the hash of the token in the URL; an unknown or malformed token
is the same 404. Confirming and cancelling happen on POST only, so mail servers' link scanners, which
open every link in an e-mail, cannot do either.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext

from .. import selectors
from ..exceptions import ConfirmationExpiredError, RegistrationError
from ..forms import DetailsForm, InvitationAcceptForm
from ..http import UnknownLinkError, private_view
from ..mail.attachments import checkin_url, parts_calendar_bytes, qr_svg
from ..models import DETAIL_FIELDS, Registration, Seat
from ..services import delegation
from ..services import registration as services


def registration_or_404(token: str, *, with_event: bool = True) -> Registration:
    registration = selectors.registration_by_token(token, with_event=with_event)
    if registration is None:
        raise UnknownLinkError
    return registration


def is_expired(registration: Registration) -> bool:
    return (
        registration.status == Registration.Status.PENDING
        and registration.confirm_expires_at is not None
        and registration.confirm_expires_at <= timezone.now()
    )


@private_view("GET", "POST")
def manage(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_or_404(token)
    event = registration.event
    form = None
    can_change = registration.status != Registration.Status.CANCELLED and not is_expired(registration)
    if can_change and event.changes_are_open():
        initial = {field: getattr(registration, field) for field in DETAIL_FIELDS}
        initial["parts"] = selectors.current_part_ids(registration)
        # Once registration has closed, only the parts already held are offered: they can be dropped.
        held = None if event.registration_is_open() else initial["parts"]
        form = DetailsForm(request.POST or None, initial=initial, event=event, only_parts=held)
        # Post to the page itself, never to a #fragment of it: that would take the focus off the errors.
        form.helper.form_action = request.path
        if request.method == "POST" and form.is_valid():
            try:
                services.registration_update(
                    registration=registration, data=form.cleaned_data, parts=form.cleaned_data["parts"]
                )
            except RegistrationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, gettext("Your changes have been saved."))
            return redirect("registrations:manage", token=token)
    elif request.method == "POST":
        return redirect("registrations:manage", token=token)
    rows = selectors.registration_parts_by_status(registration)
    context = {
        "registration": registration,
        "event": event,
        "name": registration.full_name(get_language()),
        "rows": rows,
        "has_confirmed": any(row["status"] == Seat.Status.CONFIRMED for row in rows),
        "expired": is_expired(registration),
        "form": form,
        "changes_closed": can_change and form is None,
        "can_cancel": not event.has_begun(),
        "token": token,
    }
    return render(request, "registrations/manage.html", context)


@private_view("GET", "POST")
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button; POST confirms. Confirming an active registration again changes nothing.

    A confirmation answers with a redirect, so the POST reads the event only for an error page: the first
    minutes after registration opens bring hundreds of these."""
    registration = registration_or_404(token, with_event=request.method != "POST")
    if registration.status != Registration.Status.PENDING:
        return redirect("registrations:manage", token=token)

    # Someone registered by a partner association or the organisers accepts the privacy notice here.
    accept = (
        InvitationAcceptForm(request.POST if request.method == "POST" else None)
        if registration.privacy_accepted_at is None
        else None
    )

    def page(status: int = 200, error: str = "") -> HttpResponse:
        context = {
            "registration": registration,
            "event": registration.event,
            "token": token,
            "error": error,
            "form": accept,
            "invited_by": registration.invited_by,
        }
        return render(request, "registrations/confirm.html", context, status=status)

    if is_expired(registration):
        return page(410, ConfirmationExpiredError.message)
    if request.method == "POST":
        if accept is not None and not accept.is_valid():
            return page()
        try:
            if accept is not None:
                delegation.invitation_accept(
                    registration=registration,
                    language=get_language(),
                    consent_photos=accept.cleaned_data["consent_photos"],
                    consent_sharing=accept.cleaned_data["consent_sharing"],
                )
            else:
                services.registration_confirm(registration=registration)
        except RegistrationError as error:
            return page(409, error.message)
        messages.success(request, gettext("Thank you: your e-mail address is confirmed."))
        return redirect("registrations:manage", token=token)
    return page()


@private_view("GET", "POST")
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_or_404(token)
    if registration.status == Registration.Status.CANCELLED:
        return redirect("registrations:manage", token=token)
    if request.method == "POST":
        try:
            services.registration_cancel(registration=registration, by_registrant=True)
        except RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, gettext("Your registration has been cancelled."))
        return redirect("registrations:manage", token=token)
    if registration.event.has_begun():
        return redirect("registrations:manage", token=token)
    context = {"registration": registration, "event": registration.event, "token": token}
    return render(request, "registrations/cancel.html", context)


@private_view("POST")
def link_replace(request: HttpRequest, token: str) -> HttpResponse:
    """ "Replace my link": for a registrant who thinks someone else has it. The old link stops working at
    once; the page answers at its new address, which is also e-mailed to the registrant."""
    registration = registration_or_404(token, with_event=False)
    try:
        new_token = services.link_replace(registration=registration)
    except RegistrationError as error:
        messages.error(request, error.message)
        return redirect("registrations:manage", token=token)
    messages.success(
        request,
        gettext(
            "Your link has been replaced: this page has a new address, which we have also sent to your e-mail "
            "address. The old link no longer works."
        ),
    )
    return redirect("registrations:manage", token=new_token)


@private_view("GET")
def qr_code(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_or_404(token)
    if registration.status != Registration.Status.ACTIVE:
        raise Http404("No check-in code before confirmation.")
    svg = qr_svg(checkin_url(registration), title=gettext("Check-in code"))
    return HttpResponse(svg, content_type="image/svg+xml")


@private_view("GET")
def calendar(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_or_404(token)
    parts = [seat.part for seat in selectors.registration_seats(registration) if seat.status == Seat.Status.CONFIRMED]
    if registration.status != Registration.Status.ACTIVE or not parts:
        raise Http404("No confirmed part.")
    response = HttpResponse(parts_calendar_bytes(registration, parts), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{registration.event.slug}.ics"'
    return response
