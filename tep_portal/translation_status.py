"""Which records have English text but no Simplified Chinese yet (django-modeltranslation
columns *_en filled, *_zh_hans empty): a list filter, a list column and a count for the
dashboard, for any model registered for translation."""

from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

SOURCE_LANGUAGE = "en"
TARGET_LANGUAGE = "zh-hans"


def translated_fields(model):
    try:
        return sorted(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def _pairs(model):
    return [
        (build_localized_fieldname(name, SOURCE_LANGUAGE), build_localized_fieldname(name, TARGET_LANGUAGE))
        for name in translated_fields(model)
    ]


def _empty(column):
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def missing_chinese_q(model):
    """Rows where some field has English and no Chinese."""
    query = Q(pk__in=[])
    for english, chinese in _pairs(model):
        query |= ~_empty(english) & _empty(chinese)
    return query


def is_missing_chinese(obj):
    return any(getattr(obj, english) and not getattr(obj, chinese) for english, chinese in _pairs(type(obj)))


class MissingChineseFilter(admin.SimpleListFilter):
    title = _("Chinese text")
    parameter_name = "chinese"

    def lookups(self, request, model_admin):
        return [("missing", _("Missing")), ("complete", _("Complete"))]

    def queryset(self, request, queryset):
        # Any other value is ignored: the whole list, never an error.
        if self.value() == "missing":
            return queryset.filter(missing_chinese_q(queryset.model))
        if self.value() == "complete":
            return queryset.exclude(missing_chinese_q(queryset.model))
        return queryset


class TranslationStatusMixin:
    """For a TranslationAdmin: a "Chinese text" filter and a "Chinese missing" marker column
    (read from the row itself: no query)."""

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingChineseFilter]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "chinese_missing"]

    @admin.display(description=_("Chinese missing"), boolean=True)
    def chinese_missing(self, obj):
        return is_missing_chinese(obj)
