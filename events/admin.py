"""The content admin in five language tabs, with what is still untranslated, and the admin's shared pieces:
filters that refuse values they do not offer, the translation status column."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.files.storage import default_storage
from django.db.models import Model
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from . import documents, images
from .dates import event_dates
from .models import Document, Event, Page, Partner, Photo, ProgrammeItem

admin.site.site_header = _("V4 partnership: administration")
admin.site.site_title = _("V4 partnership")
admin.site.index_title = _("Content and registrations")


# Items edited inline on an object's page: their texts count as the object's own (a photo caption written only
# in Czech leaves the event untranslated).
INLINE_TEXTS = {Event: ("programme", "photos", "documents")}


def _missing_fields(obj: Model, *, prefix: str = "") -> dict[str, list[str]]:
    fields = translator.get_options_for_model(type(obj)).all_fields
    missing: dict[str, list[str]] = {}
    for code, _name in settings.LANGUAGES:
        for field in fields:
            czech = getattr(obj, build_localized_fieldname(field, "cs"), "")
            if czech and not getattr(obj, build_localized_fieldname(field, code), ""):
                missing.setdefault(code, []).append(prefix + str(obj._meta.get_field(field).verbose_name))
    return missing


def missing_translations(obj: Model) -> dict[str, list[str]]:
    """{language: [fields]} for every text written in Czech that has no translation yet in that language,
    the texts of the items edited on the same page included ("photo 2: caption")."""
    missing = _missing_fields(obj)
    for relation in INLINE_TEXTS.get(type(obj), ()):
        for number, item in enumerate(getattr(obj, relation).all(), start=1):
            prefix = f"{item._meta.verbose_name} {number}: "
            for code, names in _missing_fields(item, prefix=prefix).items():
                missing.setdefault(code, []).extend(names)
    return {code: missing[code] for code, _name in settings.LANGUAGES if code in missing}


class TranslationStatusMixin:
    """A column and a read-only field that show which languages still need a translation, and of what."""

    @admin.display(description=_("missing translations"))
    def translation_status(self, obj: Model) -> str:
        if obj is None or obj.pk is None:
            return "–"
        missing = missing_translations(obj)
        if not missing:
            return format_html('<span class="translation-status translation-status--complete">{}</span>', _("complete"))
        rows = format_html_join(
            "",
            '<li><span class="translation-status__lang">{}</span> {}</li>',
            ((code, ", ".join(names)) for code, names in missing.items()),
        )
        return format_html(
            '<ul class="translation-status translation-status--missing" aria-label="{}">{}</ul>',
            _("Not yet translated into these languages"),
            rows,
        )


class CheckedChangeList(ChangeList):
    """A list whose filters refuse a value they do not offer (`?part=abc`, `?event__id__exact=` a number too
    large for the database, a year past 9999) before any query runs, instead of a 500 or an empty list."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:  # the date hierarchy's year, month and day
            raise IncorrectLookupParameters(error) from error

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        if exclude_parameters is None:  # the list itself, not a facet count
            for spec in self.filter_specs:
                if not any(choice.get("selected") for choice in spec.choices(self)):
                    raise IncorrectLookupParameters(f"{spec.title}: a value the filter does not offer")
        return queryset


class CheckedFiltersMixin:
    """For every ModelAdmin: a bad filter value in the address gets a message in the staff member's
    language, and Django's admin shows the whole list (its `?e=1`), never a 500."""

    def get_changelist(self, request, **kwargs):
        return CheckedChangeList

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except IncorrectLookupParameters:
            messages.error(
                request,
                _("A filter in the address has a value this list does not know, so the whole list is shown."),
            )
            raise


class CheckedListFilter(admin.SimpleListFilter):
    """A list filter of ours refuses a value it does not offer before its `queryset()` can build a query
    from it (`?part=abc` was a 500)."""

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        value = self.value()
        if value is not None and value not in {str(key) for key, _label in self.lookup_choices}:
            raise IncorrectLookupParameters(f"{self.title}: {value!r} is not one of the values it offers")


class TranslationAdmin(CheckedFiltersMixin, TranslationStatusMixin, TabbedTranslationAdmin):
    class Media:
        css = {"all": ("css/admin.css",)}
        # Names the language switch and points "View on site" at the language of the tab being edited.
        js = ("js/admin-translation.js",)

    def view_on_site(self, obj: Model) -> str | None:
        """The page itself in Czech; admin-translation.js swaps the language prefix for the tab's language."""
        if not hasattr(obj, "get_absolute_url"):
            return None
        with translation.override(settings.LANGUAGE_CODE):
            return obj.get_absolute_url()


class CheckedImageField(forms.ImageField):
    """Checks the upload by its content (size, SVG, pixel count) before Pillow decodes anything,
    then hands on a copy re-encoded without metadata."""

    def to_python(self, data):
        if data and hasattr(data, "content_type"):  # a new upload, not the stored file
            images.validate_image_upload(data)
            checked = super().to_python(data)
            return images.clean_image(checked) if checked else checked
        return super().to_python(data)


