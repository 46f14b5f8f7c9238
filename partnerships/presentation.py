"""How partnership records read on the public pages: dates at their precision,
distances, place names. Shared by templates (through the `partnership_tags`
library), the RSS feed and the structured data, so all three say the same thing.
"""

from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from tep_portal.text import bracketed, is_chinese_page, year_display

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
    """(first, second) names of a Chinese place for the active language. A Chinese page gives the
    Chinese name alone (second is None), the English or pinyin only where no Chinese name is known;
    an English page gives the English name with the characters beside it."""
    english, chinese = place.name_en, place.name_zh_hans
    if is_chinese_page():
        return chinese or english, None
    if not chinese or chinese == english:
        return english, None
    return english, chinese


def place_label(place):
    """A Chinese place's names as plain text, for <option>, <title> and meta tags."""
    first, second = place_names(place)
    return first if second is None else first + bracketed(second)


def place_label_html(place):
    """The same, each name marked with its language (on a Chinese page, the English name shown
    where no Chinese one is known is marked English) and kept on one line (class "name")."""
    first, second = place_names(place)
    if is_chinese_page():
        return format_html('<span class="name" lang="{}">{}</span>', "zh-Hans" if place.name_zh_hans else "en", first)
    if second is None:
        return first
    return format_html('{} <span class="name" lang="zh-Hans">{}</span>', first, second)


def uk_names(obj, field="name"):
    """(name, english) of a UK school or person (`field` names the translated field) for the active
    language: on a Chinese page the Chinese name with the English to put in brackets after it
    (加里·米勒（Gary Miller）), or the English alone (english None) where no Chinese name was
    entered; on an English page the English name alone."""
    english = getattr(obj, f"{field}_en") or ""
    chinese = getattr(obj, f"{field}_zh_hans") or ""
    if is_chinese_page() and chinese:
        return chinese, (english if english and english != chinese else None)
    return english or chinese, None


def uk_name(obj, field="name"):
    """A UK school's or person's name as plain text, for <title>, breadcrumbs and meta tags."""
    name, english = uk_names(obj, field)
    return name if english is None else name + bracketed(english)


def uk_name_html(obj, field="name"):
    """The same, the English marked as English (also where it stands alone on a Chinese page)."""
    name, english = uk_names(obj, field)
    if english is not None:
        return format_html("{}{}", name, bracketed(format_html('<span lang="en">{}</span>', english)))
    if is_chinese_page() and not getattr(obj, f"{field}_zh_hans"):
        return format_html('<span lang="en">{}</span>', name)
    return name
