from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from tep_portal.admin import PublishActionsMixin
from tep_portal.admin_history import HistoryAdmin

from .models import ChineseSchool, SisterSchoolLink, UKSchool
from .versioning import register_models

register_models()  # before the admins below, so a school's history keeps its links


class SisterSchoolLinkInline(TranslationStackedInline):
    model = SisterSchoolLink
    fields = ["chinese_school", "partnership", "year_started", "activities", "is_published"]
    autocomplete_fields = ["chinese_school", "partnership"]
    extra = 0


@admin.register(UKSchool)
class UKSchoolAdmin(HistoryAdmin, PublishActionsMixin, TranslationAdmin):
    list_display = ["name", "town", "council", "phase", "urn", "is_published"]
    list_filter = ["is_published", "phase", ("council", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["council"]
    search_fields = ["name", "town", "urn"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["council", "events"]
    inlines = [SisterSchoolLinkInline]


@admin.register(ChineseSchool)
class ChineseSchoolAdmin(HistoryAdmin, TranslationAdmin):
    list_display = ["name", "name_zh_hans", "city"]
    list_filter = [("city", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["city"]
    search_fields = ["name_en", "name_zh_hans"]
    autocomplete_fields = ["city"]


@admin.register(SisterSchoolLink)
class SisterSchoolLinkAdmin(HistoryAdmin, PublishActionsMixin, TranslationAdmin):
    list_display = ["__str__", "year_started", "partnership", "is_published"]
    list_filter = ["is_published", "year_started"]
    list_select_related = ["uk_school", "chinese_school", "partnership__council", "partnership__chinese_place"]
    search_fields = ["uk_school__name", "chinese_school__name_en", "chinese_school__name_zh_hans"]
    autocomplete_fields = ["uk_school", "chinese_school", "partnership"]
    fieldsets = [
        (None, {"fields": ["uk_school", "chinese_school", "partnership", "year_started"]}),
        (_("What they did together"), {"fields": ["activities"]}),
        (_("Publishing"), {"fields": ["is_published"]}),
    ]
