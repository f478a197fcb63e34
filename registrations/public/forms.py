"""The registration form."""

from crispy_forms.layout import Field
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from ..forms import DetailsForm

# The country a visitor most likely comes from, by the language they read the form in.
COUNTRY_BY_LANGUAGE = {"cs": "CZ", "sk": "SK", "pl": "PL", "hu": "HU"}


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
        # Most follow the seminar in the language they read the form in; they may choose another.
        self.fields["interpretation_language"].initial = get_language()

    def groups(self) -> list[tuple[str | None, list[str]]]:
        """The private page's sections, with the address after the name and the privacy notice first among
        the consents."""
        about, parts, needs, (consents, consent_fields) = super().groups()
        names = self.name_fields()
        about = (about[0], [*names, "email", *about[1][len(names) :]])
        return [about, parts, needs, (consents, ["privacy", *consent_fields])]

    def layout_items(self) -> list:
        return [*super().layout_items(), Field("website", wrapper_class="visually-hidden")]

    def page_order(self) -> list[str]:
        return [*super().page_order(), "website"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if any(char in email for char in "\r\n"):  # Django 6 raises ValueError on a header with a line break
            raise forms.ValidationError(_("Enter a valid e-mail address."), code="invalid")
        return email

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
