"""The admin's pages for talking to registrants: messages from the organisers (write once per language in
tabs, see who gets it and a preview for a real recipient in each language, then send now or at a chosen
time), the automatic e-mails of each event, and the organisers' daily digest subscriptions.

A message shows its recipients' count and who will get English (their language's text is empty) before it
goes; once ordered it can no longer change. Previews never carry a real private link."""

import copy

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from events.admin import CheckedFiltersMixin

from ..mail.organisers import build_message_email, build_rule_email
from ..mail.placeholders import LANGUAGE_CODES, PLACEHOLDERS, check_text
from ..mail.recipients import languages_needing_english, recipients_of
from ..models import AutomaticRule, DigestSubscription, Message, Part, RuleDelivery
from ..services import messaging

SEND_PERMISSION = "registrations.send_message"
PREVIEW_TOKEN = "preview"  # noqa: S105 - not a secret: it stands for the private link in previews: a real one must not show on screen


def placeholder_help() -> str:
    return format_html(
        "{}<ul>{}</ul>",
        _("Placeholders, replaced for each recipient:"),
        format_html_join("", "<li><code>{{{}}}</code> {}</li>", ((key, label) for key, label in PLACEHOLDERS.items())),
    )


class TextsForm(forms.ModelForm):
    """Checks the placeholders of every language's texts, and that the chosen parts are the event's."""

    checked_texts: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        for field in self.checked_texts:
            for code in LANGUAGE_CODES:
                name = f"{field}_{code}"
                if name not in self.fields:  # read-only once sent
                    continue
                try:
                    check_text(cleaned.get(name) or "")
                except ValidationError as error:
                    self.add_error(name, error)
        event = cleaned.get("event")
        parts = cleaned.get("parts")
        if event is not None and parts and any(part.event_id != event.pk for part in parts):
            self.add_error("parts", _("Choose only parts of the selected event."))
        part = cleaned.get("part")
        if event is not None and part is not None and part.event_id != event.pk:
            self.add_error("part", _("Choose only parts of the selected event."))
        return cleaned


class MessageForm(TextsForm):
    checked_texts = ("subject", "body")

    def clean(self):
        cleaned = super().clean()
        english = [(cleaned.get(name) or "").strip() for name in ("subject_en", "body_en")]
        if "subject_en" in self.fields and not all(english):
            self.add_error(
                "subject_en",
                _("Write the subject and the text in English at least: they stand in for every language left empty."),
            )
        return cleaned


class RuleForm(TextsForm):
    checked_texts = ("subject", "opening")

    def clean(self):
        cleaned = super().clean()
        if (
            "subject_en" in self.fields
            and cleaned.get("kind") == AutomaticRule.Kind.OTHER
            and not ((cleaned.get("subject_en") or "").strip() and (cleaned.get("opening_en") or "").strip())
        ):
            self.add_error(
                "subject_en",
                _("An e-mail with your own text needs its subject and opening paragraph in English at least."),
            )
        return cleaned


def _preview_registrations(recipients) -> dict[str, object]:
    """A real recipient for each language: one who reads it, else the first recipient shown in it."""
    chosen = {}
    first = recipients.first()
    for code in LANGUAGE_CODES:
        registration = recipients.filter(language=code).first()
        if registration is None and first is not None:
            registration = copy.copy(first)
            registration.language = code
        if registration is not None:
            chosen[code] = registration
    return chosen


def preview_html(recipients, build) -> str:
    """The e-mail as each language's recipient would read it: subject and plain text, one block each."""
    chosen = _preview_registrations(recipients.select_related("event"))
    if not chosen:
        return _("Nobody matches the filters yet, so there is nobody to show the e-mail for.")
    blocks = []
    for code, registration in chosen.items():
        email = build(registration)
        blocks.append(
            (
                code,
                dict(settings.LANGUAGES)[code],
                registration.full_name(code),
                email.subject,
                email.body,
            )
        )
    return format_html_join(
        "",
        '<details class="message-preview" lang="{}"><summary>{} – {}</summary>'
        "<p><strong>{}</strong></p><pre>{}</pre></details>",
        blocks,
    )


