"""The project's content: partner associations, the four workshops, their programme, photos, documents,
and the content pages. Fields marked translated in `translation.py` exist once per language."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from v4project import clock


class Country(models.TextChoices):
    CZECHIA = "CZ", _("Czechia")
    SLOVAKIA = "SK", _("Slovakia")
    POLAND = "PL", _("Poland")
    HUNGARY = "HU", _("Hungary")


class Partner(models.Model):
    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=20)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, unique=True)
    web = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="partners/", blank=True)
    logo_renditions = models.JSONField(_("logo renditions"), default=list, blank=True, editable=False)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("partner association")
        verbose_name_plural = _("partner associations")

    def __str__(self) -> str:
        return self.short_name


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact dates")
    MONTH = "month", _("month only")
    UNKNOWN = "unknown", _("to be announced")


class Event(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("order in the project"), default=0)
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for lists."))
    description = models.TextField(_("description"), blank=True)
    report = models.TextField(_("report"), blank=True, help_text=_("What happened, written after the event."))
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    practical_information = models.TextField(
        _("practical information"),
        blank=True,
        help_text=_(
            "For registrants: how to get there, parking, interpretation, a contact phone. Shown on the event "
            "page, the private page, in every confirmation and in the calendar files."
        ),
    )
    date_precision = models.CharField(
        _("how precise the dates are"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    host = models.ForeignKey(
        Partner, verbose_name=_("host association"), on_delete=models.PROTECT, related_name="hosted_events"
    )
    published = models.BooleanField(_("published"), default=True)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("At the latest when the event begins; leave empty to close it then."),
    )
    registration_changes_until = models.DateTimeField(
        _("changes possible until"),
        null=True,
        blank=True,
        help_text=_(
            "Until then registrants can change their details and parts on their private page, at the latest "
            "until the event begins; leave empty to allow changes until then."
        ),
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["order", "start_date", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(registration_closes__isnull=True)
                | models.Q(registration_opens__isnull=True)
                | models.Q(registration_closes__gt=models.F("registration_opens")),
                name="event_registration_closes_after_it_opens",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def last_day(self) -> datetime.date | None:
        return self.end_date or self.start_date

    @property
    def is_past(self) -> bool:
        return self.last_day is not None and self.last_day < clock.today()

    @property
    def timeline_status(self) -> str:
        """held / coming only when the days are known; a month alone was announced, not confirmed."""
        if self.date_precision == DatePrecision.UNKNOWN or self.start_date is None:
            return "tba"
        if self.date_precision == DatePrecision.MONTH:
            return "announced"
        return "held" if self.is_past else "coming"

    @property
    def has_exact_dates(self) -> bool:
        return self.date_precision == DatePrecision.DAY and self.start_date is not None

    @property
    def days(self) -> list[datetime.date]:
        if not self.has_exact_dates:
            return []
        count = (self.last_day - self.start_date).days + 1
        return [self.start_date + datetime.timedelta(days=n) for n in range(count)]

    @property
    def begins_at(self) -> datetime.datetime | None:
        """The first moment of the event's first day, in the site's time zone (None without exact dates)."""
        return clock.local_midnight(self.start_date) if self.has_exact_dates else None

    @property
    def registration_ends_at(self) -> datetime.datetime | None:
        """When registration closes: the time staff set, and at the latest when the event begins."""
        return _earliest(self.registration_closes, self.begins_at)

    @property
    def changes_end_at(self) -> datetime.datetime | None:
        """Until when registrants may change their registration: staff's time, at the latest the beginning."""
        return _earliest(self.registration_changes_until, self.begins_at)

    def registration_is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or clock.now()
        if self.registration_opens is None or now < self.registration_opens:
            return False
        ends = self.registration_ends_at
        return ends is None or now < ends

    def changes_are_open(self, now: datetime.datetime | None = None) -> bool:
        ends = self.changes_end_at
        return ends is None or (now or clock.now()) < ends

    def has_begun(self, now: datetime.datetime | None = None) -> bool:
        begins = self.begins_at
        return begins is not None and (now or clock.now()) >= begins

    def clean(self) -> None:
        super().clean()
        errors = {}
        begins = self.begins_at
        if self.registration_opens is not None and begins is None:
            errors["registration_opens"] = _(
                "Registration needs the exact dates of the event: it closes when the event begins."
            )
        elif begins is not None:
            too_late = _("This is after the event begins (%(begins)s); registration cannot go on past that.")
            for name in ("registration_opens", "registration_closes", "registration_changes_until"):
                value = getattr(self, name)
                if value is not None and value > begins:
                    params = {"begins": formats.date_format(self.start_date, "DATE_FORMAT")}
                    errors[name] = ValidationError(too_late, code="after_begin", params=params)
        if errors:
            raise ValidationError(errors)


