from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from partnerships.admin import PartnershipAdmin
from partnerships.models import Partnership
from tep_portal.admin import PublishActionsMixin
from tep_portal.admin_history import HistoryAdmin
from tep_portal.admin_widgets import PreloadedAutocompleteForm
from tep_portal.translation_status import TranslationStatusMixin

from .models import ChineseSchool, SisterSchoolLink, UKSchool
from .versioning import register_models

register_models()  # before the admins below, so a school's history keeps its links


class SchoolLinkForm(PreloadedAutocompleteForm, forms.ModelForm):
    class Meta:
        model = SisterSchoolLink
        fields = "__all__"  # noqa: DJ007 - staff-only form; each inline's `fields` chooses what shows


class SisterSchoolLinkInline(TranslationStackedInline):
    model = SisterSchoolLink
    form = SchoolLinkForm
    fields = ["chinese_school", "partnership", "year_started", "activities", "is_published"]
    autocomplete_fields = ["chinese_school", "partnership"]
    extra = 0

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("uk_school", "chinese_school", "partnership__council", "partnership__chinese_place")
        )


class PartnershipSchoolLinkInline(SisterSchoolLinkInline):
    """The sister-school links of a city partnership, on the partnership's page."""

    fk_name = "partnership"
    fields = ["uk_school", "chinese_school", "year_started", "activities", "is_published"]
    autocomplete_fields = ["uk_school", "chinese_school"]
    verbose_name_plural = _("sister-school links")


# The partnership's page also edits its school links. partnerships never imports schools, so
# this app extends the registered admin (README "Layout").
admin.site.unregister(Partnership)


@admin.register(Partnership)
class PartnershipWithSchoolsAdmin(PartnershipAdmin):
    inlines = [*PartnershipAdmin.inlines, PartnershipSchoolLinkInline]


@admin.register(UKSchool)
class UKSchoolAdmin(HistoryAdmin, PublishActionsMixin, TranslationStatusMixin, TranslationAdmin):
    list_display = ["name", "town", "council", "phase", "urn", "is_published"]
    list_filter = ["is_published", "phase", ("council", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["council"]
    search_fields = ["name_en", "name_zh_hans", "town_en", "town_zh_hans", "urn"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["council", "events"]
    inlines = [SisterSchoolLinkInline]


@admin.register(ChineseSchool)
class ChineseSchoolAdmin(HistoryAdmin, TranslationStatusMixin, TranslationAdmin):
    list_display = ["name", "name_zh_hans", "city"]
    list_filter = [("city", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["city"]
    search_fields = ["name_en", "name_zh_hans"]
    autocomplete_fields = ["city"]


@admin.register(SisterSchoolLink)
class SisterSchoolLinkAdmin(HistoryAdmin, PublishActionsMixin, TranslationStatusMixin, TranslationAdmin):
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
