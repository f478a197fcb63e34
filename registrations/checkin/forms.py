"""The door's forms: a walk-in, added by a staff member for someone who turned up unregistered."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from ..forms import ErrorSummaryMixin, single_line
from ..models import RegistrantCountry


class WalkInForm(ErrorSummaryMixin, forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=RegistrantCountry.choices)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        required=False,
        help_text=_("Optional. With an address, the person receives the link to their registration."),
    )
    # Shown only after the warning that the part is full: the staff member's explicit decision.
    over_capacity = forms.BooleanField(label=_("Seat this person anyway, over capacity"), required=False)
    # Sent with the form that showed the warning: a tick counts only if the warning was on the page.
    warned = forms.BooleanField(required=False, initial=True, widget=forms.HiddenInput)

    def __init__(self, *args, part_is_full: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_method = "post"
        self.helper.attrs = {"novalidate": ""}
        fields = [
            Field("first_name", autocomplete="off"),
            Field("last_name", autocomplete="off"),
            "organisation",
            "country",
            Field("email", autocomplete="off"),
        ]
        if part_is_full:
            fields += ["over_capacity", "warned"]
        else:
            del self.fields["over_capacity"], self.fields["warned"]
        self.helper.layout = Layout(*fields)
        self.helper.add_input(Submit("submit", _("Add and check in"), css_class="btn-lg"))

    def clean_first_name(self) -> str:
        return single_line(self.cleaned_data["first_name"])

    def clean_last_name(self) -> str:
        return single_line(self.cleaned_data["last_name"])

    def clean_organisation(self) -> str:
        return single_line(self.cleaned_data["organisation"])

    def staff_decided_over_capacity(self) -> bool:
        return bool(self.cleaned_data.get("over_capacity") and self.cleaned_data.get("warned"))
