"""What the registration pages share: a registrant's details as a form, the parts to choose with their seats
left, the error summary, and "send my link again" (also on the page of a link that does not work). Crispy
layouts live here."""

import unicodedata

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from events.models import Event

from . import selectors
from .models import DETAIL_FIELDS, Part, RegistrantCountry, Registration
from .phones import InvalidPhoneNumber, phone_display, phone_example, phone_normalise

# Line breaks, tabs, zero-width and other invisible characters have no place in a name: they break
# e-mail headers, exports and badges. Letters with any diacritic are letters (category L*) and pass.
FORBIDDEN_IN_LINE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
ALLOWED_IN_TEXT = {"\n", "\r", "\t"}


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


def country_availability(part: Part) -> str:
    """ "Free seats reserved per country: Czechia 3, Slovakia 0; open to everyone: 2", or nothing for a part
    without reservations in force (needs `selectors.with_country_seats`)."""
    rows = getattr(part, "country_seats", None)
    if not rows:
        return ""
    countries = ", ".join(f"{row['label']} {row['left']}" for row in rows)
    return gettext("Free seats reserved per country: %(countries)s; open to everyone: %(open)d") % {
        "countries": countries,
        "open": part.open_seats_left,
    }


class PartChoiceIterator(forms.models.ModelChoiceIterator):
    """The parts with their free seats per country, counted for all of them at once."""

    def __iter__(self):
        for part in selectors.with_country_seats(list(self.queryset)):
            yield self.choice(part)


class PartChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple
    iterator = PartChoiceIterator

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
        """Name, date and times, seats left (per country where seats are reserved); below, in smaller type,
        where to meet and what the part includes, so one chooses knowing what the study tour is (escaped:
        staff write these texts)."""
        texts = (part.name, part.when(), availability(part), country_availability(part))
        label = " · ".join(text for text in texts if text)
        details = [gettext("Where to meet") + ": " + part.meeting_place] if part.meeting_place else []
        details += [part.description] if part.description else []
        if not details:
            return label
        return format_html(
            '{}<span class="part-choice__details">{}</span>',
            label,
            format_html_join("", "<span>{}</span>", ((d,) for d in details)),
        )


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


class PhoneRuleMixin:
    """One rule for the phone number on every form that edits it (the registration form, the private page,
    the admin): written as people write it in the chosen country, stored in international E.164 form.

    A number stored before this rule that it does not accept stays as it is while it is left unchanged, so
    an old registration can still be edited."""

    def clean_phone_number(self, cleaned: dict) -> None:
        if "phone" not in cleaned:  # already refused (too long)
            return
        country = cleaned.get("country") or getattr(self.instance, "country", None)
        try:
            cleaned["phone"] = phone_normalise(cleaned["phone"], country)
        except InvalidPhoneNumber:
            if "phone" in self.changed_data:
                message = gettext(
                    "Please enter a valid phone number, e.g. %(example)s. A number from another country needs + "
                    "and its country code."
                ) % {"example": phone_example(get_language())}
                self.add_error("phone", forms.ValidationError(message, code="phone"))


