"""How records read on the public pages: dates at their precision, distances,
editable body text. Shared by templates (through the `tep` tag library), the
RSS feed and the structured data, so all three say the same thing.
"""

import re
from dataclasses import dataclass

from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from .models import DatePrecision

HEADING_PREFIX = "## "


def year_display(year):
    """A year standing alone as a date: "2019" in English, "2019年" in Chinese ("" for no year)."""
    if year is None or year == "":
        return ""
    # Translators: a year on its own as a date (an event's date, a timeline heading, the year
    # a partnership was established). Chinese readers expect the year character: "%(year)s年".
    return pgettext("a year on its own", "%(year)s") % {"year": year}


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


@dataclass(frozen=True)
class Block:
    """One block of editable body text: a paragraph (lines kept) or a subheading."""

    kind: str  # "p" or "heading"
    lines: tuple

    @property
    def text(self):
        return " ".join(self.lines)


def body_blocks(text):
    """Split editable text into paragraphs on blank lines; "## " starts a subheading."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        paragraph = []
        for line in lines:
            if line.startswith(HEADING_PREFIX) or line == HEADING_PREFIX.strip():
                if paragraph:
                    blocks.append(Block("p", tuple(paragraph)))
                    paragraph = []
                heading = line[len(HEADING_PREFIX) :].strip()
                if heading:
                    blocks.append(Block("heading", (heading,)))
            else:
                paragraph.append(line)
        if paragraph:
            blocks.append(Block("p", tuple(paragraph)))
    return blocks


def truncate_description(text, limit=160):
    """A meta description: whole words, at most `limit` characters."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return f"{cut}…"


def bracketed(text):
    """An aside in brackets after a name, as the active language writes them: " (Zhejiang)"
    in English, "（浙江省）" in Chinese (full-width, no space before). Safe text stays safe."""
    # Translators: brackets around an aside after a name, e.g. "Nottingham (City council)". Keep
    # the space before them only where your language writes one; Chinese: "（%(aside)s）".
    result = pgettext("an aside in brackets", " (%(aside)s)") % {"aside": text}
    return mark_safe(result) if isinstance(text, SafeData) else result


def join_list(items):
    """Short lists in running text: "a, b, c" in English, "a、b、c" in Chinese."""
    # Translators: between the items of a short list in running text; Chinese uses "、".
    return pgettext("between list items", ", ").join(str(item) for item in items)


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
