"""UK schools with sister schools in China. Fixed query counts: the school (or the page of
schools), then one query per related list, and none of those while the page's body is kept
for the content generation (tep_portal/fragment_cache.py)."""

from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from partnerships.models import Partnership, TimelineEvent
from partnerships.presentation import uk_name
from tep_portal.fragment_cache import remember
from tep_portal.preview import PreviewMixin
from tep_portal.views import PublicPageMixin

from .models import SisterSchoolLink, UKSchool


def published_links(drafts=False):
    links = SisterSchoolLink.objects.all() if drafts else SisterSchoolLink.objects.published()
    return links.select_related(
        "chinese_school__city__province", "partnership__council", "partnership__chinese_place"
    ).annotate(partnership_is_public=Exists(Partnership.objects.published().filter(pk=OuterRef("partnership"))))


def schools_with_links(drafts=False):
    schools = UKSchool.objects.all() if drafts else UKSchool.objects.published()
    return schools.select_related("council").prefetch_related(
        Prefetch("links", queryset=published_links(drafts), to_attr="public_links")
    )


class SchoolListView(PublicPageMixin, ListView):
    template_name = "schools/ukschool_list.html"
    paginate_by = 24
    page_cache_parameters = ("page",)

    def get_queryset(self):
        return schools_with_links()

    def get_paginator(self, queryset, per_page, **kwargs):
        """Counted once per content generation; each page's list of schools is kept with it (the template)."""
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = remember("schools-count", queryset.count)
        return paginator

    page_title = gettext_lazy("Sister schools in the UK and China")
    meta_description = gettext_lazy(
        "UK schools with a sister school in China through True Education Partnership, and what they have done together."
    )

    def get_breadcrumbs(self):
        return [(_("Schools"), reverse("schools:list"))]


class SchoolDetailView(PreviewMixin, PublicPageMixin, DetailView):
    template_name = "schools/ukschool_detail.html"
    context_object_name = "school"
    model = UKSchool

    def get_queryset(self):
        schools = UKSchool.objects.all() if self.previewing else UKSchool.objects.published()
        return schools.select_related("council")

    def get_object(self, queryset=None):
        """The school, with its links and events as querysets read on first use: the page's body
        is kept per content generation (the template). Staff who may change schools preview
        drafts, with the drafts that belong to them."""
        school = super().get_object(queryset)
        school.public_links = SimpleLazyObject(lambda: published_links(drafts=self.previewing).filter(uk_school=school))
        events = TimelineEvent.objects.all() if self.previewing else TimelineEvent.objects.published()
        school.public_events = SimpleLazyObject(lambda: events.filter(schools=school).order_by("date", "id"))
        return school

    def get_breadcrumbs(self):
        return [(_("Schools"), reverse("schools:list")), (uk_name(self.object), self.object.get_absolute_url())]

    def get_page_title(self, context):
        return _("%(school)s: sister school partnership") % {"school": uk_name(self.object)}

    def get_meta_description(self, context):
        return self.object.summary or self.object.name
