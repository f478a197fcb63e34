"""Which fields of this app exist in five languages (django-modeltranslation adds `name_cs` … `name_en`)."""

from modeltranslation.translator import TranslationOptions, register

from .models import AutomaticRule, Message, Part


@register(Part)
class PartTranslation(TranslationOptions):
    fields = ("name", "description", "meeting_place")
    required_languages = {"cs": ("name",)}


@register(Message)
class MessageTranslation(TranslationOptions):
    fields = ("subject", "body")
    required_languages = ()


@register(AutomaticRule)
class AutomaticRuleTranslation(TranslationOptions):
    fields = ("subject", "opening")
    required_languages = ()
