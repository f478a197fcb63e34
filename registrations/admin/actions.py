"""The registration list's actions. Each goes through the services, so capacity, the waiting list and
the e-mails keep the public site's rules; each says what it did and what the rules refused."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..exceptions import RegistrationError
from ..models import Registration, Seat
from ..services import privacy
from ..services import registration as services
from ..services import staff as staff_services
from . import documents, reports


class RegistrationActionsMixin:
    """The list's actions. Each goes through the services, so capacity, waiting list and e-mails hold;
    each says what it did and what the rules refused."""

    def _refused(self, request, registration: Registration, error: RegistrationError) -> None:
        self.message_user(request, f"{registration}: {error.message}", messages.WARNING)

    def _done(self, request, count: int, message: str) -> None:
        """`message` comes from ngettext at the call site, where makemessages finds it."""
        level = messages.SUCCESS if count else messages.INFO
        self.message_user(request, message % {"count": count}, level)

    @admin.action(
        description=_("Confirm on the registrant's behalf (seats by the usual rules)"), permissions=["change"]
    )
    def confirm_on_behalf(self, request, queryset) -> None:
        count = 0
        for registration in queryset.filter(status=Registration.Status.PENDING):
            try:
                staff_services.registration_confirm_on_behalf(registration=registration)
            except RegistrationError as error:
                self._refused(request, registration, error)
            else:
                count += 1
        self._done(
            request, count, ngettext("%(count)d registration confirmed.", "%(count)d registrations confirmed.", count)
        )

    @admin.action(description=_("Move up from the waiting list (only where a seat is free)"), permissions=["change"])
    def move_up(self, request, queryset) -> None:
        count = 0
        waiting = Seat.objects.filter(registration__in=queryset, status=Seat.Status.WAITLISTED)
        for seat in waiting.select_related("registration", "part").order_by("since", "pk"):
            try:
                staff_services.seat_move_up(seat=seat)
            except RegistrationError as error:
                self._refused(request, seat.registration, error)
            else:
                count += 1
        self._done(
            request,
            count,
            ngettext(
                "%(count)d seat confirmed from the waiting list.",
                "%(count)d seats confirmed from the waiting list.",
                count,
            ),
        )

    @admin.action(
        description=_("Cancel (freed seats go to the waiting list; e-mails are sent)"), permissions=["change"]
    )
    def cancel_registrations(self, request, queryset) -> None:
        count = 0
        for registration in queryset.exclude(status=Registration.Status.CANCELLED):
            services.registration_cancel(registration=registration)
            count += 1
        self._done(
            request, count, ngettext("%(count)d registration cancelled.", "%(count)d registrations cancelled.", count)
        )

    @admin.action(description=_("Send the last e-mail again (in the registrant's language)"), permissions=["change"])
    def resend_last_email(self, request, queryset) -> None:
        count = 0
        for registration in queryset:
            try:
                staff_services.email_resend_last(registration=registration)
            except RegistrationError as error:
                self._refused(request, registration, error)
            else:
                count += 1
        self._done(request, count, ngettext("%(count)d e-mail sent again.", "%(count)d e-mails sent again.", count))

    @admin.action(
        description=_("Replace the private link and send the new one (the link the registrant has stops working)"),
        permissions=["change"],
    )
    def replace_link(self, request, queryset) -> None:
        count = 0
        for registration in queryset.exclude(status=Registration.Status.CANCELLED):
            try:
                services.link_replace(registration=registration)
            except RegistrationError as error:
                self._refused(request, registration, error)
            else:
                count += 1
        self._done(
            request,
            count,
            ngettext("%(count)d private link replaced and sent.", "%(count)d private links replaced and sent.", count),
        )

    @admin.action(description=_("Export the selected rows (CSV)"), permissions=["export"])
    def export_selected_csv(self, request, queryset):
        return reports.export_response(request, registrations=queryset, file_format="csv", detail=_selection(request))

    @admin.action(description=_("Export the selected rows (XLSX)"), permissions=["export"])
    def export_selected_xlsx(self, request, queryset):
        return reports.export_response(request, registrations=queryset, file_format="xlsx", detail=_selection(request))

    @admin.action(description=_("Print name badges of the selected (PDF)"), permissions=["export"])
    def print_badges(self, request, queryset):
        response = documents.badges_for_selection(request, queryset)
        if response is None:
            messages.warning(request, _("None of the selected has a badge to print (unconfirmed or anonymised)."))
        return response

    @admin.action(description=_("Certificates of attendance of the selected (PDF)"), permissions=["export"])
    def issue_certificates(self, request, queryset):
        response = documents.certificates_for_selection(queryset)
        if response is None:
            messages.warning(request, _("None of the selected was checked in: there is no certificate to issue."))
        return response

    @admin.action(
        description=_("Anonymise the registrations of these events (only events past the retention period)"),
        permissions=["anonymise"],
    )
    def anonymise_events(self, request, queryset) -> None:
        due = privacy.events_due_for_anonymisation().filter(registrations__in=queryset).distinct()
        count = sum(privacy.event_anonymise(event=event) for event in due)
        self._done(
            request,
            count,
            ngettext("%(count)d registration anonymised.", "%(count)d registrations anonymised.", count),
        )

    def has_anonymise_permission(self, request) -> bool:
        return request.user.has_perm("registrations.anonymise_registration")


def _selection(request) -> dict:
    everything = request.POST.get("select_across") == "1"
    return {"scope": "filtered" if everything else "selected", "filters": request.GET.dict()}
