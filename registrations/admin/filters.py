"""The registration list's filters. Each is an EXISTS subquery, so a registration with two matching seats
is listed once and the list needs no DISTINCT, also with thousands of rows. Each refuses a value it does
not offer (CheckedListFilter)."""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from events.admin import CheckedListFilter

from ..models import Part, Registration, Seat


def _held_seats(**filters) -> Exists:
    return Exists(Seat.objects.filter(registration=OuterRef("pk"), **filters).exclude(status=Seat.Status.CANCELLED))


class PartFilter(CheckedListFilter):
    """Who holds a seat on the part (or, not yet confirmed, chose it)."""

    title = _("part of the programme")
    parameter_name = "part"

    def lookups(self, request, model_admin):
        return [(part.pk, f"{part.event.title}: {part.name}") for part in Part.objects.select_related("event")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        chose = Registration.requested_parts.through.objects.filter(registration=OuterRef("pk"), part_id=self.value())
        pending = Q(status=Registration.Status.PENDING) & Q(Exists(chose))
        return queryset.filter(Q(_held_seats(part_id=self.value())) | pending)


class SeatStatusFilter(CheckedListFilter):
    """A seat with this status; together with the part filter, a seat on that part."""

    title = _("seat status")
    parameter_name = "seat_status"

    def lookups(self, request, model_admin):
        return Seat.Status.choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        seats = Seat.objects.filter(registration=OuterRef("pk"), status=self.value())
        part = request.GET.get(PartFilter.parameter_name, "")
        if part.isdigit():
            seats = seats.filter(part_id=part)
        return queryset.filter(Exists(seats))


class CheckedInFilter(CheckedListFilter):
    title = _("checked in")
    parameter_name = "checked_in"

    def lookups(self, request, model_admin):
        return [("yes", _("yes")), ("no", _("no"))]

    def queryset(self, request, queryset):
        arrived = Exists(Seat.objects.filter(registration=OuterRef("pk"), checked_in_at__isnull=False))
        if self.value() == "yes":
            return queryset.filter(arrived)
        if self.value() == "no":
            return queryset.filter(~arrived)
        return queryset


class EmailStateFilter(CheckedListFilter):
    """Sent, still to be sent (waiting for a worker or for its next try), or failed for good."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("sent", _("sent")), ("waiting", _("waiting to be sent")), ("failed", _("failed"))]

    def queryset(self, request, queryset):
        if self.value() == "sent":
            return queryset.filter(sent_at__isnull=False)
        if self.value() == "waiting":
            return queryset.filter(sent_at__isnull=True, failed_at__isnull=True)
        if self.value() == "failed":
            return queryset.filter(failed_at__isnull=False)
        return queryset