def registration_moments() -> list[datetime.datetime]:
    """Every registration opening and closing time: the public pages change at these moments by themselves."""
    pairs = Event.objects.values_list("registration_opens", "registration_closes")
    return [moment for pair in pairs for moment in pair if moment is not None]


def _earliest(*moments: datetime.datetime | None) -> datetime.datetime | None:
    known = [moment for moment in moments if moment is not None]
    return min(known) if known else None


class ProgrammeItem(models.Model):
    class Kind(models.TextChoices):
        OPENING = "opening", _("opening")
        TALK = "talk", _("talk")
        WORKSHOP = "workshop", _("workshop")
        DISCUSSION = "discussion", _("discussion")
        BREAK = "break", _("break")
        MEAL = "meal", _("meal")
        TOUR = "tour", _("study tour")
        OTHER = "other", _("other")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="programme")
    day = models.DateField(_("day"))
    start_time = models.TimeField(_("starts"), null=True, blank=True)
    end_time = models.TimeField(_("ends"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    speakers = models.CharField(
        _("speakers"), max_length=500, blank=True, help_text=_("Names and roles, separated by semicolons.")
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TALK)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["day", models.F("start_time").asc(nulls_last=True), "order"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")

    def __str__(self) -> str:
        return self.title

    @property
    def speaker_list(self) -> list[str]:
        return [name.strip() for name in self.speakers.split(";") if name.strip()]


class Photo(models.Model):
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("image"), upload_to="photos/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(_("width"), editable=False, null=True)
    height = models.PositiveIntegerField(_("height"), editable=False, null=True)
    # [{"width": 480, "height": 320, "name": "photos/renditions/…-480.webp"}, …], smallest first.
    renditions = models.JSONField(_("renditions"), default=list, blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or self.image.name


class Document(models.Model):
    class Language(models.TextChoices):
        CS = "cs", "čeština"
        SK = "sk", "slovenčina"
        PL = "pl", "polski"
        HU = "hu", "magyar"
        EN = "en", "English"
        MULTI = "mul", _("several languages")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("file"), upload_to="documents/")
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language of the document"), max_length=3, choices=Language.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class Page(models.Model):
    """A content page. Its body is plain text: blank lines make paragraphs, "## " starts a heading and
    "- " a list item; web and e-mail addresses become links."""

    class Slug(models.TextChoices):
        PROJECT = "project", _("About the project")
        PARTNERS = "partners", _("Partners")
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacy notice")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    slug = models.SlugField(_("page"), max_length=40, unique=True, choices=Slug.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True, help_text=_("For search engines."))
    body = models.TextField(_("body"))
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(f"events:{self.slug}")


class LoadedContent(models.Model):
    """What `manage.py load_content` last wrote into one object, field by field (events/seed.py): a later
    run changes a field only while it still holds that value, so whatever staff have edited since stays."""

    model = models.CharField(_("model"), max_length=100)
    key = models.CharField(_("key"), max_length=200)
    values = models.JSONField(_("values"), default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["model", "key"], name="loaded_content_unique")]
        verbose_name = _("loaded content")
        verbose_name_plural = _("loaded content")

    def __str__(self) -> str:
        return f"{self.model} {self.key}"
