"""The registration form, the form of the private page and "send my link again". Crispy layouts live here."""

import re
import unicodedata

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from events.models import Event

from .models import LONG_TEXT_MAX_LENGTH, Part, RegistrantCountry, Registration

# Line breaks, tabs, zero-width and other invisible characters have no place in a name: they break
# e-mail headers, exports and badges. Letters with any diacritic are letters (category L*) and pass.
FORBIDDEN_IN_LINE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
ALLOWED_IN_TEXT = {"\n", "\r", "\t"}
PHONE_PATTERN = re.compile(r"\+[0-9 ]+")
COUNTRY_BY_LANGUAGE = {"cs": "CZ", "sk": "SK", "pl": "PL", "hu": "HU"}


def single_line(value: str) -> str:
    if any(unicodedata.category(char) in FORBIDDEN_IN_LINE for char in value):
        raise forms.ValidationError(
            _("Please use letters, spaces and punctuation only, on one line (no line breaks or control characters)."),
            code="control_characters",
        )
    # NFC keeps every diacritic and stores "á" as one character whichever keyboard typed it.
    return unicodedata.normalize("NFC", value)


def multi_line(value: str) -> str:
    forbidden = FORBIDDEN_IN_LINE - {"Zl", "Zp"}
    if any(unicodedata.category(char) in forbidden and char not in ALLOWED_IN_TEXT for char in value):
        message = _("Please remove the control characters from this text.")
        raise forms.ValidationError(message, code="control_characters")
    return unicodedata.normalize("NFC", value)


def availability(part: Part) -> str:
    """ "12 seats left", "full — you will join the waiting list", or nothing for a part without a limit."""
    left = part.seats_left
    if left is None:
        return ""
    if left == 0:
        return gettext("full — you will join the waiting list")
    return ngettext("%(count)d seat left", "%(count)d seats left", left) % {"count": left}


class PartChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def _check_values(self, value):
        # An id no database column can hold (a 30-digit number) is as invalid as an unknown one; asking
        # the database would fail with an overflow instead of a form error.
        for pk in value:
            if not (str(pk).isascii() and str(pk).isdigit() and len(str(pk)) <= 18):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)

    def label_from_instance(self, part: Part) -> str:
        when = formats.date_format(part.date, "DATE_FORMAT")
        return " · ".join(text for text in (part.name, when, availability(part)) if text)


class ErrorSummaryMixin:
    # Shorter names for the list of errors where a field's label is long or holds a link.
    summary_labels: dict = {}

    def error_summary(self) -> list[dict]:
        """[{"anchor": "id_email", "label": "E-mail", "message": "…"}] for the list of errors at the top,
        in the order the fields appear on the page."""
        rows = []
        for name, errors in sorted(self.errors.items(), key=lambda item: self.position(item[0])):
            if name == NON_FIELD_ERRORS:
                rows.extend({"anchor": "", "label": "", "message": message} for message in errors)
                continue
            bound = self[name]
            # A group of checkboxes or radios has no single label target: link to its first input.
            anchor = bound.id_for_label or f"{bound.auto_id}_0"
            label = self.summary_labels.get(name, bound.label)
            rows.extend({"anchor": anchor, "label": label, "message": message} for message in errors)
        return rows

    def page_order(self) -> list[str]:
        return list(self.fields)

    def position(self, name: str) -> int:
        order = self.page_order()
        return order.index(name) if name in order else -1


