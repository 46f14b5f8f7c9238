"""The public pages. Each view reads what it needs in a fixed number of queries
(select_related / prefetch_related), whatever the amount of data."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView, TemplateView

from tep_portal.fragment_cache import remember
from tep_portal.preview import PreviewMixin
from tep_portal.views import PublicPageMixin

from . import renditions, structured_data
from .filters import DirectoryFilterForm, TimelineFilterForm
from .models import Benefit, Council, Page, Partnership, ProcessStep, Quote, Statistic, TimelineEvent

HOME_EVENTS = 5
HOME_PAGES = ("home", "about")


def published_partnerships():
    return Partnership.objects.published().with_places()


def related_objects(model, accessor):
    """The objects of the model that declares the relation `accessor` on `model`.

    Apps built on partnerships (schools) add to its pages through the relations
    they declare on its models, so partnerships reads them without importing them.
    """
    return model._meta.get_field(accessor).related_model.objects


def events_with_partnerships(queryset):
    """Events with the published partnerships they belong to (one extra query)."""
    return queryset.prefetch_related(
        Prefetch("partnerships", queryset=published_partnerships(), to_attr="public_partnerships")
    )


class HomeView(PublicPageMixin, TemplateView):
    template_name = "partnerships/home.html"

    def get_page_title(self, context):
        page = context["page"]
        return page.title if page else _("UK–China sister-city and sister-school partnerships")

    def get_meta_description(self, context):
        page = context["page"]
        return page.introduction if page else ""

    def get_context_data(self, **kwargs):
        from .map_views import home_map  # map_views reads through this module (published_partnerships)

        # The title and description's Page records, and the body below the title (the template), are kept
        # per content generation: what the body reads is read only when it is rendered.
        pages = remember("home-pages", lambda: {page.slug: page for page in Page.objects.filter(slug__in=HOME_PAGES)})
        return super().get_context_data(
            page=pages.get("home"),
            about=pages.get("about"),
            figures=SimpleLazyObject(lambda: remember("home-figures", self.figures)),
            statistics=Statistic.objects.published(),
            featured=published_partnerships().filter(is_featured=True),
            events=events_with_partnerships(TimelineEvent.objects.published().newest_first())[:HOME_EVENTS],
            map=SimpleLazyObject(home_map),
            **kwargs,
        )

    @staticmethod
    def figures():
        return {
            **Partnership.objects.published().active().headline_figures(),
            "schools": related_objects(Council, "schools").published().count(),
        }


class PartnershipListView(PublicPageMixin, ListView):
    template_name = "partnerships/partnership_list.html"
    paginate_by = 12
    context_object_name = "partnership_list"  # named for the model, which a list of ids does not carry
    # The query parameters the page reads; any other keeps the page out of the page cache.
    page_cache_parameters = (*DirectoryFilterForm.base_fields, "page")

    meta_description = gettext_lazy(
        "Every UK–China sister-city partnership we know of: search by place in English or Chinese, "
        "filter by UK region, Chinese province, kind of link, status and year."
    )

    def get_queryset(self):
        """The ids of the matching partnerships, in directory order: kept per content generation
        and filters, so a page of results after an edit or for a new page number reads only its
        own twelve partnerships (sorting 2,000 of them by place names took most of the page's time)."""
        self.form = DirectoryFilterForm(self.request.GET)
        matching = self.form.filter(published_partnerships())
        return remember("directory-ids", lambda: list(matching.values_list("pk", flat=True)), self.form.results_key)

    def paginate_queryset(self, queryset, page_size):
        """The page's partnerships, read when the template renders them: the list of results is
        kept per content generation, filters and page number (the template)."""
        paginator, page, ids, is_paginated = super().paginate_queryset(queryset, page_size)

        def partnerships():
            found = published_partnerships().in_bulk(ids)
            return [found[pk] for pk in ids if pk in found]

        page.object_list = SimpleLazyObject(partnerships)
        return paginator, page, page.object_list, is_paginated

    def get_page_title(self, context):
        query = self.form.valid_data().get("q")
        if query:
            return _("Partnerships matching “%(query)s”") % {"query": query}
        if self.form.is_filtered:
            return _("UK–China partnerships: filtered results")
        return _("UK–China partnerships directory")

    def get_breadcrumbs(self):
        return [(_("Partnerships"), reverse("partnerships:list"))]

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class PartnershipDetailView(PreviewMixin, PublicPageMixin, DetailView):
    template_name = "partnerships/partnership_detail.html"
    model = Partnership

    def get_queryset(self):
        return Partnership.objects.with_places() if self.previewing else published_partnerships()

    def get_object(self, queryset=None):
        """The partnership, with its events, sister-school links and quotes as querysets read on
        first use: the page's body is a fragment kept per content generation (the template), so
        a visit after the first (a new query string, the page cache off) runs none of them.
        Staff who may change partnerships preview drafts, with the drafts that belong to them."""
        partnership = super().get_object(queryset)
        visible = (lambda qs: qs.all()) if self.previewing else (lambda qs: qs.published())
        partnership.public_events = SimpleLazyObject(lambda: visible(partnership.events).order_by("date", "id"))
        partnership.public_school_links = SimpleLazyObject(
            lambda: (
                visible(related_objects(Partnership, "school_links"))
                .filter(partnership=partnership)
                .select_related("uk_school__council", "chinese_school__city")
            )
        )
        partnership.public_quotes = SimpleLazyObject(lambda: visible(Quote.objects).filter(partnership=partnership))
        return partnership

    def get_breadcrumbs(self):
        return [(_("Partnerships"), reverse("partnerships:list")), (str(self.object), self.object.get_absolute_url())]

    def get_page_title(self, context):
        partnership = self.object
        place = partnership.chinese_place
        chinese = f" ({place.name_zh_hans})" if place.name_zh_hans and place.name_zh_hans != place.name else ""
        return _("%(council)s – %(place)s%(chinese)s: %(kind)s") % {
            "council": partnership.council.name,
            "place": place.name,
            "chinese": chinese,
            "kind": partnership.get_kind_display().lower(),
        }

    def get_meta_description(self, context):
        return self.object.summary or str(self.object)

    def get_structured_data(self, context):
        partnership = self.object

        def events():
            return structured_data.events(self.request, partnership.public_events, partnership=partnership)

        # Kept like the page's body (never for a preview: signed-in staff share no fragments); it
        # holds absolute URLs, so per scheme and host as pages are.
        return [remember("partnership-events-data", events, partnership.pk, self.request.build_absolute_uri("/"))]

    def get_context_data(self, **kwargs):
        partnership = self.object
        # Read by the template only when the partnership has an area (and the body is not kept).
        same_area = (
            published_partnerships().filter(area__isnull=False, area_id=partnership.area_id).exclude(pk=partnership.pk)
        )
        hero = renditions.image_set(partnership.hero_image)
        return super().get_context_data(same_area=same_area, hero=hero, **kwargs)


class TimelineView(PublicPageMixin, ListView):
    template_name = "partnerships/timeline.html"
    paginate_by = 20
    page_cache_parameters = (*TimelineFilterForm.base_fields, "page")

    def get_queryset(self):
        self.form = TimelineFilterForm(self.request.GET)
        return events_with_partnerships(self.form.filter(TimelineEvent.objects.published().newest_first()))

    def get_paginator(self, queryset, per_page, **kwargs):
        """Counted once per content generation and filters: counting 20,000 events (each with a
        published partnership) took half the page's time."""
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = remember("timeline-count", queryset.count, self.form.results_key)
        return paginator

    page_title = gettext_lazy("Partnership timeline")
    meta_description = gettext_lazy(
        "What has happened in the UK–China sister-city and sister-school partnerships, newest first: "
        "visits, agreements, gifts and school exchanges."
    )

    def get_breadcrumbs(self):
        return [(_("Timeline"), reverse("partnerships:timeline"))]

    def get_page_title(self, context):
        if self.form.is_filtered:
            return _("Partnership timeline: filtered events")
        return super().get_page_title(context)

    def get_structured_data(self, context):
        def events():
            return structured_data.events(self.request, context["object_list"])

        # Kept with the page of events; it holds absolute URLs, so per scheme and host as pages are.
        origin = self.request.build_absolute_uri("/")
        page = context["page_obj"].number
        return [remember("timeline-events-data", events, self.form.results_key, page, origin)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class StandingPageView(PublicPageMixin, TemplateView):
    """A page whose copy staff edit (Page record), with optional structured records."""

    template_name = "partnerships/page.html"
    slug = None
    default_title = None
    url_name = None

    def get_breadcrumbs(self):
        return [(self.title, reverse(self.url_name))]

    def get_page_title(self, context):
        return self.title

    def get_meta_description(self, context):
        return self.page.introduction if self.page else ""

    def get_context_data(self, **kwargs):
        self.page = Page.objects.filter(slug=self.slug).first()
        self.title = self.page.title if self.page else str(self.default_title)
        return super().get_context_data(page=self.page, title=self.title, **kwargs)


class AboutView(StandingPageView):
    slug = "about"
    default_title = gettext_lazy("About TEP")
    url_name = "partnerships:about"
    template_name = "partnerships/about.html"


class ProcessView(StandingPageView):
    slug = "process"
    default_title = gettext_lazy("Sister City Partnership Process")
    url_name = "partnerships:process"
    template_name = "partnerships/process.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(steps=ProcessStep.objects.published(), **kwargs)


class BenefitsView(StandingPageView):
    slug = "benefits"
    default_title = gettext_lazy("Benefits of a Sister City Partnership")
    url_name = "partnerships:benefits"
    template_name = "partnerships/benefits.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            benefits=Benefit.objects.published(),
            statistics=Statistic.objects.published(),
            **kwargs,
        )
