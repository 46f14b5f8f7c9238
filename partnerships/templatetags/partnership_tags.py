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
def chinese_name(place):
    """A Chinese place's (or school's) name: in characters alone on Chinese pages, in English
    with the characters beside it on English pages, each marked with its language."""
    return presentation.place_label_html(place)


@register.simple_tag
def chinese_name_text(place):
    """The same as plain text, for <option>, <title> and meta tags (no markup allowed there)."""
    return presentation.place_label(place)


@register.simple_tag
def uk_name(obj, field="name"):
    """A UK school's or person's name: `{% uk_name school %}`, `{% uk_name quote "speaker" %}`. On
    Chinese pages the Chinese name with the English in brackets: 芬伍德学校（The Fernwood School）."""
    return presentation.uk_name_html(obj, field)
