"""Parts of an event, registrations, their seats and the e-mails sent. The rules live in `services.py`."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models import Country, Event, Partner

# What a registrant fills in about themselves (besides the address), on the form and their private page.
DETAIL_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "organisation",
    "position",
    "country",
    "interpretation_language",
    "diet",
    "diet_other",
    "accessibility_needs",
    "note",
    "consent_photos",
    "consent_sharing",
)

# Parts' times are wall-clock times where the event takes place (the four countries share this zone).
PART_TIME_ZONE = zoneinfo.ZoneInfo("Europe/Prague")

# Maximum lengths of the free texts; the forms enforce them (a TextField's max_length is not a DB limit).
LONG_TEXT_MAX_LENGTH = 1000


class PartQuerySet(models.QuerySet):
    def with_seat_counts(self):
        """Each part with `confirmed_count`, `waitlisted_count` and `has_reservations`, in the same query."""
        return self.with_reservations_flag().annotate(
            confirmed_count=models.Count("seats", filter=models.Q(seats__status=Seat.Status.CONFIRMED)),
            waitlisted_count=models.Count("seats", filter=models.Q(seats__status=Seat.Status.WAITLISTED)),
        )

    def with_reservations_flag(self):
        """`has_reservations`: seats reserved for countries are in force (so pages without any ask no more)."""
        reserved = CountryReservation.objects.filter(part=models.OuterRef("pk"), seats__gt=0)
        return self.annotate(has_reservations=models.Exists(reserved) & models.Q(reservations_released_at__isnull=True))


class Part(models.Model):
    """A part of an event with its own capacity: the seminar day, the study tour (one bus)."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="parts")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    date = models.DateField(_("date"))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Local time in Czechia. Leave both times empty for a whole-day part."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True, help_text=_("Local time in Czechia."))
    meeting_place = models.CharField(
        _("where to meet"), max_length=200, blank=True, help_text=_("Where the participants meet, e.g. the entrance.")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Number of seats. Leave empty for no limit.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    reservations_release_at = models.DateTimeField(
        _("release of reserved seats"),
        null=True,
        blank=True,
        help_text=_(
            "From this time, seats reserved for a country and not yet taken become open to everyone and go to "
            "the waiting list in its order. Leave empty to keep the reservations until the event."
        ),
    )
    # Set by the scheduled job when it has released the reservations: until then they hold, so that the
    # seats they free go to the waiting list in its order and not to whoever confirms first.
    reservations_released_at = models.DateTimeField(_("reservations released"), null=True, blank=True, editable=False)

    objects = PartQuerySet.as_manager()

    class Meta:
        ordering = ["order", "date", "pk"]
        verbose_name = _("part of the programme")
        verbose_name_plural = _("parts of the programme")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=False, end_time__gt=models.F("start_time")),
                name="part_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """A part takes place on one of the event's days: registration closes when the event begins, which
        must not be after any part has begun."""
        super().clean()
        event = Event.objects.filter(pk=self.event_id).first()
        if event is not None and self.date is not None and event.has_exact_dates and self.date not in event.days:
            raise ValidationError({"date": _("The date must be one of the days of the event.")})
        if self.end_time is not None and self.start_time is None:
            raise ValidationError({"start_time": _("Enter the start time too, or leave both times empty.")})
        if self.start_time is not None and self.end_time is not None and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The end time must be after the start time.")})

    @property
    def starts_at(self) -> datetime.datetime | None:
        """The start as an aware instant (None for a whole-day part): summer and winter time alike."""
        if self.start_time is None:
            return None
        return datetime.datetime.combine(self.date, self.start_time, tzinfo=PART_TIME_ZONE)

    @property
    def ends_at(self) -> datetime.datetime | None:
        if self.start_time is None or self.end_time is None:
            return None
        return datetime.datetime.combine(self.date, self.end_time, tzinfo=PART_TIME_ZONE)

    def when(self) -> str:
        """ "21 June 2023, 09:00–17:00" in the active language; the date alone for a whole-day part."""
        text = formats.date_format(self.date, "DATE_FORMAT")
        if self.start_time is not None:
            text += ", " + formats.time_format(self.start_time, "TIME_FORMAT")
            if self.end_time is not None:
                text += "–" + formats.time_format(self.end_time, "TIME_FORMAT")
        return text

    @property
    def seats_left(self) -> int | None:
        """Free seats (None = no limit); needs `with_seat_counts()`."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)


