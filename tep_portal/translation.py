"""The organisation details visitors read, with a Simplified Chinese column beside the English one."""

from modeltranslation.translator import TranslationOptions, register

from .models import Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    # name_zh_hans is the organisation's Chinese name; the address may be written out in Chinese.
    fields = ("name", "address")
