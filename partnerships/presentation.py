"""How partnership records read on the public pages: dates at their precision,
distances, place names. Shared by templates (through the `partnership_tags`
library), the RSS feed and the structured data, so all three say the same thing.
"""

from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tep_portal.text import bracketed, year_display

from .models import DatePrecision


def event_date_display(event):
    """ "2004", "September 2004" or "5 November 2015", in the active language's format."""
    if event.precision == DatePrecision.YEAR:
        return year_display(event.date.year)
    if event.precision == DatePrecision.MONTH:
        return formats.date_format(event.date, "YEAR_MONTH_FORMAT")
    return formats.date_format(event.date, "DATE_FORMAT")


def event_date_iso(event):
    """ISO 8601 at the event's precision ("2004", "2004-09", "2015-11-05"), for <time> and schema.org."""
    if event.precision == DatePrecision.YEAR:
        return f"{event.date.year:04d}"
    if event.precision == DatePrecision.MONTH:
        return f"{event.date.year:04d}-{event.date.month:02d}"
    return event.date.isoformat()


def event_label(event):
    """ "2019: Title" for feeds and structured data; Chinese writes "2019年：标题"."""
    return _("%(date)s: %(title)s") % {"date": event_date_display(event), "title": event.title}


def round_distance(value):
    """Distances are approximate (city centres): round to the nearest ten."""
    return None if value is None else int(round(value, -1))


def distance_display(partnership):
    """ "about 5,760 miles (9,270 km)" or None when a place has no coordinates."""
    km, miles = round_distance(partnership.distance_km), round_distance(partnership.distance_miles)
    if km is None:
        return None
    return _("about %(miles)s miles (%(km)s km)") % {
        "miles": formats.number_format(miles, force_grouping=True),
        "km": formats.number_format(km, force_grouping=True),
    }


def place_names(place):
    """(first, second) names of a Chinese place for the active language, or (name, None) when it has one name."""
    english, chinese = place.name_en, place.name_zh_hans
    if not chinese or chinese == english:
        return english, None
    if (get_language() or "en").startswith("zh"):
        return chinese, english
    return english, chinese


def place_label(place):
    """A Chinese place's names as plain text, for <option>, <title> and meta tags."""
    first, second = place_names(place)
    return first if second is None else first + bracketed(second)


def place_label_html(place, *, aside=False):
    """The same, each name marked with its language. `aside`: the label already stands in
    brackets, so a Chinese page gives the Chinese name alone rather than nest more brackets."""
    first, second = place_names(place)
    if second is None:
        return first
    if (get_language() or "en").startswith("zh"):
        if aside:
            return format_html('<span lang="zh-Hans">{}</span>', first)
        return format_html(
            '<span lang="zh-Hans">{}</span>{}', first, bracketed(format_html('<span lang="en">{}</span>', second))
        )
    return format_html('{} <span lang="zh-Hans">{}</span>', first, second)
