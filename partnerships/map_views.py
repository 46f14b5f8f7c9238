"""The partnership map page (/partnerships/map/) and the maps other pages show:
the compact map on the home page, the two places of a partnership, a school's
council and its sister schools' cities."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView

from tep_portal.fragment_cache import remember
from tep_portal.views import PublicPageMixin

from . import map_groups, maps
from .filters import DirectoryFilterForm
from .views import published_partnerships

# Query parameters of the directory that the map keeps (not the page number: the map has no pages).
PAGE_PARAMETER = "page"


def query_string(request, **changes):
    """The request's query string without its page number, with `changes` applied ("?…" or "")."""
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    for name, value in changes.items():
        query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else ""


def map_caption(data):
    aggregated = maps.is_aggregated(data)
    places = len({link.uk.key for link in data.links}), len({link.china.key for link in data.links})
    text = ngettext(
        "%(count)s partnership between %(uk)s UK places and %(china)s Chinese places",
        "%(count)s partnerships between %(uk)s UK places and %(china)s Chinese places",
        data.count,
    ) % {"count": data.count, "uk": places[0], "china": places[1]}
    if aggregated:
        text = _("%(text)s, counted by UK region and Chinese province") % {"text": text}
    return text


class FilteredMapUrls:
    """URLs of the map narrowed to one region, province or pair, other filters kept."""

    def __init__(self, request):
        self.request = request
        self.base = reverse("partnerships:map")

    def _url(self, **changes):
        return self.base + query_string(self.request, **changes)

    def region(self, code):
        return self._url(region=code)

    def province(self, slug):
        return self._url(province=slug)

    def group(self, group):
        if group.province:
            return self._url(region=group.region, province=group.province.key)
        return self._url(region=group.region, q=group.links[0].china.name)


class PartnershipMapView(PublicPageMixin, TemplateView):
    template_name = "partnerships/map.html"
    # The query parameters the page reads (the directory's filters); any other keeps it out of the page cache.
    page_cache_parameters = tuple(DirectoryFilterForm.base_fields)
    page_title = gettext_lazy("Partnership map")
    meta_description = gettext_lazy(
        "Every UK–China sister-city partnership on one map: the UK and China side by side, "
        "each partnership a line between its two places. Filter by region, province, kind, status and year."
    )

    def get_page_title(self, context):
        if self.form.is_filtered:
            return _("Partnership map: filtered results")
        return super().get_page_title(context)

    def get_breadcrumbs(self):
        return [(_("Partnerships"), reverse("partnerships:list")), (_("Map"), reverse("partnerships:map"))]

    def get_context_data(self, **kwargs):
        self.form = DirectoryFilterForm(self.request.GET)
        # Drawn once per content generation for each set of filters (the map and its list cost 70 ms
        # with 2,000 partnerships); a query string with anything else is this visitor's own.
        key = self.form.shared_key
        drawn = self.draw() if key is None else remember("partnership-map", self.draw, key)
        return super().get_context_data(form=self.form, query=query_string(self.request), **drawn, **kwargs)

    def draw(self):
        """The map, its caption and legend and the list after it, as the template shows them."""
        data = maps.map_data(self.form.filter(published_partnerships()))
        caption = map_caption(data)
        aggregated = maps.is_aggregated(data)
        urls = FilteredMapUrls(self.request)
        groups = [(group, urls.group(group)) for group in map_groups.groups_of(data.links)] if aggregated else []
        links = sorted(data.links, key=lambda link: link.label)
        return {
            "count": data.count,
            "caption": caption,
            "svg": maps.render_svg(data, title=caption, urls=urls),
            "legend": maps.legend_items(aggregated),
            "map_list": render_to_string(
                "partnerships/map_list.html",
                {"aggregated": aggregated, "groups": groups, "links": links, "not_drawn": data.not_drawn},
            ),
        }


def home_map():
    """The compact map of every published partnership on the home page: one picture, one link."""
    return remember("home-map", _draw_home_map)


def _draw_home_map():
    data = maps.map_data(published_partnerships())
    caption = map_caption(data)
    return {
        "svg": maps.render_svg(data, interactive=False, title=caption, css_class="map map--compact"),
        "caption": caption,
        "legend": maps.legend_items(maps.is_aggregated(data)),
    }