class CountryReservation(models.Model):
    """Seats of a part kept for the people of one country until the part's release time (services/seats.py)."""

    part = models.ForeignKey(Part, verbose_name=_("part"), on_delete=models.CASCADE, related_name="reservations")
    country = models.CharField(_("country"), max_length=5, choices=Country.choices)
    seats = models.PositiveIntegerField(_("reserved seats"))

    class Meta:
        ordering = ["part", "country"]
        verbose_name = _("seats reserved for a country")
        verbose_name_plural = _("seats reserved per country")
        constraints = [
            models.UniqueConstraint(
                fields=["part", "country"],
                name="reservation_one_per_part_and_country",
                violation_error_message=_("Each country can have only one reservation on a part."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.part}: {self.get_country_display()} {self.seats}"


class RegistrantCountry(models.TextChoices):
    CZECHIA = Country.CZECHIA.value, Country.CZECHIA.label
    SLOVAKIA = Country.SLOVAKIA.value, Country.SLOVAKIA.label
    POLAND = Country.POLAND.value, Country.POLAND.label
    HUNGARY = Country.HUNGARY.value, Country.HUNGARY.label
    OTHER = "OTHER", _("other country")


class ParticipantRole(models.TextChoices):
    """What a badge says a person is there as, besides a participant (organisers tag registrations)."""

    SPEAKER = "speaker", pgettext_lazy("role of a participant", "Speaker")
    ORGANISER = "organiser", pgettext_lazy("role of a participant", "Organiser")
    PRESS = "press", pgettext_lazy("role of a participant", "Press")
    HEAD_OF_DELEGATION = "head_of_delegation", pgettext_lazy("role of a participant", "Head of delegation")


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for e-mail confirmation")
        ACTIVE = "active", _("active")
        CANCELLED = "cancelled", _("cancelled")

    class Diet(models.TextChoices):
        NONE = "none", _("no special requirements")
        VEGETARIAN = "vegetarian", _("vegetarian")
        VEGAN = "vegan", _("vegan")
        GLUTEN_FREE = "gluten-free", _("gluten-free")
        LACTOSE_FREE = "lactose-free", _("lactose-free")
        OTHER = "other", _("other")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations")
    # sha256 of the private token; the token itself is only ever in the registrant's e-mails.
    # The private link is derived from the registration and this version with the secret key when an e-mail
    # is built (registrations/tokens.py), so it is never stored and never waits in a queue: its hash is
    # stored to find the registration, and a new version replaces the link.
    token_hash = models.CharField(_("private link (hashed)"), max_length=64, unique=True, editable=False)
    link_version = models.PositiveIntegerField(_("private link version"), default=1, editable=False)
    # A link issued before links were derived (or under an earlier secret key) keeps working until the
    # registrant or staff replace the link.
    legacy_token_hash = models.CharField(
        _("earlier private link (hashed)"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    # A separate random code for the door QR, so a photographed badge never reveals the private link.
    checkin_code = models.CharField(_("check-in code"), max_length=32, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), max_length=254)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=5, choices=RegistrantCountry.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    # The language the person follows during the seminar: the interpreters are booked per language and day.
    interpretation_language = models.CharField(
        _("language of interpretation"), max_length=5, choices=settings.LANGUAGES, blank=True
    )
    requested_parts = models.ManyToManyField(
        Part,
        verbose_name=_("chosen parts"),
        related_name="requests",
        blank=True,
        help_text=_("What was chosen in the form; seats are taken only when the e-mail address is confirmed."),
    )
    diet = models.CharField(_("dietary requirements"), max_length=20, choices=Diet.choices, default=Diet.NONE)
    diet_other = models.CharField(_("other dietary requirements"), max_length=200, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    note = models.TextField(_("note"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)
    # Empty until the person accepts the notice: a delegate registered by a partner association or by the
    # organisers accepts it on the confirmation page, never someone else on their behalf.
    privacy_version = models.CharField(_("privacy notice version accepted"), max_length=40, blank=True)
    privacy_language = models.CharField(_("language of the privacy notice"), max_length=5, blank=True)
    privacy_accepted_at = models.DateTimeField(_("privacy notice accepted"), null=True, blank=True)
    consent_photos = models.BooleanField(_("consents to photographs and video"), default=False)
    consent_sharing = models.BooleanField(_("consents to sharing with the partner associations"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    confirm_expires_at = models.DateTimeField(_("confirmation link expires"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    # Who put the person on the list: a partner association (its delegation), or the organisers.
    invited_by = models.ForeignKey(
        Partner,
        verbose_name=_("registered by the partner association"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_by_organisers = models.BooleanField(_("registered by the organisers"), default=False)
    # A colleague's pending registration that takes over this one's seats once they confirm their address
    # ("send my place to a colleague"); until then the original keeps every seat.
    substitute_for = models.ForeignKey(
        "self",
        verbose_name=_("takes the place of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="substitute_offers",
        editable=False,
    )
    # Set when the personal fields were blanked after the event; the counts for the report stay.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=ParticipantRole.choices,
        blank=True,
        help_text=_("Printed on the name badge; empty for a participant."),
    )
    badge_printed_at = models.DateTimeField(_("name badge printed"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [
            ("export_registration", _("Can export registrations and print attendance sheets")),
            ("checkin_registration", _("Can check participants in at the door")),
            ("anonymise_registration", _("Can anonymise the registrations of a past event")),
            ("view_all_countries", _("Can see every country's participants in the partner portal")),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                # A walk-in added at the door may have no address.
                condition=~models.Q(status="cancelled") & ~models.Q(email=""),
                name="registration_one_per_email_and_event",
                violation_error_message=_("This e-mail address is already registered for this event."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def was_invited(self) -> bool:
        """Registered by someone else: the person still has to accept the privacy notice themselves."""
        return self.invited_by_id is not None or self.invited_by_organisers

    def full_name(self, language: str | None = None) -> str:
        """The name in the reader's order: Hungarian puts the family name first (Győrffy Ödön)."""
        if language == "hu":
            return f"{self.last_name} {self.first_name}"
        return f"{self.first_name} {self.last_name}"


class Seat(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="seats"
    )
    part = models.ForeignKey(Part, verbose_name=_("part"), on_delete=models.PROTECT, related_name="seats")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    # When the seat entered its status: the waiting list is served in this order (then by pk).
    since = models.DateTimeField(_("since"))
    # Check-in is per part, i.e. per day: arriving for the seminar says nothing about the study tour.
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    # A walk-in seated at the door although the part was full: the staff member's decision, shown in the overview.
    over_capacity = models.BooleanField(_("over capacity by staff decision"), default=False, editable=False)

    class Meta:
        ordering = ["part__order", "part__date", "part_id"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        constraints = [models.UniqueConstraint("registration", "part", name="seat_one_per_registration_and_part")]
        indexes = [models.Index(fields=["part", "status", "since"], name="seat_waitlist_order")]

    def __str__(self) -> str:
        return f"{self.part}: {self.get_status_display()}"


class EmailLog(models.Model):
    class Kind(models.TextChoices):
        CONFIRM_ADDRESS = "confirm_address", _("confirm the e-mail address")
        REGISTRATION_CONFIRMED = "registration_confirmed", _("registration confirmed")
        MOVED_UP = "moved_up", _("moved up from the waiting list")
        CHANGED = "changed", _("registration changed")
        CANCELLED = "cancelled", _("registration cancelled")
        LINK_AGAIN = "link_again", _("private link sent again")
        DATA_EXPORTED = "data_exported", _("personal data downloaded")
        DATA_DELETED = "data_deleted", _("registration and personal data deleted")
        SUBSTITUTE_OFFER = "substitute_offer", _("a place offered by a colleague")
        SUBSTITUTED = "substituted", _("place handed to a colleague")
        MESSAGE = "message", _("message from the organisers")
        AUTOMATIC = "automatic", _("automatic e-mail")

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="emails",
    )
    # The event and part an e-mail is about, for one that outlives its registration (the "your data are
    # deleted" note) and for the part someone moved up on.
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    part = models.ForeignKey(
        Part, verbose_name=_("part"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    # What a message from the organisers or an automatic e-mail is built from, when it is sent.
    message = models.ForeignKey(
        "Message", verbose_name=_("message"), on_delete=models.SET_NULL, null=True, blank=True, related_name="emails"
    )
    rule = models.ForeignKey(
        "AutomaticRule",
        verbose_name=_("automatic e-mail"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="emails",
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    recipient = models.EmailField(_("recipient"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Sending: each attempt is counted; a worker holds the e-mail until `sending_until` (a worker that dies
    # while sending lets another take it over then); a final failure is recorded with its time and reason.
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sending_until = models.DateTimeField(_("being sent until"), null=True, blank=True, editable=False)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)
    error = models.TextField(_("error"), max_length=LONG_TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        indexes = [
            models.Index(
                fields=["sending_until"],
                name="emaillog_unsent",
                condition=models.Q(sent_at__isnull=True, failed_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        # No address: the admin's change log keeps this name after the registration is gone.
        return f"{self.get_kind_display()} #{self.pk}"


class PartnerMembership(models.Model):
    """A partner association's user: sees its own country's registrations in full in the portal."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="partner_membership"
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner association"), on_delete=models.CASCADE, related_name="members"
    )

    class Meta:
        verbose_name = _("partner association member")
        verbose_name_plural = _("partner association members")

    def __str__(self) -> str:
        return f"{self.user} ({self.partner})"


class PortalAccessLog(models.Model):
    """Who looked at or exported which participant list, and when (personal data: kept as long as it)."""

    class Action(models.TextChoices):
        LIST = "list", _("viewed the participant list")
        EXPORT_CSV = "export_csv", _("exported CSV")
        EXPORT_XLSX = "export_xlsx", _("exported XLSX")
        ADMIN_EXPORT = "admin_export", _("exported from the admin")
        ATTENDANCE_SHEET = "attendance_sheet", _("printed an attendance sheet")
        CHECKIN = "checkin", _("checked a participant in or out")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(_("user name"), max_length=150)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    event = models.ForeignKey(
        Event, verbose_name=_("event"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    detail = models.JSONField(_("filters and details"), default=dict, blank=True)
    rows = models.PositiveIntegerField(_("rows shown"), default=0)
    created = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("portal and export log entry")
        verbose_name_plural = _("portal and export log")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.username} {self.action}"


class RateLimitHit(models.Model):
    """One counted POST of a rate-limited form (registrations/ratelimit.py): a row, not a cache entry,
    because a cache evicts entries when it fills up and a flood of posts would wipe the counts with them.
    Rows older than the limit's window are deleted as new ones come in."""

    key = models.CharField(_("key"), max_length=64)  # an HMAC of the form's name and the address
    at = models.DateTimeField(_("when"), db_index=True)

    class Meta:
        indexes = [models.Index(fields=["key", "at"], name="ratelimit_key_at")]
        verbose_name = _("rate-limited attempt")
        verbose_name_plural = _("rate-limited attempts")

    def __str__(self) -> str:
        return f"{self.key[:8]} {self.at:%Y-%m-%d %H:%M:%S}"


class ReportedAttendance(models.Model):
    """How many people from one country came on one day of an event whose attendance the site did not record
    (the workshops before it), entered by organisers from their own records, with where the figure comes
    from: the report for the funder counts them beside the check-ins."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="reported_attendance"
    )
    date = models.DateField(_("day"))
    country = models.CharField(_("country"), max_length=5, choices=RegistrantCountry.choices)
    participants = models.PositiveIntegerField(_("participants"))
    source = models.CharField(
        _("source"), max_length=300, help_text=_("Where the figure comes from, e.g. the signed attendance sheets.")
    )

    class Meta:
        verbose_name = _("attendance entered by hand")
        verbose_name_plural = _("attendance entered by hand")
        ordering = ["event", "date", "country"]
        constraints = [
            models.UniqueConstraint(fields=["event", "date", "country"], name="one_reported_figure_per_day_and_country")
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.date} {self.country}: {self.participants}"


# Talking to registrants (issue 16): messages from the organisers, automatic e-mails on a schedule, and the
# organisers' daily digest. Texts are per language (modeltranslation: `subject_cs` … `subject_en`); an empty
# language falls back to English, never to another registrant's language.


class RecipientFilter(models.Model):
    """Who receives an e-mail of the organisers: every filter left empty means everyone not cancelled."""

    class SeatStatus(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        PENDING = "pending", _("not yet confirmed")

    class CheckedIn(models.TextChoices):
        YES = "yes", _("checked in")
        NO = "no", _("not checked in")

    parts = models.ManyToManyField(
        Part,
        verbose_name=_("parts of the programme"),
        related_name="+",
        blank=True,
        help_text=_("Only people registered for one of these parts; none chosen: every part."),
    )
    seat_status = models.CharField(_("seat status"), max_length=12, choices=SeatStatus.choices, blank=True)
    country = models.CharField(_("country"), max_length=5, choices=RegistrantCountry.choices, blank=True)
    checked_in = models.CharField(_("check-in"), max_length=3, choices=CheckedIn.choices, blank=True)

    class Meta:
        abstract = True


class Message(RecipientFilter):
    """A message from the organisers to the registrants of an event, each in their own language."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("text"), max_length=10000, blank=True)
    send_at = models.DateTimeField(
        _("send at"), null=True, blank=True, help_text=_("Leave empty to send at once when you choose to send.")
    )
    scheduled_at = models.DateTimeField(_("sending ordered"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    recipient_count = models.PositiveIntegerField(_("recipients"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("message to registrants")
        verbose_name_plural = _("messages to registrants")
        permissions = [("send_message", _("Can send messages to registrants"))]

    def __str__(self) -> str:
        return self.subject_en or self.subject_cs or f"#{self.pk}"


class AutomaticRule(RecipientFilter):
    """An e-mail sent by itself at a moment relative to the event or one of its parts."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("reminder (practical information, QR code, calendar, cancel link)")
        THANK_YOU = "thank_you", _("thank you")
        OTHER = "other", _("own text")

    class Anchor(models.TextChoices):
        START = "start", _("start")
        END = "end", _("end")

    class Unit(models.TextChoices):
        DAYS = "days", _("days")
        HOURS = "hours", _("hours")

    class Direction(models.TextChoices):
        BEFORE = "before", _("before")
        AFTER = "after", _("after")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="+")
    part = models.ForeignKey(
        Part,
        verbose_name=_("part of the programme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The moment is counted from this part; empty: from the event."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.OTHER)
    is_active = models.BooleanField(_("switched on"), default=True)
    amount = models.PositiveSmallIntegerField(_("how many"), default=1)
    unit = models.CharField(_("unit"), max_length=5, choices=Unit.choices, default=Unit.DAYS)
    direction = models.CharField(_("before or after"), max_length=6, choices=Direction.choices)
    anchor = models.CharField(_("counted from the"), max_length=5, choices=Anchor.choices)
    # Texts: empty ones keep the built-in translated text of the kind (reminder, thank you).
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    opening = models.TextField(
        _("opening paragraph"),
        max_length=5000,
        blank=True,
        help_text=_("Leave empty to keep the built-in text in each language."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("automatic e-mail")
        verbose_name_plural = _("automatic e-mails")

    def __str__(self) -> str:
        return f"{self.event}: {self.get_kind_display()} #{self.pk}"


class RuleDelivery(models.Model):
    """That a registrant was sent a rule's e-mail: at most one per rule and registration, recorded in the same
    transaction as the e-mail, so neither a second run nor a restarted worker sends it again."""

    rule = models.ForeignKey(AutomaticRule, verbose_name=_("automatic e-mail"), on_delete=models.CASCADE)
    registration = models.ForeignKey(Registration, verbose_name=_("registration"), on_delete=models.CASCADE)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("automatic e-mail sent")
        verbose_name_plural = _("automatic e-mails sent")
        constraints = [models.UniqueConstraint("rule", "registration", name="rule_delivery_once")]

    def __str__(self) -> str:
        return f"{self.rule_id}/{self.registration_id}"


class DigestSubscription(models.Model):
    """An organiser who gets the daily digest of an event's news, in the language chosen here."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="digest_subscription"
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    is_active = models.BooleanField(_("subscribed"), default=True)
    last_sent_on = models.DateField(_("last sent"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("daily digest subscription")
        verbose_name_plural = _("daily digest subscriptions")

    def __str__(self) -> str:
        return str(self.user)