class DetailsForm(ErrorSummaryMixin, forms.Form):
    """The registrant's details and parts: shared by the registration form and the private page."""

    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        help_text=_("Optional. In international format, e.g. +420 601 234 567."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, help_text=_("Your municipality, town or institution.")
    )
    position = forms.CharField(
        label=_("Position"), max_length=200, required=False, help_text=_("For example mayor, councillor, officer.")
    )
    country = forms.ChoiceField(label=_("Country"), choices=RegistrantCountry.choices)
    parts = PartChoiceField(
        label=_("Parts of the programme"),
        queryset=Part.objects.none(),
        error_messages={"required": _("Please choose at least one part of the programme.")},
    )
    diet = forms.ChoiceField(
        label=_("Dietary requirements"),
        choices=Registration.Diet.choices,
        initial=Registration.Diet.NONE,
        widget=forms.RadioSelect,
    )
    diet_other = forms.CharField(label=_("Other dietary requirements"), max_length=200, required=False)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=LONG_TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example wheelchair access, an induction loop, a sign language interpreter."),
    )
    note = forms.CharField(
        label=_("Note for the organisers"),
        max_length=LONG_TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent_photos = forms.BooleanField(
        label=_("I agree to being photographed and filmed at the event for the project's reports and website."),
        required=False,
    )
    consent_sharing = forms.BooleanField(
        label=_(
            "I agree that the partner associations of the other countries may see my name, organisation, country "
            "and the parts of the programme I chose. The partner association of my own country always sees my "
            "registration in full."
        ),
        required=False,
    )

    submit_label = _("Save changes")

    def __init__(self, *args, event: Event, only_parts: list[int] | None = None, **kwargs):
        """`only_parts`: offer only these parts (after registration has closed, those already held)."""
        super().__init__(*args, **kwargs)
        self.event = event
        parts = Part.objects.filter(event=event).with_seat_counts()
        if only_parts is not None:
            parts = parts.filter(pk__in=only_parts)
            self.fields["parts"].help_text = _("Registration is closed: you can drop a part, but not add one.")
        self.fields["parts"].queryset = parts
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["position"].widget.attrs["autocomplete"] = "organization-title"
        self.helper = FormHelper(self)
        self.helper.form_method = "post"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = self.build_layout()
        self.helper.add_input(Submit("submit", self.submit_label, css_class="btn-lg"))

    def name_fields(self) -> list[str]:
        # Hungarian readers expect the family name first (Győrffy Ödön).
        return ["last_name", "first_name"] if get_language() == "hu" else ["first_name", "last_name"]

    def page_order(self) -> list[str]:
        return [*self.name_fields(), *self.fields.keys()]

    def build_layout(self) -> Layout:
        return Layout(
            Fieldset(
                _("About you"), *self.name_fields(), "phone", "organisation", "position", "country", css_class="mb-4"
            ),
            Field("parts"),
            Fieldset(_("Meals and needs"), "diet", "diet_other", "accessibility_needs", "note", css_class="mb-4"),
            Fieldset(_("Consents"), "consent_photos", "consent_sharing", css_class="mb-4"),
        )

    def clean_first_name(self) -> str:
        return single_line(self.cleaned_data["first_name"])

    def clean_last_name(self) -> str:
        return single_line(self.cleaned_data["last_name"])

    def clean_organisation(self) -> str:
        return single_line(self.cleaned_data["organisation"])

    def clean_position(self) -> str:
        return single_line(self.cleaned_data["position"])

    def clean_diet_other(self) -> str:
        return single_line(self.cleaned_data["diet_other"])

    def clean_accessibility_needs(self) -> str:
        return multi_line(self.cleaned_data["accessibility_needs"])

    def clean_note(self) -> str:
        return multi_line(self.cleaned_data["note"])

    def clean_phone(self) -> str:
        phone = " ".join(self.cleaned_data["phone"].split())
        if not phone:
            return ""
        digits = sum(char.isdigit() for char in phone)
        if not PHONE_PATTERN.fullmatch(phone) or not 7 <= digits <= 15:
            message = _(
                "Please enter the phone number in international format: + and the country code, e.g. +420 601 234 567."
            )
            raise forms.ValidationError(message, code="phone")
        return phone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("diet") == Registration.Diet.OTHER and not cleaned.get("diet_other"):
            self.add_error("diet_other", _("Please describe your dietary requirements."))
        elif cleaned.get("diet") != Registration.Diet.OTHER:
            cleaned["diet_other"] = ""
        return cleaned


class RegistrationForm(DetailsForm):
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We will send you a link to confirm your registration."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    privacy = forms.BooleanField(
        error_messages={"required": _("Please confirm that you have read the privacy notice.")},
    )
    # A honeypot: hidden from people, filled in by bots. Its label tells screen reader users to skip it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    submit_label = _("Register")
    summary_labels = {"privacy": _("Privacy notice")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["privacy"].label = format_html(
            gettext('I have read the <a href="{url}">privacy notice</a> and agree to the processing of my data.'),
            url=reverse("events:privacy"),
        )
        self.fields["country"].initial = COUNTRY_BY_LANGUAGE.get(get_language(), "")

    def page_order(self) -> list[str]:
        fields = ["email", "phone", "organisation", "position", "country", "parts", "diet", "diet_other"]
        fields += ["accessibility_needs", "note", "privacy", "consent_photos", "consent_sharing", "website"]
        return [*self.name_fields(), *fields]

    def build_layout(self) -> Layout:
        return Layout(
            Fieldset(
                _("About you"),
                *self.name_fields(),
                "email",
                "phone",
                "organisation",
                "position",
                "country",
                css_class="mb-4",
            ),
            Field("parts"),
            Fieldset(_("Meals and needs"), "diet", "diet_other", "accessibility_needs", "note", css_class="mb-4"),
            Fieldset(_("Consents"), "privacy", "consent_photos", "consent_sharing", css_class="mb-4"),
            Field("website", wrapper_class="visually-hidden"),
        )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if any(char in email for char in "\r\n"):  # Django 6 raises ValueError on a header with a line break
            raise forms.ValidationError(_("Enter a valid e-mail address."), code="invalid")
        return email

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class LinkAgainForm(ErrorSummaryMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("The address you registered with."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_method = "post"
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("submit", _("Send my link")))
