from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from tep_portal.admin import PublishActionsMixin
from tep_portal.admin_forms import TranslatedErrorsMixin
from tep_portal.admin_history import HistoryAdmin
from tep_portal.admin_widgets import PreloadedAutocompleteForm
from tep_portal.images import clean_image_upload, image_upload_help_text
from tep_portal.text import join_list
from tep_portal.translation_status import TranslationStatusMixin

from .admin_events import EventPublishingAdminMixin
from .admin_filters import EventPartnershipFilter
from .admin_images import HeroImageAdminMixin
from .models import (
    Area,
    Benefit,
    ChinesePlace,
    Council,
    EventPartnership,
    Page,
    Partnership,
    ProcessStep,
    Quote,
    Statistic,
    TimelineEvent,
)
from .versioning import register_models

register_models()  # before the admins below, so the history keeps what each record is saved with


@admin.register(Council)
class CouncilAdmin(HistoryAdmin, TranslationStatusMixin, TranslationAdmin):
    list_display = ["name", "kind", "region", "nation_display", "partnership_count"]
    list_filter = ["kind", "region"]
    search_fields = ["name_en", "name_zh_hans", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_partnerships=Count("partnerships"))

    @admin.display(description=_("UK nation"))
    def nation_display(self, obj):
        return obj.get_nation_display()

    @admin.display(description=_("partnerships"), ordering="num_partnerships")
    def partnership_count(self, obj):
        return obj.num_partnerships


@admin.register(ChinesePlace)
class ChinesePlaceAdmin(HistoryAdmin, TranslationStatusMixin, TranslationAdmin):
    list_display = ["name", "name_zh_hans", "kind", "province", "latitude", "longitude"]
    list_filter = ["kind", ("province", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["province"]
    search_fields = ["name_en", "name_zh_hans", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["province"]


class PartnershipInline(admin.TabularInline):
    model = Partnership
    fields = ["council", "chinese_place", "kind", "status", "is_published"]
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Area)
class AreaAdmin(HistoryAdmin, TranslationStatusMixin, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_zh_hans"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [PartnershipInline]


class EventLinkForm(PreloadedAutocompleteForm, forms.ModelForm):
    class Meta:
        model = EventPartnership
        fields = ["timelineevent", "partnership"]


class PartnershipEventInline(admin.TabularInline):
    """The partnership's events, on its own page: pick an existing event (search by title)."""

    model = EventPartnership
    form = EventLinkForm
    fk_name = "partnership"
    fields = ["timelineevent"]
    autocomplete_fields = ["timelineevent"]
    extra = 0
    verbose_name = _("timeline event")
    verbose_name_plural = _("timeline events")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("timelineevent").order_by("timelineevent__date", "pk")


class EventPartnershipInline(admin.TabularInline):
    """On an event's page: the partnerships it belongs to (at least one)."""

    model = EventPartnership
    form = EventLinkForm
    fk_name = "timelineevent"
    fields = ["partnership"]
    autocomplete_fields = ["partnership"]
    extra = 0
    min_num = 1
    validate_min = True
    verbose_name = _("partnership")
    verbose_name_plural = _("partnerships")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("partnership__council", "partnership__chinese_place")


class QuoteInline(TranslationStackedInline):
    """One block per quote: with the text, speaker and role in both languages a row of a
    table was twice as wide as the change form."""

    model = Quote
    fields = ["text", "speaker", "role", "is_paraphrase", "is_published"]
    extra = 0
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 40})}}


class PartnershipAdminForm(TranslatedErrorsMixin, forms.ModelForm):
    """Leaving the slug empty makes one from the two place names."""

    class Meta:
        model = Partnership
        fields = "__all__"  # noqa: DJ007 - staff-only form; the admin's fieldsets choose what shows

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty to make one from the two names, e.g. nottingham-ningbo.")
        self.fields["hero_image"].help_text = image_upload_help_text()

    def clean_hero_image(self):
        image = self.cleaned_data.get("hero_image")
        if isinstance(image, UploadedFile):  # a new upload; an unchanged image is the stored file
            return clean_image_upload(image)
        return image

    def clean(self):
        cleaned = super().clean()
        council, place = cleaned.get("council"), cleaned.get("chinese_place")
        if not cleaned.get("slug") and council and place:
            cleaned["slug"] = Partnership.slug_for(council.name_en, place.name_en)
            self.instance.slug = cleaned["slug"]
            if Partnership.objects.filter(slug=cleaned["slug"]).exclude(pk=self.instance.pk).exists():
                self.add_error(
                    "slug", _("A partnership with the address %(slug)s already exists.") % {"slug": cleaned["slug"]}
                )
        return cleaned


