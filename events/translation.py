"""Which content fields exist in five languages (django-modeltranslation adds `title_cs` … `title_en`)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Document, Event, Page, Partner, Photo, ProgrammeItem


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"cs": ("name",)}


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "theme", "summary", "description", "report", "city", "venue", "practical_information")
    required_languages = {"cs": ("title",)}


@register(ProgrammeItem)
class ProgrammeItemTranslation(TranslationOptions):
    # Speakers' names stay as written, but their roles ("mayor of Olomouc") are translated.
    fields = ("title", "description", "speakers", "place")
    required_languages = {"cs": ("title",)}


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("caption",)


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"cs": ("title",)}


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"cs": ("title", "body")}
