"""The registrant's own pages, reached by the private link: status, edit, confirm, cancel, .ics, QR code,
the certificate of attendance.

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
from ..details import recorded_details
from ..drafts import draft_from_registration, draft_keep
from ..exceptions import ConfirmationExpiredError, RegistrationError
from ..forms import DetailsForm, InvitationAcceptForm, SubstituteAcceptForm, SubstituteForm, details_initial
from ..http import UnknownLinkError, private_view
from ..mail.attachments import checkin_url, parts_calendar_bytes, qr_svg
from ..models import Registration, Seat
from ..printing import sources as documents
from ..services import delegation, substitutes
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
    if registration.substitute_for_id and registration.status == Registration.Status.PENDING:
        return redirect("registrations:confirm", token=token)  # a colleague's offer: accepted there
    event = registration.event
    form = None
    can_change = registration.status != Registration.Status.CANCELLED and not is_expired(registration)
    if can_change and event.changes_are_open():
        initial = details_initial(registration)
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
        "details": recorded_details(registration),
        "has_confirmed": any(row["status"] == Seat.Status.CONFIRMED for row in rows),
        "expired": is_expired(registration),
        "form": form,
        "changes_closed": can_change and form is None,
        "can_cancel": not event.has_begun(),
        "token": token,
        "can_hand_over": can_hand_over(registration),
        "offer": pending_offer(registration),
        "has_certificate": has_certificate(registration),
    }
    return render(request, "registrations/manage.html", context)


def has_certificate(registration: Registration) -> bool:
    """A certificate of attendance once the event has begun, for someone checked in for at least one part."""
    return registration.event.has_begun() and documents.has_attended(registration)


def can_hand_over(registration: Registration) -> bool:
    return registration.status == Registration.Status.ACTIVE and not registration.event.has_begun()


def pending_offer(registration: Registration) -> Registration | None:
    if registration.status != Registration.Status.ACTIVE:
        return None
    offers = registration.substitute_offers.filter(
        status=Registration.Status.PENDING, confirm_expires_at__gt=timezone.now()
    )
    return offers.order_by("-pk").first()


@private_view("GET", "POST")
def colleague(request: HttpRequest, token: str) -> HttpResponse:
    """ "Send my place to a colleague": the colleague gets an e-mail to accept; until then nothing changes."""
    registration = registration_or_404(token)
    if not can_hand_over(registration):
        return redirect("registrations:manage", token=token)
    form = SubstituteForm(request.POST or None)
    form.helper.form_action = request.path
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            substitutes.substitute_offer(registration=registration, data=data, language=data["language"])
        except RegistrationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                gettext(
                    "We have sent your colleague an e-mail. Until they accept, the place stays yours; the offer "
                    "expires if it is not accepted in time."
                ),
            )
            return redirect("registrations:manage", token=token)
    context = {
        "registration": registration,
        "event": registration.event,
        "form": form,
        "token": token,
        "offer": pending_offer(registration),
        "rows": selectors.registration_parts_by_status(registration),
    }
    return render(request, "registrations/colleague.html", context)


def accept_place(request: HttpRequest, registration: Registration, token: str) -> HttpResponse:
    """The colleague's side of a substitute: their address is confirmed by the link, the privacy notice by
    the form on this page; then every seat of the place is theirs."""
    original = registration.substitute_for
    form = SubstituteAcceptForm(request.POST or None)
    form.helper.form_action = request.path
    error = ""
    if is_expired(registration):
        error = gettext("This offer has expired. Your colleague can send you a new one.")
    elif original is None or original.status != Registration.Status.ACTIVE:
        error = str(substitutes.SubstituteUnavailableError.message)
    elif request.method == "POST" and form.is_valid():
        try:
            substitutes.substitute_accept(offer=registration, privacy_language=get_language())
        except RegistrationError as refused:
            error = refused.message
        else:
            messages.success(request, gettext("Thank you: the place is now yours."))
            return redirect("registrations:manage", token=token)
    context = {
        "registration": registration,
        "event": registration.event,
        "form": form,
        "error": error,
        "offered_by": original.full_name(get_language()) if original else "",
        "rows": selectors.registration_parts_by_status(original) if original and not error else [],
    }
    return render(request, "registrations/accept_place.html", context, status=410 if error else 200)


@private_view("GET", "POST")
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button; POST confirms. Confirming an active registration again changes nothing.

    A confirmation answers with a redirect, so the POST reads the event only for an error page: the first
    minutes after registration opens bring hundreds of these."""
    registration = registration_or_404(token, with_event=request.method != "POST")
    if registration.status != Registration.Status.PENDING:
        return redirect("registrations:manage", token=token)
    if registration.substitute_for_id:
        return accept_place(request, registration, token)

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
            "name": registration.full_name(get_language()),
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
def register_again(request: HttpRequest, token: str) -> HttpResponse:
    """ "Register again" after cancelling (or after the confirmation link expired): the form, filled in with
    the previous answers, which travel with the registrant (drafts.py), never in a URL. The new registration
    confirms its address and the privacy notice as every registration does."""
    registration = registration_or_404(token)
    event = registration.event
    gone = registration.status == Registration.Status.CANCELLED or is_expired(registration)
    if not gone or not event.registration_is_open():
        return redirect("registrations:manage", token=token)
    response = redirect("registrations:register_again", slug=event.slug)
    draft_keep(response, event=event, draft=draft_from_registration(registration))
    return response


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


@private_view("GET")
def certificate(request: HttpRequest, token: str) -> HttpResponse:
    """The certificate of attendance as a PDF in the registrant's language. Before the event, or for someone
    not checked in, the link is the same as any that does not work: the page shows none."""
    registration = registration_or_404(token)
    pdf = documents.certificate_pdf(registration) if registration.event.has_begun() else None
    if pdf is None:
        raise UnknownLinkError
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{documents.certificate_filename(registration)}"'
    return response
