"""The partnership map as server-rendered SVG: the UK and China side by side
(partnerships/map_insets.py), land from static files, our places as marks and
each partnership as a line between its two places.

- Each line is a link to the partnership's page, named for screen readers and
  tooltips ("Nottingham – Ningbo, twin city since 2005"); status shows as the
  line's pattern (solid, dashed, dotted) as well as its colour.
- More than MAX_SINGLE_LINES partnerships would be a tangle: they are then
  counted instead, a circle per UK region and per Chinese province sized by its
  count, and lines (as thick as their count) for the MAX_GROUP_LINES busiest
  region–province pairs, each linking to the map narrowed to it; every place
  keeps a small mark.
- No JavaScript and no inline style (CSP): the look is in static/css/site.css.
  Marks are zero-length strokes with round caps and non-scaling strokes, so
  they stay the same size in pixels on a phone and on a desktop.

The SVG is built as text: a few hundred elements in a couple of milliseconds,
where a template loop would take tens.
"""

from dataclasses import dataclass, field

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tep_portal.text import is_chinese_page, year_display

from . import map_groups
from .map_insets import CHINA, UK, offsets
from .map_svg import NS, curve, marks, num, place_label, project
from .models import PROVINCE_LEVEL_KINDS, LinkKind, LinkStatus

MAX_SINGLE_LINES = 150
# Drawing order: ended under dormant under active.
STATUS_ORDER = {LinkStatus.ENDED: 0, LinkStatus.DORMANT: 1, LinkStatus.ACTIVE: 2}


@dataclass(frozen=True)
class MapPlace:
    key: str
    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class MapLink:
    """One partnership as the map draws it."""

    url: str
    label: str
    status: str
    uk: MapPlace
    china: MapPlace
    region: str  # the UK region's code
    province: MapPlace | None  # the Chinese province-level place (None: a city given no province)


@dataclass
class MapData:
    links: list
    not_drawn: list = field(default_factory=list)  # partnerships with a place lacking coordinates

    @property
    def count(self):
        return len(self.links) + len(self.not_drawn)


def _name(row, prefix, chinese):
    english = row[f"{prefix}name_en"]
    return (row[f"{prefix}name_zh_hans"] or english) if chinese else english


MAP_FIELDS = (
    "slug",
    "kind",
    "status",
    "year_established",
    "year_ended",
    "council__slug",
    "council__name_en",
    "council__name_zh_hans",
    "council__latitude",
    "council__longitude",
    "council__region",
    "chinese_place__slug",
    "chinese_place__kind",
    "chinese_place__name_en",
    "chinese_place__name_zh_hans",
    "chinese_place__latitude",
    "chinese_place__longitude",
    "chinese_place__province__slug",
    "chinese_place__province__name_en",
    "chinese_place__province__name_zh_hans",
)


def map_data(queryset):
    """The partnerships of a queryset as the map needs them, in one query."""
    chinese = is_chinese_page()
    # Page URLs by joining the slug to the reversed prefix: reverse() for each of 2,000 rows costs 20 ms.
    base = reverse("partnerships:detail", kwargs={"slug": "-"})[:-2]
    link_label = LinkLabels()
    data = MapData(links=[])
    for row in queryset.order_by("council__name_en", "chinese_place__name_en").values(*MAP_FIELDS):
        council, place = _name(row, "council__", chinese), _name(row, "chinese_place__", chinese)
        label = link_label(council, place, row)
        coordinates = (row["council__latitude"], row["council__longitude"])
        coordinates += (row["chinese_place__latitude"], row["chinese_place__longitude"])
        if None in coordinates:
            data.not_drawn.append((f"{base}{row['slug']}/", label))
            continue
        if row["chinese_place__kind"] in PROVINCE_LEVEL_KINDS:
            province = MapPlace(row["chinese_place__slug"], place, 0, 0)
        elif row["chinese_place__province__slug"]:
            province = MapPlace(
                row["chinese_place__province__slug"], _name(row, "chinese_place__province__", chinese), 0, 0
            )
        else:
            province = None
        data.links.append(
            MapLink(
                url=f"{base}{row['slug']}/",
                label=label,
                status=row["status"],
                uk=MapPlace(row["council__slug"], council, float(coordinates[0]), float(coordinates[1])),
                china=MapPlace(row["chinese_place__slug"], place, float(coordinates[2]), float(coordinates[3])),
                region=row["council__region"],
                province=province,
            )
        )
    return data


class LinkLabels:
    """Names the map's links: "Nottingham – Ningbo, twin city since 2005" (and the status when
    not active). Each wording and year is translated once per map, not once per partnership:
    with 2,000 partnerships the lookups were most of the time spent reading them."""

    def __init__(self):
        self.kinds = {code: str(label).lower() for code, label in LinkKind.choices}
        self.statuses = {code: str(label).lower() for code, label in LinkStatus.choices}
        # Translators: a partnership as a map link names it, e.g. "Nottingham – Ningbo, twin city since 2005";
        # %(year)s is the year alone as a date ("2005年" in Chinese).
        self.since = _("%(council)s – %(place)s, %(kind)s since %(year)s")
        self.plain = _("%(council)s – %(place)s, %(kind)s")
        self.ended = _("%(label)s, ended in %(year)s")
        self.other_status = _("%(label)s, %(status)s")
        self.years = {}

    def year(self, year):
        if year not in self.years:
            self.years[year] = year_display(year)
        return self.years[year]

    def __call__(self, council, place, row):
        values = {"council": council, "place": place, "kind": self.kinds[row["kind"]]}
        year = row["year_established"]
        label = self.since % {**values, "year": self.year(year)} if year else self.plain % values
        if row["status"] == LinkStatus.ENDED and row["year_ended"]:
            return self.ended % {"label": label, "year": self.year(row["year_ended"])}
        if row["status"] != LinkStatus.ACTIVE:
            return self.other_status % {"label": label, "status": self.statuses[row["status"]]}
        return label


