"""The partnership map with many partnerships: counted by UK region and Chinese province.

A circle per region and per province, its area growing with its number of
partnerships; lines for the MAX_GROUP_LINES busiest region–province pairs; each
a link to the map narrowed to it (the list under the map has every pair).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import ngettext

from .map_insets import UK
from .map_svg import NS, bubble, curve, linked, mean, weight
from .models import UKRegion

# Where a UK region's bubble sits on an aggregated map: roughly the middle of the region
# (degrees latitude, longitude), so the twelve bubbles never pile up whatever the data.
REGION_CENTRES = {
    UKRegion.NORTH_EAST: (54.95, -1.75),
    UKRegion.NORTH_WEST: (54.05, -2.75),
    UKRegion.YORKSHIRE: (53.95, -1.15),
    UKRegion.EAST_MIDLANDS: (52.85, -0.95),
    UKRegion.WEST_MIDLANDS: (52.45, -2.25),
    UKRegion.EAST: (52.25, 0.55),
    UKRegion.LONDON: (51.5, -0.12),
    UKRegion.SOUTH_EAST: (51.15, -0.75),
    UKRegion.SOUTH_WEST: (50.85, -3.45),
    UKRegion.WALES: (52.3, -3.7),
    UKRegion.SCOTLAND: (56.75, -4.2),
    UKRegion.NORTHERN_IRELAND: (54.6, -6.7),
}
# An aggregated map draws the busiest region–province pairs as lines; the list under it has them all.
MAX_GROUP_LINES = 40


@dataclass
class Group:
    """Partnerships of one UK region with one Chinese province (or a city given no province)."""

    region: str
    region_label: str
    province: object  # MapPlace, or None for a city given no province
    province_label: str
    links: list = field(default_factory=list)

    @property
    def province_key(self):
        return self.province.key if self.province else f"place:{self.links[0].china.key}"

    @property
    def label(self):
        count = len(self.links)
        return ngettext(
            "%(region)s – %(province)s: %(count)s partnership",
            "%(region)s – %(province)s: %(count)s partnerships",
            count,
        ) % {"region": self.region_label, "province": self.province_label, "count": count}


def groups_of(links):
    """The region–province groups, ordered by region then province."""
    region_labels = {code: str(label) for code, label in UKRegion.choices}
    groups = {}
    for link in links:
        key = (link.region, link.province.key if link.province else f"place:{link.china.key}")
        group = groups.get(key)
        if group is None:
            province_label = link.province.name if link.province else link.china.name
            group = groups[key] = Group(link.region, region_labels[link.region], link.province, province_label)
        group.links.append(link)
    return sorted(groups.values(), key=lambda g: (g.region_label, g.province_label))


def aggregated(groups, china_points, origins, urls):
    """Bubbles sized by count for each UK region and Chinese province, and lines for the
    busiest region–province pairs; each a link to the map filtered to it."""
    region_counts, province_counts = defaultdict(int), defaultdict(int)
    province_members, province_labels, province_places = defaultdict(set), {}, {}
    for group in groups:
        region_counts[(group.region, group.region_label)] += len(group.links)
        key = group.province_key
        province_counts[key] += len(group.links)
        province_labels[key] = group.province_label
        province_places[key] = group.province
        province_members[key].update(link.china.key for link in group.links)
    regions = sorted(region_counts)
    xs, ys = UK.project(
        [REGION_CENTRES[code][1] for code, _ in regions], [REGION_CENTRES[code][0] for code, _ in regions]
    )
    ox, oy = origins[UK.key]
    region_points = {code: (x + ox, y + oy) for (code, _), x, y in zip(regions, xs, ys, strict=True)}
    province_points = {
        key: mean(china_points[member] for member in members) for key, members in province_members.items()
    }

    out = ['<g class="map__lines">']
    busiest = sorted(groups, key=lambda g: len(g.links), reverse=True)[:MAX_GROUP_LINES]
    for group in sorted(busiest, key=lambda g: len(g.links)):
        d = curve(region_points[group.region], province_points[group.province_key])
        line = f'<path {NS} class="map__line map__line--group map__line--{weight(len(group.links))}" d="{d}"/>'
        out.append(linked(line, urls and urls.group(group), group.label))
    out.append('</g><g class="map__bubbles">')
    largest = max([*region_counts.values(), *province_counts.values()])
    for (code, label), count in sorted(region_counts.items(), key=lambda item: -item[1]):
        text = ngettext("%(place)s: %(count)s partnership", "%(place)s: %(count)s partnerships", count)
        out.append(
            linked(
                bubble(region_points[code], count, largest),
                urls and urls.region(code),
                text % {"place": label, "count": count},
            )
        )
    for key, count in sorted(province_counts.items(), key=lambda item: -item[1]):
        text = ngettext("%(place)s: %(count)s partnership", "%(place)s: %(count)s partnerships", count)
        url = urls and province_places[key] and urls.province(province_places[key].key)
        out.append(
            linked(
                bubble(province_points[key], count, largest),
                url,
                text % {"place": province_labels[key], "count": count},
            )
        )
    out.append("</g>")
    return out
