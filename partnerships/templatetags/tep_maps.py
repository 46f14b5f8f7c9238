"""The small maps of the partnership and school pages: `{% load tep_maps %}`.

They draw from objects the page has already loaded, so they cost no query."""

from django import template
from django.utils.translation import gettext as _

from tep_portal.text import join_list

from .. import maps
from ..map_views import query_string

register = template.Library()


@register.simple_tag
def partnership_map(partnership):
    """The two places of a partnership and the line between them, named."""
    council, place = partnership.council, partnership.chinese_place
    title = _("Map: %(council)s in the UK and %(place)s in China") % {"council": council.name, "place": place.name}
    data = maps.pairs_data(council, [place])
    return maps.render_svg(data, interactive=False, labels=True, title=title, css_class="map map--small")


@register.simple_tag
def school_map(school):
    """A school's council, and the cities of its published sister schools in China."""
    cities = list({link.chinese_school.city_id: link.chinese_school.city for link in school.public_links}.values())
    if cities:
        title = _("Map: %(council)s in the UK and %(places)s in China") % {
            "council": school.council.name,
            "places": join_list(city.name for city in cities),
        }
    else:
        title = _("Map: %(council)s in the UK") % {"council": school.council.name}
    data = maps.pairs_data(school.council, cities)
    return maps.render_svg(data, interactive=False, labels=True, title=title, css_class="map map--small")


@register.simple_tag(takes_context=True)
def filters_query(context):
    """The directory's filters in use, as a query string for the map and the data files ("" if none)."""
    return query_string(context["request"])
