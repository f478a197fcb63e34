"""The participant list's filter form (a GET form). A value that does not validate is left out of the
filter, never an error page: the list says so, shows the error at the field, and is not narrowed by it."""

from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Div, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Part, RegistrantCountry, Seat

SEARCH_MAX_LENGTH = 100
ACTIVE_STATUSES = (Seat.Status.CONFIRMED, Seat.Status.WAITLISTED)


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or organisation"), max_length=SEARCH_MAX_LENGTH, required=False)
    part = forms.TypedChoiceField(label=_("Part of the programme"), coerce=int, required=False, empty_value=None)
    status = forms.ChoiceField(
        label=_("Seat status"),
        required=False,
        choices=[("", _("Any status")), *((status.value, status.label) for status in ACTIVE_STATUSES)],
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries")), *RegistrantCountry.choices]
    )

    def __init__(self, data=None, *, parts: list[Part]):
        # The parts are passed in (already fetched with their counts), so the form costs no query.
        super().__init__(data)
        self.fields["part"].choices = [("", _("All parts")), *((part.pk, part.name) for part in parts)]
        self.helper = FormHelper(self)
        self.helper.form_method = "get"
        self.helper.form_class = "portal-filters"
        self.helper.attrs = {"role": "search", "aria-label": _("Filter the participant list")}
        self.helper.layout = Layout(
            Row(
                Column("q", css_class="col-12 col-md-6 col-xl-3"),
                Column("part", css_class="col-12 col-md-6 col-xl-3"),
                Column("status", css_class="col-12 col-sm-6 col-xl-3"),
                Column("country", css_class="col-12 col-sm-6 col-xl-3"),
            ),
            # A button without a name, so the address carries only the filters.
            Div(StrictButton(_("Show"), type="submit", css_class="btn-primary"), css_class="mb-3"),
        )

    def filters(self) -> dict:
        """The valid filters, by name ({"part": 3, "q": "Győr"}); invalid and empty ones are left out."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.fields if cleaned.get(name) not in (None, "")}