class DetailsForm(PhoneRuleMixin, ErrorSummaryMixin, forms.ModelForm):
    """A registrant's details and parts: the fields are the model's (`DETAIL_FIELDS`, one list), labelled as
    the registrant reads them. Used on the private page as it is; the registration form adds the address.

    Only validates: every write goes through the services, which also keep the rule of one registration
    per address and event (so the form never asks the database about other registrations)."""

    parts = PartChoiceField(
        label=_("Parts of the programme"),
        queryset=Part.objects.none(),
        error_messages={"required": _("Please choose at least one part of the programme.")},
    )

    class Meta:
        model = Registration
        fields = DETAIL_FIELDS
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "phone": _("Phone"),
            "organisation": _("Organisation"),
            "position": _("Position"),
            "country": _("Country"),
            "interpretation_language": _("Language of interpretation"),
            "diet": _("Dietary requirements"),
            "diet_other": _("Other dietary requirements"),
            "accessibility_needs": _("Accessibility needs"),
            "note": _("Note for the organisers"),
            "consent_photos": _(
                "I agree to being photographed and filmed at the event for the project's reports and website."
            ),
            "consent_sharing": _(
                "I agree that the partner associations of the other countries may see my name, organisation, "
                "country and the parts of the programme I chose. The partner association of my own country always "
                "sees my registration in full."
            ),
        }
        help_texts = {
            "organisation": _("Your municipality, town or institution."),
            "position": _("For example mayor, councillor, officer."),
            "interpretation_language": _(
                "The language in which you will follow the seminar; the interpreters are booked accordingly."
            ),
            "accessibility_needs": _("For example wheelchair access, an induction loop, a sign language interpreter."),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "position": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "diet": forms.RadioSelect,
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    submit_label = _("Save changes")

    def __init__(self, *args, event: Event, only_parts: list[int] | None = None, **kwargs):
        """`only_parts`: offer only these parts (after registration has closed, those already held)."""
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["phone"].help_text = gettext(
            "Optional. As you usually write it, e.g. %(example)s. A number from another country needs + and its "
            "country code."
        ) % {"example": phone_example(get_language())}
        # A country is always chosen: the form starts on the visitor's own (no empty "---------" choice).
        self.fields["country"].choices = RegistrantCountry.choices
        # Each language in its own name, as the site lists them; empty for someone who has not said.
        if "interpretation_language" in self.fields:
            not_given = pgettext("a field left empty", "not given")
            self.fields["interpretation_language"].choices = [("", not_given), *settings.LANGUAGES]
        parts = Part.objects.filter(event=event).with_seat_counts()
        if only_parts is not None:
            parts = parts.filter(pk__in=only_parts)
            self.fields["parts"].help_text = _("Registration is closed: you can drop a part, but not add one.")
        self.fields["parts"].queryset = parts
        self.helper = FormHelper(self)
        self.helper.form_method = "post"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(*self.layout_items())
        self.helper.add_input(Submit("submit", self.submit_label, css_class="btn-lg"))

    def validate_unique(self) -> None:
        """Nothing to ask the database: the services keep the rule of one registration per address."""

    def validate_constraints(self) -> None:
        """As above."""

    def name_fields(self) -> list[str]:
        # Hungarian readers expect the family name first (Győrffy Ödön).
        return ["last_name", "first_name"] if get_language() == "hu" else ["first_name", "last_name"]

    def groups(self) -> list[tuple[str | None, list[str]]]:
        """The form's sections in page order: (legend, fields); no legend for the parts' own fieldset."""
        return [
            (
                _("About you"),
                [*self.name_fields(), "phone", "organisation", "position", "country", "interpretation_language"],
            ),
            (None, ["parts"]),
            (_("Meals and needs"), ["diet", "diet_other", "accessibility_needs", "note"]),
            (_("Consents"), ["consent_photos", "consent_sharing"]),
        ]

    def layout_items(self) -> list:
        return [
            Fieldset(legend, *names, css_class="mb-4") if legend else Field(*names) for legend, names in self.groups()
        ]

    def page_order(self) -> list[str]:
        return [name for _legend, names in self.groups() for name in names]

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

    def clean(self):
        cleaned = super().clean()
        self.clean_phone_number(cleaned)
        if cleaned.get("diet") == Registration.Diet.OTHER and not cleaned.get("diet_other"):
            self.add_error("diet_other", _("Please describe your dietary requirements."))
        elif cleaned.get("diet") != Registration.Diet.OTHER:
            cleaned["diet_other"] = ""
        return cleaned


class RegistrationStaffForm(PhoneRuleMixin, forms.ModelForm):
    """The admin's change form of a registration: the registrant's phone rule applies there too."""

    class Meta:
        model = Registration
        fields = DETAIL_FIELDS

    def clean(self):
        cleaned = super().clean()
        self.clean_phone_number(cleaned)
        return cleaned


def details_initial(registration: Registration) -> dict:
    """A registration's details as a form's starting values, the phone grouped for reading."""
    initial = {field: getattr(registration, field) for field in DETAIL_FIELDS}
    initial["phone"] = phone_display(registration.phone)
    return initial


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


class SubstituteForm(ErrorSummaryMixin, forms.Form):
    """ "Send my place to a colleague": who the colleague is, and the language of the e-mails to them."""

    first_name = forms.CharField(label=_("Colleague's first name"), max_length=100)
    last_name = forms.CharField(label=_("Colleague's last name"), max_length=100)
    email = forms.EmailField(
        label=_("Colleague's e-mail"),
        max_length=254,
        help_text=_("We will send your colleague a link to accept the place."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    language = forms.ChoiceField(label=_("Language of the e-mails to your colleague"))

    def __init__(self, *args, submit_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language in its own name (settings.LANGUAGES), so the choice reads right in any page language.
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["language"].initial = get_language()
        self.helper = FormHelper(self)
        self.helper.form_method = "post"
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("submit", submit_label or _("Send the offer")))

    def clean_first_name(self) -> str:
        return single_line(self.cleaned_data["first_name"])

    def clean_last_name(self) -> str:
        return single_line(self.cleaned_data["last_name"])


class SubstituteAcceptForm(ErrorSummaryMixin, forms.Form):
    """The colleague's own acceptance of the privacy notice, on the page that takes over the place."""

    privacy = forms.BooleanField(
        error_messages={"required": _("Please confirm that you have read the privacy notice.")},
    )
    summary_labels = {"privacy": _("Privacy notice")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["privacy"].label = format_html(
            gettext('I have read the <a href="{url}">privacy notice</a> and agree to the processing of my data.'),
            url=reverse("events:privacy"),
        )
        self.helper = FormHelper(self)
        self.helper.form_method = "post"
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("submit", _("Take over the place"), css_class="btn-lg"))


class DelegateForm(DetailsForm):
    """A person registered by someone else: a partner association's delegate (its country fixed, the
    fields of `BRIEF_FIELDS`) or the organisers' registration by hand (every detail). The same fields, labels
    and checks as the public form, plus the address and the language of the e-mails; never a consent, which
    only the person gives, on the confirmation page."""

    BRIEF_FIELDS = ("first_name", "last_name", "organisation", "position")

    email = forms.EmailField(label=_("E-mail"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "off"}))
    language = forms.ChoiceField(
        label=_("Language of the e-mails"),
        choices=settings.LANGUAGES,
        help_text=_("The person receives every e-mail in this language."),
    )

    submit_label = _("Send the invitation")

    def __init__(self, *args, event: Event, country: str = "", brief: bool = True, **kwargs):
        """`country`: the partner association's own, which cannot be changed; `brief`: only the fields a
        partner fills in."""
        super().__init__(*args, event=event, **kwargs)
        keep = (
            {*self.BRIEF_FIELDS, "email", "language", "parts"}
            if brief
            else set(self.fields)
            - {
                "consent_photos",
                "consent_sharing",
            }
        )
        if country:
            keep.discard("country")
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        self.country = country
        self.fields["language"].initial = LANGUAGE_BY_COUNTRY.get(country, get_language())
        self.fields["email"].help_text = _("The person confirms this address and the privacy notice themselves.")
        self.helper.layout = Layout(*self.layout_items())

    def groups(self) -> list[tuple[str | None, list[str]]]:
        fields = [
            *self.name_fields(),
            "email",
            "language",
            "phone",
            "organisation",
            "position",
            "country",
            "interpretation_language",
        ]
        groups = [
            (_("The person"), fields),
            (None, ["parts"]),
            (_("Meals and needs"), ["diet", "diet_other", "accessibility_needs", "note"]),
        ]
        return [
            (legend, [name for name in names if name in self.fields])
            for legend, names in groups
            if any(name in self.fields for name in names)
        ]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if any(char in email for char in "\r\n"):  # Django 6 raises ValueError on a header with a line break
            raise forms.ValidationError(_("Enter a valid e-mail address."), code="invalid")
        return email

    def clean(self):
        cleaned = super().clean()
        if self.country:
            cleaned["country"] = self.country
        return cleaned


# The language a partner association's delegates most likely read, by its country.
LANGUAGE_BY_COUNTRY = {"CZ": "cs", "SK": "sk", "PL": "pl", "HU": "hu"}


class InvitationAcceptForm(ErrorSummaryMixin, forms.Form):
    """The confirmation page of someone registered by a partner association or the organisers: the person
    accepts the privacy notice and gives, or not, the other consents; no one did it for them."""

    privacy = forms.BooleanField(
        error_messages={"required": _("Please confirm that you have read the privacy notice.")},
    )
    consent_photos = forms.BooleanField(required=False, label=DetailsForm.Meta.labels["consent_photos"])
    consent_sharing = forms.BooleanField(required=False, label=DetailsForm.Meta.labels["consent_sharing"])

    summary_labels = {"privacy": _("Privacy notice")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["privacy"].label = format_html(
            gettext('I have read the <a href="{url}">privacy notice</a> and agree to the processing of my data.'),
            url=reverse("events:privacy"),
        )
        self.helper = FormHelper(self)
        self.helper.form_method = "post"
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("submit", _("Confirm my registration"), css_class="btn-lg"))