def recipients_summary_html(obj, recipients, *, field: str) -> str:
    count = recipients.count()
    summary = format_html(
        "<p><strong>{}</strong></p>",
        ngettext("%(count)d recipient matches the filters.", "%(count)d recipients match the filters.", count)
        % {"count": count},
    )
    english = languages_needing_english(obj, recipients, field=field)
    if not english:
        return summary
    people = recipients.filter(language__in=english).order_by("last_name", "first_name")[:200]
    return format_html(
        '{}<div class="errornote" role="note"><p>{}</p><ul>{}</ul></div>',
        summary,
        _("The text is empty in these languages, so these recipients will get it in English:"),
        format_html_join(
            "", "<li>{} ({})</li>", ((person.full_name(person.language), person.language) for person in people)
        ),
    )


class PartsAsCheckboxes:
    """The parts as checkboxes named with their event (Django's two-box selector fails axe and a phone)."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name != "parts":
            return super().formfield_for_manytomany(db_field, request, **kwargs)
        kwargs["queryset"] = Part.objects.select_related("event").order_by("event__start_date", "event", "order")
        kwargs["widget"] = forms.CheckboxSelectMultiple
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        field.label_from_instance = lambda part: f"{part.event.title}: {part.name}"
        return field


@admin.register(Message)
class MessageAdmin(PartsAsCheckboxes, CheckedFiltersMixin, TabbedTranslationAdmin):
    form = MessageForm
    list_display = ["__str__", "event", "state", "recipient_count", "scheduled_by", "created"]
    list_filter = ["event"]
    list_select_related = ["event", "scheduled_by"]
    fieldsets = [
        (_("Recipients"), {"fields": ["event", "parts", "seat_status", "country", "checked_in", "recipients"]}),
        (_("Text in each language"), {"fields": ["subject", "body", "placeholders"]}),
        (_("Sending"), {"fields": ["send_at", "state", "send_button", "recipient_count", "scheduled_by"]}),
        (_("Preview"), {"fields": ["preview"]}),
    ]

    class Media:
        css = {"all": ("css/admin.css", "css/admin-messages.css")}
        js = ("js/admin-translation.js", "js/admin-tabs.js")

    def get_readonly_fields(self, request, obj=None):
        computed = ["recipients", "placeholders", "state", "send_button", "recipient_count", "scheduled_by", "preview"]
        if obj is not None and obj.scheduled_at is not None:
            # Ordered: what was sent (or is about to be) can no longer change.
            return [field.name for field in Message._meta.fields if field.editable] + ["parts", *computed]
        return computed

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("state"))
    def state(self, message: Message) -> str:
        if message.pk is None:
            return "–"
        if message.sent_at:
            return _("sent %(when)s") % {"when": timezone.localtime(message.sent_at).strftime("%Y-%m-%d %H:%M")}
        if message.scheduled_at:
            when = message.send_at or message.scheduled_at
            return _("to be sent %(when)s") % {"when": timezone.localtime(when).strftime("%Y-%m-%d %H:%M")}
        return _("draft")

    @admin.display(description=_("recipients"))
    def recipients(self, message: Message) -> str:
        if message.pk is None:
            return _("Save the message to see its recipients and a preview.")
        return recipients_summary_html(message, recipients_of(message), field="body")

    @admin.display(description=_("placeholders"))
    def placeholders(self, message: Message) -> str:
        return placeholder_help()

    @admin.display(description=_("preview"))
    def preview(self, message: Message) -> str:
        if message.pk is None:
            return "–"
        return preview_html(
            recipients_of(message),
            lambda registration: build_message_email(registration, message=message, token=PREVIEW_TOKEN),
        )

    @admin.display(description=_("send"))
    def send_button(self, message: Message) -> str:
        if message.pk is None or message.scheduled_at is not None:
            return "–"
        url = reverse("admin:registrations_message_send", args=[message.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("Send…"))

    def get_urls(self):
        return [
            path(
                "<int:message_id>/send/",
                self.admin_site.admin_view(self.send_view),
                name="registrations_message_send",
            ),
            *super().get_urls(),
        ]

    def send_view(self, request, message_id: int):
        """Asks once more, with the count and the English fallback, then sends (POST only)."""
        if not request.user.has_perm(SEND_PERMISSION):
            raise PermissionDenied
        message = get_object_or_404(Message.objects.select_related("event"), pk=message_id)
        change_url = reverse("admin:registrations_message_change", args=[message.pk])
        if message.scheduled_at is not None:
            self.message_user(request, _("This message has already been sent or scheduled."), messages.WARNING)
            return redirect(change_url)
        recipients = recipients_of(message)
        if request.method == "POST":
            message = messaging.message_send(message=message, user=request.user)
            count = recipients.count()
            self.log_change(request, message, f"sent to {count} recipients, at {message.send_at or 'once'}")
            self.message_user(
                request,
                ngettext("The message goes to %(count)d recipient.", "The message goes to %(count)d recipients.", count)
                % {"count": count},
                messages.SUCCESS,
            )
            return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Send the message"),
            "message": message,
            "summary": recipients_summary_html(message, recipients, field="body"),
            "change_url": change_url,
            "send_at": message.send_at if message.send_at and message.send_at > timezone.now() else None,
        }
        return TemplateResponse(request, "admin/registrations/message/send.html", context)


@admin.register(AutomaticRule)
class AutomaticRuleAdmin(PartsAsCheckboxes, CheckedFiltersMixin, TabbedTranslationAdmin):
    form = RuleForm
    list_display = ["__str__", "event", "kind", "when", "is_active", "moment", "sent"]
    list_filter = ["event", "kind", "is_active"]
    list_select_related = ["event", "part"]
    fieldsets = [
        (None, {"fields": ["event", "kind", "is_active"]}),
        (_("When"), {"fields": [("amount", "unit", "direction", "anchor"), "part", "moment"]}),
        (_("Recipients"), {"fields": ["parts", "seat_status", "country", "checked_in", "recipients"]}),
        (_("Text in each language"), {"fields": ["subject", "opening", "placeholders"]}),
        (_("Preview"), {"fields": ["preview"]}),
    ]
    readonly_fields = ["moment", "recipients", "placeholders", "preview"]

    class Media:
        css = {"all": ("css/admin.css", "css/admin-messages.css")}
        js = ("js/admin-translation.js", "js/admin-tabs.js")

    @admin.display(description=_("when"))
    def when(self, rule: AutomaticRule) -> str:
        return f"{rule.amount} {rule.get_unit_display()} {rule.get_direction_display()} ({rule.get_anchor_display()})"

    @admin.display(description=_("goes out"))
    def moment(self, rule: AutomaticRule) -> str:
        if rule.pk is None:
            return "–"
        moment = messaging.rule_moment(rule)
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else _("when the dates are known")

    @admin.display(description=_("sent"))
    def sent(self, rule: AutomaticRule) -> int:
        return RuleDelivery.objects.filter(rule=rule).count()

    @admin.display(description=_("recipients"))
    def recipients(self, rule: AutomaticRule) -> str:
        if rule.pk is None:
            return _("Save the e-mail to see its recipients and a preview.")
        count = recipients_of(rule).count()
        return ngettext(
            "%(count)d registrant matches the filters now.", "%(count)d registrants match the filters now.", count
        ) % {"count": count}

    @admin.display(description=_("placeholders"))
    def placeholders(self, rule: AutomaticRule) -> str:
        return placeholder_help()

    @admin.display(description=_("preview"))
    def preview(self, rule: AutomaticRule) -> str:
        if rule.pk is None:
            return "–"
        from ..models import Registration

        # Any registrant of the event shows the text; the filters may match nobody before the event.
        registrations = Registration.objects.filter(event=rule.event).exclude(status="cancelled").order_by("pk")
        return preview_html(
            registrations, lambda registration: build_rule_email(registration, rule=rule, token=PREVIEW_TOKEN)
        )


@admin.register(DigestSubscription)
class DigestSubscriptionAdmin(CheckedFiltersMixin, admin.ModelAdmin):
    """Each organiser subscribes themselves; a superuser sees and manages everyone's subscription."""

    list_display = ["user", "language", "is_active", "last_sent_on"]
    fields = ["user", "language", "is_active", "last_sent_on"]
    readonly_fields = ["last_sent_on"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        return queryset if request.user.is_superuser else queryset.filter(user=request.user)

    def get_readonly_fields(self, request, obj=None):
        return ["last_sent_on"] if request.user.is_superuser else ["user", "last_sent_on"]

    def get_changeform_initial_data(self, request):
        return {"user": request.user.pk, "language": getattr(request, "LANGUAGE_CODE", "cs")}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            obj.user = request.user
        super().save_model(request, obj, form, change)

    def has_add_permission(self, request) -> bool:
        if not super().has_add_permission(request):
            return False
        return request.user.is_superuser or not DigestSubscription.objects.filter(user=request.user).exists()
