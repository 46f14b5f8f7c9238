"""Fields visitors read, with a Simplified Chinese column beside the English one."""

from modeltranslation.translator import TranslationOptions, register

from .models import ChineseSchool, SisterSchoolLink, UKSchool


@register(UKSchool)
class UKSchoolTranslation(TranslationOptions):
    # The name and town too: a Chinese page writes 芬伍德学校（The Fernwood School） and 诺丁汉.
    fields = ("name", "town", "summary")


@register(ChineseSchool)
class ChineseSchoolTranslation(TranslationOptions):
    fields = ("name",)


@register(SisterSchoolLink)
class SisterSchoolLinkTranslation(TranslationOptions):
    fields = ("activities",)
