"""Seats reserved per country, edited on the part's page: never more in all than the part's capacity."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import CountryReservation


class ReservationFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        total = sum(
            form.cleaned_data.get("seats") or 0
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        )
        # The part as edited in the same form: its new capacity, not the stored one.
        capacity = self.instance.capacity
        if total and capacity is None:
            raise forms.ValidationError(
                _("Seats can be reserved only on a part with a capacity."), code="reservations_without_capacity"
            )
        if total and total > capacity:
            raise forms.ValidationError(
                _("The reserved seats (%(total)d) exceed the capacity of the part (%(capacity)d)."),
                code="reservations_over_capacity",
                params={"total": total, "capacity": capacity},
            )


class CountryReservationInline(admin.TabularInline):
    model = CountryReservation
    formset = ReservationFormSet
    extra = 0
    max_num = 4
    fields = ["country", "seats"]
    verbose_name = _("seats reserved for a country")
    verbose_name_plural = _("seats reserved per country")
