"""Fields visitors read, with a Simplified Chinese column beside the English one."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Area,
    Benefit,
    ChinesePlace,
    Council,
    Page,
    Partnership,
    ProcessStep,
    Quote,
    Statistic,
    TimelineEvent,
)


@register(Council)
class CouncilTranslation(TranslationOptions):
    fields = ("name",)


@register(ChinesePlace)
class ChinesePlaceTranslation(TranslationOptions):
    fields = ("name",)


@register(Area)
class AreaTranslation(TranslationOptions):
    fields = ("name", "introduction")


@register(Partnership)
class PartnershipTranslation(TranslationOptions):
    fields = ("summary", "body", "hero_image_alt", "year_note", "source_note")


@register(TimelineEvent)
class TimelineEventTranslation(TranslationOptions):
    fields = ("title", "text")


@register(Quote)
class QuoteTranslation(TranslationOptions):
    # The speaker too: a Chinese page writes 加里·米勒（Gary Miller）.
    fields = ("text", "speaker", "role")


@register(Statistic)
class StatisticTranslation(TranslationOptions):
    # The figure too: it can be words ("Over half" / "过半"), not only digits.
    fields = ("value", "label", "source_name")


@register(ProcessStep)
class ProcessStepTranslation(TranslationOptions):
    fields = ("title", "text")


@register(Benefit)
class BenefitTranslation(TranslationOptions):
    fields = ("text",)


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "introduction", "body")
