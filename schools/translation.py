"""Fields visitors read, with a Simplified Chinese column beside the English one."""

from modeltranslation.translator import TranslationOptions, register

from .models import ChineseSchool, SisterSchoolLink, UKSchool


@register(UKSchool)
class UKSchoolTranslation(TranslationOptions):
    fields = ("summary",)


@register(ChineseSchool)
class ChineseSchoolTranslation(TranslationOptions):
    fields = ("name",)


@register(SisterSchoolLink)
class SisterSchoolLinkTranslation(TranslationOptions):
    fields = ("activities",)