class CheckedDocumentField(forms.FileField):
    """PDF and office documents only, recognised by their content and stored under the extension of what
    they are ("slides.html" holding a PDF becomes "slides.pdf"); at most 25 MB."""

    def to_python(self, data):
        checked = super().to_python(data)
        if checked and hasattr(checked, "content_type"):
            kind = documents.validate_document_upload(checked)
            checked.name = documents.name_for_kind(checked.name, kind)
        return checked


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = "__all__"  # noqa: DJ007 - the admin chooses the fields shown
        field_classes = {"file": CheckedDocumentField}


class ImageUploadForm(forms.ModelForm):
    image_field = "image"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields[self.image_field]
        self.fields[self.image_field] = CheckedImageField(
            required=field.required, label=field.label, help_text=field.help_text, widget=field.widget
        )


class PhotoForm(ImageUploadForm):
    class Meta:
        model = Photo
        fields = "__all__"  # noqa: DJ007 - the admin chooses the fields shown


class PartnerForm(ImageUploadForm):
    image_field = "logo"

    class Meta:
        model = Partner
        fields = "__all__"  # noqa: DJ007 - the admin chooses the fields shown


def refresh_renditions(obj: Model, *, image_field: str, renditions_field: str, widths: tuple[int, ...]) -> None:
    """Make new WebP renditions after the image changed, and remove the old ones."""
    field_file = getattr(obj, image_field)
    old = getattr(obj, renditions_field)
    new = images.make_renditions(field_file, widths=widths) if field_file else []
    images.delete_renditions(field_file.storage, old)
    setattr(obj, renditions_field, new)
    obj.save(update_fields=[renditions_field])


class ProgrammeItemInline(TranslationStackedInline):
    model = ProgrammeItem
    extra = 0
    fields = ["day", ("start_time", "end_time"), "kind", "title", "speakers", "place", "description", "order"]


class PhotoInline(TranslationStatusMixin, TranslationTabularInline):
    model = Photo
    form = PhotoForm
    extra = 0
    fields = ["thumbnail", "image", "caption", "order", "translation_status"]
    readonly_fields = ["thumbnail", "translation_status"]

    @admin.display(description=_("preview"))
    def thumbnail(self, photo: Photo) -> str:
        rendition = images.fallback(photo.renditions[:1]) if photo and photo.renditions else None
        if rendition is None:
            return "–"
        return format_html(
            '<img class="admin-thumbnail" src="{}" width="{}" height="{}" alt="">',
            default_storage.url(rendition["name"]),
            rendition["width"],
            rendition["height"],
        )


class DocumentInline(TranslationStatusMixin, TranslationTabularInline):
    model = Document
    form = DocumentForm
    extra = 0
    fields = ["file", "title", "language", "order", "translation_status"]
    readonly_fields = ["translation_status"]


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "date_display", "city", "country", "host", "published", "translation_status"]
    list_filter = ["published", "country", "host"]
    search_fields = ["title_cs", "title_en", "city_cs", "theme_cs"]
    prepopulated_fields = {"slug": ["title_en"]}
    list_select_related = ["host"]
    readonly_fields = ["translation_status"]
    inlines = [ProgrammeItemInline, PhotoInline, DocumentInline]

    def get_queryset(self, request):
        # The "missing translations" column reads each event's programme, photos and documents.
        return super().get_queryset(request).prefetch_related("programme", "photos", "documents")

    fieldsets = [
        (None, {"fields": ["title", "slug", "order", "published", "translation_status"]}),
        (
            _("When and where"),
            {"fields": ["date_precision", ("start_date", "end_date"), "country", "city", "venue", "address", "host"]},
        ),
        (_("Texts"), {"fields": ["theme", "summary", "description", "practical_information", "report"]}),
        (
            _("Registration"),
            {"fields": [("registration_opens", "registration_closes"), "registration_changes_until"]},
        ),
    ]

    @admin.display(description=_("dates"), ordering="start_date")
    def date_display(self, event: Event) -> str:
        return event_dates(event)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Photo:
            for photo_form in formset.forms:
                if "image" in photo_form.changed_data and photo_form.instance.pk:
                    refresh_renditions(
                        photo_form.instance, image_field="image", renditions_field="renditions", widths=(480, 960, 1600)
                    )


@admin.register(Partner)
class PartnerAdmin(TranslationAdmin):
    form = PartnerForm
    list_display = ["short_name", "name", "country", "web", "order", "translation_status"]
    list_editable = ["order"]
    search_fields = ["short_name", "name_cs", "name_en"]
    readonly_fields = ["translation_status"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "logo" in form.changed_data:
            refresh_renditions(obj, image_field="logo", renditions_field="logo_renditions", widths=(160, 320))


@admin.register(Page)
class PageAdmin(TranslationAdmin):
    list_display = ["title", "slug", "updated", "translation_status"]
    search_fields = ["title_cs", "body_cs"]
    readonly_fields = ["translation_status", "updated"]