@admin.register(Partnership)
class PartnershipAdmin(
    HistoryAdmin, HeroImageAdminMixin, PublishActionsMixin, TranslationStatusMixin, TranslationAdmin
):
    list_display = [
        "__str__",
        "hero_thumbnail",
        "kind",
        "year_established",
        "status",
        "year_ended",
        "confidence",
        "is_published",
        "is_featured",
    ]
    list_filter = ["is_published", "status", "kind", "confidence", "council__region", "area", "is_featured"]
    list_select_related = ["council", "chinese_place"]
    search_fields = [
        "slug",
        "council__name_en",
        "council__name_zh_hans",
        "chinese_place__name_en",
        "chinese_place__name_zh_hans",
    ]
    autocomplete_fields = ["council", "chinese_place"]
    form = PartnershipAdminForm
    save_on_top = True
    inlines = [PartnershipEventInline, QuoteInline]
    fieldsets = [
        (None, {"fields": ["council", "chinese_place", "slug", "area", "kind"]}),
        (_("Dates and status"), {"fields": ["year_established", "year_note", "status", "year_ended"]}),
        (_("Story"), {"fields": ["summary", "body", "hero_image", "hero_image_alt"]}),
        (_("Sources"), {"fields": ["confidence", "source_url", "source_note", "research_note"]}),
        (_("Publishing"), {"fields": ["is_published", "is_featured"]}),
    ]


@admin.register(TimelineEvent)
class TimelineEventAdmin(
    HistoryAdmin, EventPublishingAdminMixin, PublishActionsMixin, TranslationStatusMixin, TranslationAdmin
):
    list_display = ["title", "date", "future_marker", "precision", "category", "partnership_list", "is_published"]
    list_filter = ["is_published", "category", "precision", EventPartnershipFilter]
    search_fields = ["title_en", "title_zh_hans", "text_en", "text_zh_hans"]
    date_hierarchy = "date"
    # Facet counts would run one subquery per partnership in the filter.
    show_facets = admin.ShowFacets.NEVER
    inlines = [EventPartnershipInline]
    fieldsets = [
        (None, {"fields": ["date", "precision", "title", "text", "category"]}),
        (_("Links"), {"fields": ["source_url"]}),
        (_("Publishing"), {"fields": ["is_published"]}),
    ]

    @property
    def media(self):
        # The partnership filter's autocomplete (select2) on the list page.
        autocomplete = AutocompleteSelect(EventPartnership._meta.get_field("partnership"), self.admin_site)
        return super().media + autocomplete.media + forms.Media(css={"all": ["css/admin.css"]})

    def get_queryset(self, request):
        partnerships = Partnership.objects.select_related("council", "chinese_place")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("partnerships", queryset=partnerships, to_attr="partnership_rows"))
        )

    @admin.display(description=_("partnerships"))
    def partnership_list(self, obj):
        # A plain list (to_attr): no related manager built per row.
        rows = getattr(obj, "partnership_rows", None)
        return join_list(obj.partnerships.all() if rows is None else rows)


@admin.register(Quote)
class QuoteAdmin(HistoryAdmin, PublishActionsMixin, TranslationStatusMixin, TranslationAdmin):
    list_display = ["speaker", "role", "partnership", "is_published"]
    list_filter = ["is_published"]
    list_select_related = ["partnership__council", "partnership__chinese_place"]
    search_fields = ["speaker_en", "speaker_zh_hans", "text_en", "text_zh_hans"]
    autocomplete_fields = ["partnership"]


class OrderedContentAdmin(HistoryAdmin, PublishActionsMixin, TranslationStatusMixin, TranslationAdmin):
    list_editable = ["position", "is_published"]
    list_filter = ["is_published"]


@admin.register(Statistic)
class StatisticAdmin(OrderedContentAdmin):
    list_display = ["value", "label", "source_name", "as_of_year", "position", "is_published"]
    search_fields = ["label_en", "label_zh_hans", "source_name_en"]


@admin.register(ProcessStep)
class ProcessStepAdmin(OrderedContentAdmin):
    list_display = ["title", "position", "is_published"]
    search_fields = ["title_en", "title_zh_hans"]


@admin.register(Benefit)
class BenefitAdmin(OrderedContentAdmin):
    list_display = ["text", "position", "is_published"]
    search_fields = ["text_en", "text_zh_hans"]


@admin.register(Page)
class PageAdmin(HistoryAdmin, TranslationStatusMixin, TranslationAdmin):
    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title_en", "title_zh_hans", "slug"]
