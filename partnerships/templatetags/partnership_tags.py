"""Template helpers for partnerships, places and events: `{% load partnership_tags %}`."""

from django import template
from django.utils.translation import gettext as _

from tep_portal.text import year_display

from .. import presentation

register = template.Library()


@register.filter
def event_date(event):
    return presentation.event_date_display(event)


@register.filter
def event_iso(event):
    return presentation.event_date_iso(event)


@register.filter
def distance(partnership):
    return presentation.distance_display(partnership) or ""


@register.filter
def statistic_year(statistic):
    """ "2018" ("2018年" in Chinese), "c. 2014" (approximate) or "" when the figure has no year."""
    if not statistic.as_of_year:
        return ""
    if statistic.is_approximate_date:
        return _("c. %(year)s") % {"year": statistic.as_of_year}
    return year_display(statistic.as_of_year)


@register.simple_tag
def chinese_name(place, aside=False):
    """A Chinese place's name in English and characters, each marked with its language
    (`aside=True` inside brackets: no second pair of brackets on Chinese pages)."""
    return presentation.place_label_html(place, aside=aside)


@register.simple_tag
def chinese_name_text(place):
    """The same as plain text, for <option>, <title> and meta tags (no markup allowed there)."""
    return presentation.place_label(place)
