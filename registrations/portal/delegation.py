"""A partner association registers its delegation: one person at a time or a table at once (with a preview
of every row's errors), and its unconfirmed invitations with "send again" and "withdraw".

Only a partner association's own members, only their own country: a user of another association, or an
organiser (who adds people in the admin), gets the portal's 403 page; someone else's invitation is a 404,
the same as one that does not exist. Whether an address was already registered is never shown: the
answer is "the invitation has been sent" either way."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from events.models import Event, Partner

from .. import imports
from ..exceptions import RegistrationError
from ..forms import DelegateForm
from ..http import busy_when_locked, staff_page
from ..models import RegistrantCountry
from ..services import delegation as services
from .selectors import portal_event, portal_partner


def partner_of(user) -> Partner | None:
    return portal_partner(user=user)


partner_page = staff_page(partner_of, forbidden_template="registrations/portal/forbidden.html", as_argument="partner")


def delegation_event(slug: str) -> Event:
    event = portal_event(slug=slug)
    if event is None:
        raise Http404("No such event in the portal.")
    return event


def invitation_or_404(event: Event, partner: Partner, pk: int):
    invitation = services.partner_invitation(event=event, partner=partner, pk=pk)
    if invitation is None:
        raise Http404("No such invitation of this association.")
    return invitation


def sent_message(count: int) -> str:
    return ngettext(
        "%(count)d invitation has been sent. The person confirms the address and the privacy notice; until then "
        "an invitation you sent is listed below.",
        "%(count)d invitations have been sent. Each person confirms the address and the privacy notice; until then "
        "the invitations you sent are listed below.",
        count,
    ) % {"count": count}


@require_http_methods(["GET", "POST"])
@partner_page
@busy_when_locked
def delegation(request: HttpRequest, slug: str, *, partner: Partner) -> HttpResponse:
    event = delegation_event(slug)
    is_open = event.registration_is_open()
    form = None
    if is_open:
        form = DelegateForm(request.POST or None, event=event, country=partner.country)
        form.helper.form_action = request.path
        if request.method == "POST" and form.is_valid():
            try:
                services.delegate_invite(
                    event=event,
                    data=form.cleaned_data,
                    parts=form.cleaned_data["parts"],
                    language=form.cleaned_data["language"],
                    partner=partner,
                )
            except RegistrationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, sent_message(1))
            return redirect(request.path)
    context = {
        "event": event,
        "partner": partner,
        "country": RegistrantCountry(partner.country).label,
        "form": form,
        "is_open": is_open,
        "invitations": services.partner_invitations(event=event, partner=partner).prefetch_related("requested_parts"),
    }
    return render(request, "registrations/portal/delegation.html", context)


@require_http_methods(["GET", "POST"])
@partner_page
@busy_when_locked
def delegation_import(request: HttpRequest, slug: str, *, partner: Partner) -> HttpResponse:
    """Step one: the table and the parts; step two (the same POST with "preview"): every row with its
    errors; step three ("send", only without errors): the invitations, all or none."""
    event = delegation_event(slug)
    if not event.registration_is_open():
        return redirect("registrations:portal_delegation", slug=slug)
    form = imports.ImportForm(request.POST or None, request.FILES or None, event=event)
    context = {"event": event, "partner": partner, "form": form, "max_rows": imports.MAX_ROWS}
    if request.method == "POST" and form.is_valid():
        parts = list(form.cleaned_data["parts"])
        try:
            rows = imports.check_rows(form.cleaned_data["rows"], event=event, country=partner.country, parts=parts)
        except imports.TableError as error:
            form.add_error(None, str(error))
        else:
            has_errors = any(row.errors for row in rows)
            if "send" in request.POST and not has_errors:
                try:
                    count = services.delegates_invite(
                        event=event,
                        rows=[{**row.cleaned, "parts": parts} for row in rows],
                        partner=partner,
                    )
                except RegistrationError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(request, sent_message(count))
                return redirect("registrations:portal_delegation", slug=slug)
            context.update(
                rows=rows,
                has_errors=has_errors,
                error_count=sum(1 for row in rows if row.errors),
                table_text=imports.to_text([[row.values[c] for c in imports.COLUMNS] for row in rows]),
                chosen_parts=parts,
            )
    return render(request, "registrations/portal/delegation_import.html", context)


@require_POST
@partner_page
@busy_when_locked
def invitation_send_again(request: HttpRequest, slug: str, pk: int, *, partner: Partner) -> HttpResponse:
    invitation = invitation_or_404(delegation_event(slug), partner, pk)
    if services.invitation_send_again(registration=invitation):
        messages.success(request, gettext("The invitation has been sent again."))
    else:
        messages.warning(request, gettext("The invitation was sent only a few minutes ago. Please try again later."))
    return redirect("registrations:portal_delegation", slug=slug)


@require_POST
@partner_page
@busy_when_locked
def invitation_withdraw(request: HttpRequest, slug: str, pk: int, *, partner: Partner) -> HttpResponse:
    invitation = invitation_or_404(delegation_event(slug), partner, pk)
    services.invitation_withdraw(registration=invitation)
    messages.success(request, gettext("The invitation has been withdrawn and its data deleted."))
    return redirect("registrations:portal_delegation", slug=slug)
