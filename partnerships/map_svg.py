"""Small pieces of the map's SVG: numbers, arcs, marks, circles and links, as text."""

from django.utils.html import escape

# Lines and marks keep their width in screen pixels (an attribute: the CSS checker does not know
# this SVG-only property).
NS = 'vector-effect="non-scaling-stroke"'
# Thickness classes of an aggregated line, by the number of partnerships it stands for.
WEIGHTS = ((20, "xl"), (8, "l"), (3, "m"), (1, "s"))


def project(places, inset, origin):
    """{key: (x, y)} in map units for places of one inset, projected in one call."""
    places = list({place.key: place for place in places}.values())
    if not places:
        return {}
    xs, ys = inset.project([p.longitude for p in places], [p.latitude for p in places])
    ox, oy = origin
    return {p.key: (x + ox, y + oy) for p, x, y in zip(places, xs, ys, strict=True)}


def num(value):
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def curve(start, end):
    """A gentle arc from the UK point to the Chinese one (lines that share a place fan out)."""
    (x1, y1), (x2, y2) = start, end
    cx, cy = (x1 + x2) / 2, min(y1, y2) - abs(x2 - x1) * 0.12
    return f"M{num(x1)} {num(y1)}Q{num(cx)} {num(cy)} {num(x2)} {num(y2)}"


def marks(points):
    return "".join([f"M{x:.1f} {y:.1f}h0" for x, y in points])


def weight(count):
    return next(name for least, name in WEIGHTS if count >= least)


def bubble(point, count, largest):
    """A circle whose area grows with the count (radius 6 to 16 units), the count in it."""
    x, y = point
    radius = 6 + 10 * (count / largest) ** 0.5
    return (
        f'<circle {NS} class="map__bubble" cx="{num(x)}" cy="{num(y)}" r="{num(radius)}"/>'
        f'<text class="map__count" x="{num(x)}" y="{num(y + 4)}">{count}</text>'
    )


def linked(markup, url, label):
    if not url:
        return f"<g><title>{escape(label)}</title>{markup}</g>"
    return f'<a href="{escape(url)}"><title>{escape(label)}</title>{markup}</a>'


def mean(points):
    points = list(points)
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
