"""A solid, plain admin for parts, registrations and e-mails. Every change of seats goes through the
services, so the admin keeps the rules (capacity, waiting list, e-mails) like the public pages do."""

from functools import partial

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from events.admin import CheckedFiltersMixin, TranslationStatusMixin

from ..exceptions import RegistrationError
from ..forms import RegistrationStaffForm
from ..models import EmailLog, Part, Registration, ReportedAttendance, Seat
from ..selectors import waitlist_position
from ..services import privacy
from ..services import registration as services
from ..services import reservations as reservation_services
from . import (
    by_hand,
    documents,
    funder,
    organisers,  # noqa: F401 - registers the admin pages for talking to registrants
    reports,
    substitute,
)
from .actions import RegistrationActionsMixin
from .filters import CheckedInFilter, EmailStateFilter, PartFilter, SeatStatusFilter
from .reservations import CountryReservationInline
from .waitlist import give_seat_view, waitlist_view


@admin.register(Part)
class PartAdmin(CheckedFiltersMixin, TranslationStatusMixin, TabbedTranslationAdmin):
    list_display = ["name", "event", "date", "capacity", "confirmed", "waitlisted", "order", "translation_status"]
    list_filter = ["event"]
    list_select_related = ["event"]
    search_fields = ["name_cs", "name_en"]
    readonly_fields = ["translation_status"]
    fields = [
        "event",
        "name",
        "description",
        "date",
        ("start_time", "end_time"),
        "meeting_place",
        "capacity",
        "reservations_release_at",
        "order",
        "translation_status",
    ]
    inlines = [CountryReservationInline]

    class Media:
        css = {"all": ("css/admin.css",)}

    def get_queryset(self, request):
        return super().get_queryset(request).with_seat_counts()

    @admin.display(description=_("confirmed"), ordering="confirmed_count")
    def confirmed(self, part: Part) -> int:
        return part.confirmed_count

    @admin.display(description=_("waiting list"), ordering="waitlisted_count")
    def waitlisted(self, part: Part) -> str:
        url = reverse("admin:registrations_part_waitlist", args=[part.pk])
        return format_html('<a href="{}">{}</a>', url, part.waitlisted_count)

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(partial(view, model_admin=self))

        return [
            path("<int:part_id>/waitlist/", wrap(waitlist_view), name="registrations_part_waitlist"),
            path(
                "<int:part_id>/waitlist/<int:seat_id>/give/",
                wrap(give_seat_view),
                name="registrations_part_give_seat",
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        reservation_services.part_save(part=obj)

    def save_related(self, request, form, formsets, change):
        # Once the reservations are saved too: a larger capacity or a smaller reservation hands the seats
        # it frees to the waiting list at once, under the part's lock.
        super().save_related(request, form, formsets, change)
        promoted = reservation_services.part_promote(part=form.instance)
        if promoted:
            count = len(promoted)
            self.message_user(
                request,
                ngettext(
                    "%(count)d person moved up from the waiting list and was told by e-mail.",
                    "%(count)d people moved up from the waiting list and were told by e-mail.",
                    count,
                )
                % {"count": count},
                messages.SUCCESS,
            )


class SeatInline(admin.TabularInline):
    model = Seat
    extra = 0
    can_delete = False
    fields = ["part", "status", "waitlist_position", "since", "checked_in_at", "over_capacity"]
    readonly_fields = fields

    @admin.display(description=_("position on the waiting list"))
    def waitlist_position(self, seat: Seat) -> str:
        if seat.status != Seat.Status.WAITLISTED:
            return "–"
        url = reverse("admin:registrations_part_waitlist", args=[seat.part_id])
        return format_html('<a href="{}">{}</a>', url, waitlist_position(seat))

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class EmailLogInline(admin.TabularInline):
    model = EmailLog
    extra = 0
    can_delete = False
    fields = ["kind", "language", "subject", "created", "sent_at", "error"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Registration)
class RegistrationAdmin(CheckedFiltersMixin, RegistrationActionsMixin, admin.ModelAdmin):
    form = RegistrationStaffForm  # the registrant's phone rule, also when staff edit the number
    list_display = [
        "__str__",
        "organisation",
        "country",
        "language",
        "status",
        "seat_statuses",
        "created",
        "confirmed_at",
    ]
    list_filter = [
        "event",
        PartFilter,
        SeatStatusFilter,
        CheckedInFilter,
        "status",
        "country",
        "language",
        "interpretation_language",
        "diet",
        "role",
        "is_demo",
    ]
    list_select_related = ["event"]
    search_fields = ["first_name", "last_name", "email", "organisation"]
    date_hierarchy = "created"
    inlines = [SeatInline, EmailLogInline]
    actions = [
        "confirm_on_behalf",
        "move_up",
        "cancel_registrations",
        "resend_last_email",
        "replace_link",
        "export_selected_csv",
        "export_selected_xlsx",
        "print_badges",
        "issue_certificates",
        "anonymise_events",
    ]
    readonly_fields = [
        "event",
        "email",
        "status",
        "language",
        "privacy_version",
        "privacy_language",
        "privacy_accepted_at",
        "created",
        "updated",
        "confirmed_at",
        "confirm_expires_at",
        "invited_by",
        "invited_by_organisers",
        "parts_link",
        "substitute_link",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "event",
                    "status",
                    "language",
                    "is_demo",
                    "parts_link",
                    ("invited_by", "invited_by_organisers"),
                ]
            },
        ),
        (
            _("Person"),
            {
                "fields": [
                    ("first_name", "last_name"),
                    "email",
                    "phone",
                    "organisation",
                    "position",
                    "country",
                    "interpretation_language",
                    "role",
                    "substitute_link",
                ]
            },
        ),
        (_("Needs"), {"fields": ["diet", "diet_other", "accessibility_needs", "note"]}),
        (
            _("Consents"),
            {
                "fields": [
                    ("privacy_version", "privacy_language", "privacy_accepted_at"),
                    "consent_photos",
                    "consent_sharing",
                ]
            },
        ),
        (_("Times"), {"fields": ["created", "updated", "confirmed_at", "confirm_expires_at"]}),
    ]

    def get_queryset(self, request):
        seats = Seat.objects.select_related("part").exclude(status=Seat.Status.CANCELLED)
        return super().get_queryset(request).prefetch_related(Prefetch("seats", seats, to_attr="held_seats"))

    @admin.display(description=_("parts of the programme"))
    def parts_link(self, registration: Registration) -> str:
        if registration.pk is None or registration.status == Registration.Status.CANCELLED:
            return "–"
        url = reverse("admin:registrations_registration_parts", args=[registration.pk])
        return format_html('<a href="{}">{}</a>', url, _("Change the parts of the programme"))

    @admin.display(description=_("parts of the programme"))
    def seat_statuses(self, registration: Registration) -> str:
        return " · ".join(f"{seat.part.name}: {seat.get_status_display()}" for seat in registration.held_seats) or "–"

    @admin.display(description=_("substitute"))
    def substitute_link(self, registration: Registration) -> str:
        if registration.status != Registration.Status.ACTIVE:
            return "–"
        url = reverse("admin:registrations_registration_substitute", args=[registration.pk])
        return format_html('<a href="{}">{}</a>', url, _("Send the place to a colleague"))

    def add_view(self, request, form_url="", extra_context=None):
        # Not the model's form: a registration added by hand goes through the same rules as the public form,
        # and the person confirms the address and the privacy notice themselves (admin/by_hand.py).
        return by_hand.add_by_hand(request, model_admin=self)

    def delete_model(self, request, obj: Registration) -> None:
        # Its seats go to the waiting list, and nothing of the person stays behind (registrations/traces.py).
        privacy.registration_erase(registration=obj)

    def delete_queryset(self, request, queryset) -> None:
        for registration in queryset:
            privacy.registration_erase(registration=registration)

    def has_export_permission(self, request) -> bool:
        return request.user.has_perm(reports.EXPORT_PERMISSION)

    def get_urls(self):
        def wrap(view, **kwargs):
            return self.admin_site.admin_view(partial(view, model_admin=self, **kwargs))

        return [
            path("overview/", wrap(reports.overview_index), name="registrations_registration_overview_index"),
            path("overview/<int:event_id>/", wrap(reports.overview), name="registrations_registration_overview"),
            path(
                "attendance/<int:part_id>/",
                wrap(reports.attendance_sheet),
                name="registrations_registration_attendance",
            ),
            path("import/", wrap(by_hand.import_table), name="registrations_registration_import"),
            path(
                "<path:object_id>/parts/",
                wrap(by_hand.change_parts),
                name="registrations_registration_parts",
            ),
            path("badges/<int:event_id>/", wrap(documents.badges_page), name="registrations_registration_badges"),
            path(
                "<int:registration_id>/badge.pdf",
                wrap(documents.single_badge),
                name="registrations_registration_badge",
            ),
            path("funder-report/", wrap(funder.report), name="registrations_registration_funder_report"),
            path(
                "funder-report/<int:event_id>/participants.<str:file_format>",
                wrap(funder.participants),
                name="registrations_registration_funder_participants",
            ),
            path(
                "funder-report/<int:event_id>/attendance.pdf",
                wrap(funder.attendance_sheets),
                name="registrations_registration_funder_attendance",
            ),
            path(
                "<int:registration_id>/substitute/",
                wrap(substitute.substitute),
                name="registrations_registration_substitute",
            ),
            path(
                "export/<str:file_format>/",
                self.admin_site.admin_view(self.export_filtered),
                name="registrations_registration_export",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        event = request.GET.get("event__id__exact", "")
        overview = (
            reverse("admin:registrations_registration_overview", args=[event])
            if event.isdigit()
            else reverse("admin:registrations_registration_overview_index")
        )
        context = {"can_export": self.has_export_permission(request), "overview_url": overview}
        return super().changelist_view(request, {**context, **(extra_context or {})})

    def export_filtered(self, request, file_format: str):
        """Every row of the list as filtered and searched now (the buttons above the list carry the filters)."""
        if file_format not in {"csv", "csv-excel", "xlsx"}:
            raise Http404
        if not self.has_export_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return redirect("admin:registrations_registration_changelist")
        detail = {"scope": "filtered", "filters": request.GET.dict()}
        registrations = changelist.get_queryset(request)
        # Active registrations unless the list is filtered by status: the pending and cancelled on request.
        if "status__exact" not in request.GET:
            registrations = registrations.filter(status=Registration.Status.ACTIVE)
        part_id = request.GET.get(PartFilter.parameter_name, "")
        part = Part.objects.filter(pk=part_id).first() if part_id.isdigit() and len(part_id) < 10 else None
        return reports.export_response(
            request, registrations=registrations, file_format=file_format, detail=detail, part=part
        )


@admin.register(EmailLog)
class EmailLogAdmin(CheckedFiltersMixin, admin.ModelAdmin):
    list_display = ["created", "kind", "recipient", "language", "state", "attempts"]
    list_filter = [EmailStateFilter, "kind", "language"]
    search_fields = ["recipient", "subject"]
    readonly_fields = [
        "registration",
        "event",
        "part",
        "kind",
        "language",
        "recipient",
        "subject",
        "created",
        "sent_at",
        "attempts",
        "failed_at",
        "error",
    ]
    actions = ["resend"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("state"))
    def state(self, log: EmailLog) -> str:
        if log.sent_at:
            return _("sent")
        if log.failed_at:
            return _("failed")
        if log.attempts:
            return _("waiting to be sent (tried before)")
        return _("waiting to be sent")

    @admin.action(description=_("Send the selected e-mails again (in the registrant's language)"))
    def resend(self, request, queryset) -> None:
        sent = 0
        for log in queryset.select_related("registration"):
            try:
                services.email_resend(log=log)
            except RegistrationError as error:
                self.message_user(request, f"{log}: {error.message}", messages.WARNING)
            else:
                sent += 1
        self.message_user(
            request,
            ngettext("%(count)d e-mail sent again.", "%(count)d e-mails sent again.", sent) % {"count": sent},
            messages.SUCCESS,
        )


# Django's own list of groups gets the same checked filters as ours (the users' list: accounts/admin.py).
admin.site.unregister(Group)


@admin.register(ReportedAttendance)
class ReportedAttendanceAdmin(CheckedFiltersMixin, admin.ModelAdmin):
    """Figures for the report for the funder, for days whose attendance the site did not record."""

    list_display = ["event", "date", "country", "participants", "source"]
    list_filter = ["event", "country"]
    list_select_related = ["event"]
    fields = ["event", "date", "country", "participants", "source"]


@admin.register(Group)
class GroupAdmin(CheckedFiltersMixin, auth_admin.GroupAdmin):
    pass