# SVG -----------------------------------------------------------------------------------------


def is_aggregated(data):
    return len(data.links) > MAX_SINGLE_LINES


def render_svg(data, *, interactive=True, labels=False, title="", urls=None, css_class="map"):
    """The map as inline SVG markup.

    interactive: each line a link (otherwise one picture, role="img", named by `title`);
    labels: the places' names beside their marks (the small maps of one or a few places);
    urls: for an aggregated map, an object with region(code), province(key) and group(group)
    giving the URL of the map filtered to it.
    """
    origins, (width, height) = offsets()
    links = data.links
    uk_points = project([link.uk for link in links], UK, origins[UK.key])
    china_points = project([link.china for link in links if link.china], CHINA, origins[CHINA.key])
    role = "group" if interactive else "img"
    out = [
        f'<svg class="{css_class}" viewBox="0 0 {num(width)} {height}" width="{num(width)}" height="{height}"',
        f' role="{role}" aria-label="{escape(title)}">',
    ]
    for inset in (UK, CHINA):
        x, y = origins[inset.key]
        out.append(
            f'<rect {NS} class="map__sea" x="{num(x)}" y="{y}" width="{num(inset.width)}" height="{inset.height}"/>'
            f'<image class="map__land" href="{escape(static(inset.land_file))}" x="{num(x)}" y="{y}" '
            f'width="{num(inset.width)}" height="{inset.height}"/>'
        )
    if is_aggregated(data):
        # Every place a small mark under the bubbles, so the spread still shows.
        out.append(f'<path {NS} class="map__marks map__marks--small map__marks--uk" d="{marks(uk_points.values())}"/>')
        out.append(
            f'<path {NS} class="map__marks map__marks--small map__marks--china" d="{marks(china_points.values())}"/>'
        )
        out += map_groups.aggregated(map_groups.groups_of(links), china_points, origins, interactive and urls)
    else:
        out.append('<g class="map__lines">')
        for link in sorted(links, key=lambda link: STATUS_ORDER.get(link.status, 0)):
            if link.china is None:
                continue
            start, end = uk_points[link.uk.key], china_points[link.china.key]
            line = f'<path {NS} class="map__line map__line--{link.status}" d="{curve(start, end)}"/>'
            if interactive:
                line = f'<a href="{escape(link.url)}"><title>{escape(link.label)}</title>{line}</a>'
            out.append(line)
        out.append("</g>")
        # Marks over the lines' ends.
        out.append(f'<path {NS} class="map__marks map__marks--uk" d="{marks(uk_points.values())}"/>')
        out.append(f'<path {NS} class="map__marks map__marks--china" d="{marks(china_points.values())}"/>')
    if labels:
        out += _labels(links, uk_points, china_points)
    out.append("</svg>")
    return mark_safe("".join(out))


def _labels(links, uk_points, china_points):
    """Names beside the marks: right of a UK place, left of a Chinese one; above or below the mark
    where two names would cover each other (a long UK name level with its partner)."""
    names = {link.uk.key: link.uk.name for link in links} | {k.china.key: k.china.name for k in links if k.china}
    height = offsets()[1][1]
    text = '<text class="map__label{}" paint-order="stroke" x="{}" y="{}">{}</text>'
    placed, out = [], []
    for points, end in ((uk_points, False), (china_points, True)):
        for key, point in points.items():
            x, y = place_label(point, names[key], end, placed, height)
            out.append(text.format(" map__label--end" if end else "", num(x), num(y), escape(names[key])))
    return out


def legend_items(aggregated=False):
    """(css modifier, text) for the legend under a map."""
    if aggregated:
        return [
            (
                "group",
                _("The busiest links between a UK region and a Chinese province: the thicker, the more partnerships"),
            ),
            ("bubble", _("Partnerships in a UK region or Chinese province (the number in the circle)")),
        ]
    return [
        ("active", pgettext("map legend", "Active (solid line)")),
        ("dormant", pgettext("map legend", "Dormant (dashed line)")),
        ("ended", pgettext("map legend", "Ended (dotted line)")),
    ]


# The small maps of one partnership or one school -------------------------------------------------


def _place(obj):
    return MapPlace(obj.slug, obj.name, float(obj.latitude), float(obj.longitude))


def pairs_data(council, places):
    """A council and the Chinese places it is paired with, for a small map (places without
    coordinates are left out; a council without them gives an empty map)."""
    if not council.has_coordinates:
        return MapData(links=[])
    uk = _place(council)
    links = [
        MapLink(
            url="", label="", status=LinkStatus.ACTIVE, uk=uk, china=_place(place), region=council.region, province=None
        )
        for place in places
        if place.has_coordinates
    ]
    return MapData(links=links or [MapLink("", "", "", uk, None, council.region, None)])
