"""The partnership map as server-rendered SVG: the UK and China side by side
(partnerships/map_insets.py), land from static files, our places as marks and
each partnership as a line between its two places.

- Each line is a link to the partnership's page, named for screen readers and
  tooltips ("Nottingham – Ningbo, twin city since 2005"); status shows as the
  line's pattern (solid, dashed, dotted) as well as its colour.
- More than MAX_SINGLE_LINES partnerships would be a tangle: they are then
  drawn as one line per UK region and Chinese province pair, as thick as its
  count, linking to the map filtered to that pair; every place keeps its mark.
- No JavaScript and no inline style (CSP): the look is in static/css/site.css.
  Marks are zero-length strokes with round caps and non-scaling strokes, so
  they stay the same size in pixels on a phone and on a desktop.

The SVG is built as text: a few hundred elements in a couple of milliseconds,
where a template loop would take tens.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.templatetags.static import static
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from .map_insets import CHINA, UK, offsets
from .models import PROVINCE_LEVEL_KINDS, LinkKind, LinkStatus, UKRegion
from .presentation import year_display

MAX_SINGLE_LINES = 150
# Drawing order: ended under dormant under active.
STATUS_ORDER = {LinkStatus.ENDED: 0, LinkStatus.DORMANT: 1, LinkStatus.ACTIVE: 2}
# Thickness classes of an aggregated line, by the number of partnerships it stands for.
WEIGHTS = ((20, "xl"), (8, "l"), (3, "m"), (1, "s"))


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
    from django.urls import reverse

    chinese = (get_language() or "en").startswith("zh")
    base = reverse("partnerships:detail", kwargs={"slug": "-"})[:-2]
    kinds, statuses = dict(LinkKind.choices), dict(LinkStatus.choices)
    data = MapData(links=[])
    for row in queryset.order_by("council__name_en", "chinese_place__name_en").values(*MAP_FIELDS):
        council, place = _name(row, "council__", chinese), _name(row, "chinese_place__", chinese)
        label = link_label(council, place, row, kinds, statuses)
        coordinates = (row["council__latitude"], row["council__longitude"])
        coordinates += (row["chinese_place__latitude"], row["chinese_place__longitude"])
        if None in coordinates:
            data.not_drawn.append((f"{base}{row['slug']}/", label))
            continue
        if row["chinese_place__kind"] in PROVINCE_LEVEL_KINDS:
            province = MapPlace(row["chinese_place__slug"], place, 0, 0)
        elif row["chinese_place__province__slug"]:
            province = MapPlace(row["chinese_place__province__slug"], _name(row, "chinese_place__province__", chinese), 0, 0)
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


def link_label(council, place, row, kinds=None, statuses=None):
    """ "Nottingham – Ningbo, twin city since 2005" (and the status when not active)."""
    kinds = kinds or dict(LinkKind.choices)
    values = {"council": council, "place": place, "kind": str(kinds[row["kind"]]).lower()}
    year = row["year_established"]
    if year:
        # Translators: a partnership as a map link names it, e.g. "Nottingham – Ningbo, twin city since 2005";
        # %(year)s is the year alone as a date ("2005年" in Chinese).
        label = _("%(council)s – %(place)s, %(kind)s since %(year)s") % {**values, "year": year_display(year)}
    else:
        label = _("%(council)s – %(place)s, %(kind)s") % values
    if row["status"] == LinkStatus.ENDED and row["year_ended"]:
        return _("%(label)s, ended in %(year)s") % {"label": label, "year": year_display(row["year_ended"])}
    if row["status"] != LinkStatus.ACTIVE:
        return _("%(label)s, %(status)s") % {"label": label, "status": str((statuses or {})[row["status"]]).lower()}
    return label


# Geometry ------------------------------------------------------------------------------------


def _project(places, inset, origin):
    """{key: (x, y)} in map units for places of one inset, projected in one call."""
    places = list({place.key: place for place in places}.values())
    if not places:
        return {}
    xs, ys = inset.project([p.longitude for p in places], [p.latitude for p in places])
    ox, oy = origin
    return {p.key: (round(x + ox, 1), round(y + oy, 1)) for p, x, y in zip(places, xs, ys, strict=True)}


def _num(value):
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _curve(start, end):
    """A gentle arc from the UK point to the Chinese one (lines that share a place fan out)."""
    (x1, y1), (x2, y2) = start, end
    cx, cy = (x1 + x2) / 2, min(y1, y2) - abs(x2 - x1) * 0.12
    return f"M{_num(x1)} {_num(y1)}Q{_num(cx)} {_num(cy)} {_num(x2)} {_num(y2)}"


def _marks(points):
    return "".join(f"M{_num(x)} {_num(y)}h0" for x, y in points)


def _weight(count):
    return next(name for least, name in WEIGHTS if count >= least)


# SVG -----------------------------------------------------------------------------------------


@dataclass
class Group:
    """Partnerships of one UK region with one Chinese province, drawn as one line."""

    region: str
    province: MapPlace | None
    links: list = field(default_factory=list)

    @property
    def region_label(self):
        return str(UKRegion(self.region).label)

    @property
    def province_label(self):
        return self.province.name if self.province else self.links[0].china.name

    @property
    def label(self):
        count = len(self.links)
        return ngettext(
            "%(region)s – %(province)s: %(count)s partnership",
            "%(region)s – %(province)s: %(count)s partnerships",
            count,
        ) % {"region": self.region_label, "province": self.province_label, "count": count}


def groups_of(links):
    groups = {}
    for link in links:
        key = (link.region, link.province.key if link.province else f"place:{link.china.key}")
        groups.setdefault(key, Group(link.region, link.province)).links.append(link)
    return sorted(groups.values(), key=lambda g: (g.region_label, g.province_label))


def is_aggregated(data):
    return len(data.links) > MAX_SINGLE_LINES


def render_svg(data, *, interactive=True, labels=False, title="", group_url=None, css_class="map"):
    """The map as inline SVG markup.

    interactive: each line a link (otherwise one picture, role="img", named by `title`);
    labels: the places' names beside their marks (the small maps of one or a few places);
    group_url: group → URL of the map filtered to that group (aggregated lines).
    """
    origins, (width, height) = offsets()
    links = data.links
    uk_points = _project([link.uk for link in links], UK, origins[UK.key])
    china_points = _project([link.china for link in links if link.china], CHINA, origins[CHINA.key])

    out = [
        f'<svg class="{css_class}" viewBox="0 0 {_num(width)} {height}" width="{_num(width)}" height="{height}"',
        f' role="img" aria-label="{escape(title)}">' if not interactive else f' role="group" aria-label="{escape(title)}">',
    ]
    for inset in (UK, CHINA):
        x, y = origins[inset.key]
        out.append(
            f'<rect class="map__sea" x="{_num(x)}" y="{y}" width="{_num(inset.width)}" height="{inset.height}"/>'
            f'<image class="map__land" href="{escape(static(inset.land_file))}" x="{_num(x)}" y="{y}" '
            f'width="{_num(inset.width)}" height="{inset.height}"/>'
        )
    out.append('<g class="map__lines">')
    if is_aggregated(data):
        out += _group_lines(groups_of(links), uk_points, china_points, interactive, group_url)
    else:
        for link in sorted(links, key=lambda link: STATUS_ORDER.get(link.status, 0)):
            if link.china is None:
                continue
            line = f'<path class="map__line map__line--{link.status}" d="{_curve(uk_points[link.uk.key], china_points[link.china.key])}"/>'
            if interactive:
                line = f'<a href="{escape(link.url)}"><title>{escape(link.label)}</title>{line}</a>'
            out.append(line)
    out.append("</g>")
    out.append(f'<path class="map__marks map__marks--uk" d="{_marks(uk_points.values())}"/>')
    out.append(f'<path class="map__marks map__marks--china" d="{_marks(china_points.values())}"/>')
    if labels:
        out += _labels(links, uk_points, china_points)
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text in it went through escape()


def _group_lines(groups, uk_points, china_points, interactive, group_url):
    """One line per region–province pair, from the mean of its UK places to the mean of its Chinese ones."""
    region_members = defaultdict(set)
    province_members = defaultdict(set)
    for group in groups:
        for link in group.links:
            region_members[group.region].add(link.uk.key)
            province_members[_province_key(group)].add(link.china.key)
    out = []
    for group in sorted(groups, key=lambda g: len(g.links)):
        start = _mean(uk_points[key] for key in region_members[group.region])
        end = _mean(china_points[key] for key in province_members[_province_key(group)])
        line = f'<path class="map__line map__line--group map__line--{_weight(len(group.links))}" d="{_curve(start, end)}"/>'
        if interactive and group_url:
            line = f'<a href="{escape(group_url(group))}"><title>{escape(group.label)}</title>{line}</a>'
        out.append(line)
    return out


def _province_key(group):
    return group.province.key if group.province else f"place:{group.links[0].china.key}"


def _mean(points):
    points = list(points)
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _labels(links, uk_points, china_points):
    """Names beside the marks: right of a UK place, left or right of a Chinese one as room allows."""
    out = []
    names = {link.uk.key: link.uk.name for link in links} | {l.china.key: l.china.name for l in links if l.china}
    for key, (x, y) in uk_points.items():
        out.append(f'<text class="map__label" x="{_num(x + 10)}" y="{_num(y + 6)}">{escape(names[key])}</text>')
    for key, (x, y) in china_points.items():
        out.append(
            f'<text class="map__label map__label--end" x="{_num(x - 10)}" y="{_num(y + 6)}">{escape(names[key])}</text>'
        )
    return out


def legend_items(aggregated=False):
    """(css modifier, text) for the legend under a map."""
    if aggregated:
        return [
            ("group", _("One line per UK region and Chinese province: the thicker, the more partnerships")),
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
        MapLink(url="", label="", status=LinkStatus.ACTIVE, uk=uk, china=_place(place), region=council.region, province=None)
        for place in places
        if place.has_coordinates
    ]
    return MapData(links=links or [MapLink("", "", "", uk, None, council.region, None)])
