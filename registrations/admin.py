"""A solid, plain admin for parts, registrations and e-mails. Every change of seats goes through the
services, so the admin keeps the rules (capacity, waiting list, e-mails) like the public pages do."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from events.admin import TranslationStatusMixin

from . import services
from .exceptions import RegistrationError
from .models import EmailLog, Part, Registration, Seat


@admin.register(Part)
class PartAdmin(TranslationStatusMixin, TabbedTranslationAdmin):
    list_display = ["name", "event", "date", "capacity", "confirmed", "waitlisted", "order", "translation_status"]
    list_filter = ["event"]
    list_select_related = ["event"]
    search_fields = ["name_cs", "name_en"]
    readonly_fields = ["translation_status"]
    fields = ["event", "name", "description", "date", "capacity", "order", "translation_status"]

    class Media:
        css = {"all": ("css/admin.css",)}

    def get_queryset(self, request):
        return super().get_queryset(request).with_seat_counts()

    @admin.display(description=_("confirmed"), ordering="confirmed_count")
    def confirmed(self, part: Part) -> int:
        return part.confirmed_count

    @admin.display(description=_("waiting list"), ordering="waitlisted_count")
    def waitlisted(self, part: Part) -> int:
        return part.waitlisted_count

    def save_model(self, request, obj, form, change):
        # A larger capacity hands the new seats to the waiting list at once, under the part's lock.
        promoted = services.part_save(part=obj)
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
    fields = ["part", "status", "since"]
    readonly_fields = fields

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
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "country", "language", "status", "parts", "created", "confirmed_at"]
    list_filter = ["event", "status", "country", "language", "diet", "is_demo"]
    list_select_related = ["event"]
    search_fields = ["first_name", "last_name", "email", "organisation"]
    date_hierarchy = "created"
    inlines = [SeatInline, EmailLogInline]
    actions = ["cancel_registrations"]
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
    ]
    fieldsets = [
        (None, {"fields": ["event", "status", "language", "is_demo"]}),
        (
            _("Person"),
            {"fields": [("first_name", "last_name"), "email", "phone", "organisation", "position", "country"]},
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
        seats = Count("seats", filter=~Q(seats__status=Seat.Status.CANCELLED))
        return super().get_queryset(request).annotate(seat_count=seats)

    @admin.display(description=_("parts"), ordering="seat_count")
    def parts(self, registration: Registration) -> int:
        return registration.seat_count

    def has_add_permission(self, request) -> bool:
        # Registrations come through the form, which checks the address and takes seats by the rules.
        return False

    @admin.action(description=_("Cancel the selected registrations (the registrants are told by e-mail)"))
    def cancel_registrations(self, request, queryset) -> None:
        count = 0
        for registration in queryset.exclude(status=Registration.Status.CANCELLED):
            services.registration_cancel(registration=registration)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d registration cancelled.", "%(count)d registrations cancelled.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(EmailLog)
class EmailLogAdmin(admin.ModelAdmin):
    list_display = ["created", "kind", "recipient", "language", "sent_at", "has_error"]
    list_filter = ["kind", "language", ("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["recipient", "subject"]
    readonly_fields = ["registration", "kind", "language", "recipient", "subject", "created", "sent_at", "error"]
    actions = ["resend"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("failed"), boolean=True)
    def has_error(self, log: EmailLog) -> bool:
        return bool(log.error)

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
