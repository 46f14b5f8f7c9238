"""The two insets of the partnership map: the UK and China side by side, each in
its own projection and at its own scale, in one SVG coordinate space.

Shared by scripts/build_map_outlines.py, which projects and simplifies the land
outlines into static/geo/, and by partnerships/maps.py, which projects the
places at request time: both go through the same pyproj transformers and the
same frames, so a place always lands where the outline says it is. No Django
imports, so the script can use this module without a configured project.
"""

from dataclasses import dataclass
from functools import cached_property

from pyproj import Transformer

WGS84 = "EPSG:4326"
# Height of both insets in SVG units; each inset is as wide as its area's shape needs.
INSET_HEIGHT = 440
MARGIN = 6
# Between the two insets: room for the partnership lines to cross.
GAP = 84


@dataclass(frozen=True)
class Inset:
    key: str
    # A PROJ definition: the projection the inset is drawn in.
    projection: str
    # The area shown, as (west, south, east, north) in degrees.
    bounds: tuple
    # The static file (under static/) with the inset's land outline.
    land_file: str

    @cached_property
    def transformer(self):
        # Built once per process (about 30 ms); each later call projects thousands of points in a millisecond.
        return Transformer.from_crs(WGS84, self.projection, always_xy=True)

    @cached_property
    def projected_bounds(self):
        """(xmin, ymin, xmax, ymax) in the projection's metres: the rectangle enclosing the area."""
        return self.transformer.transform_bounds(*self.bounds, densify_pts=41)

    @cached_property
    def scale(self):
        """SVG units per metre: the area's height fills the inset's height."""
        _xmin, ymin, _xmax, ymax = self.projected_bounds
        return INSET_HEIGHT / (ymax - ymin)

    @cached_property
    def width(self):
        xmin, _ymin, xmax, _ymax = self.projected_bounds
        return round((xmax - xmin) * self.scale, 1)

    @property
    def height(self):
        return INSET_HEIGHT

    def to_local(self, x, y):
        """Projected metres → SVG units inside the inset (origin top left, y downwards)."""
        xmin, _ymin, _xmax, ymax = self.projected_bounds
        return (x - xmin) * self.scale, (ymax - y) * self.scale

    def project(self, longitudes, latitudes):
        """Degrees → SVG units inside the inset, for many points at once: ([x…], [y…])."""
        xs, ys = self.transformer.transform(list(longitudes), list(latitudes))
        xmin, _ymin, _xmax, ymax = self.projected_bounds
        scale = self.scale
        return [(x - xmin) * scale for x in xs], [(ymax - y) * scale for y in ys]


# The UK in the British National Grid's Transverse Mercator (OSGB's parameters, on the WGS 84
# ellipsoid: no datum grid needed, and the metres of difference do not show at this scale).
UK = Inset(
    key="uk",
    projection=(
        "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=WGS84 +units=m +no_defs"
    ),
    bounds=(-8.2, 49.8, 1.9, 60.9),
    land_file="geo/land-uk.svg",
)
# China in an Albers equal-area conic with the standard parallels usually used for China (25°N, 47°N).
CHINA = Inset(
    key="china",
    projection="+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +ellps=WGS84 +units=m +no_defs",
    bounds=(73.5, 18.0, 134.8, 53.6),
    land_file="geo/land-china.svg",
)
INSETS = (UK, CHINA)


def offsets():
    """Where each inset sits in the map: {key: (x, y)}, and the map's (width, height)."""
    uk_x = MARGIN
    china_x = uk_x + UK.width + GAP
    width = round(china_x + CHINA.width + MARGIN, 1)
    return {UK.key: (uk_x, MARGIN), CHINA.key: (china_x, MARGIN)}, (width, INSET_HEIGHT + 2 * MARGIN)
