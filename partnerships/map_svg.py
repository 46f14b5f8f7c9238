"""Small pieces of the map's SVG: numbers, arcs, marks, circles and links, as text."""

from django.utils.html import escape

# Lines and marks keep their width in screen pixels (an attribute: the CSS checker does not know
# this SVG-only property).
NS = 'vector-effect="non-scaling-stroke"'
# Thickness classes of an aggregated line, by the number of partnerships it stands for.
WEIGHTS = ((20, "xl"), (8, "l"), (3, "m"), (1, "s"))
# A place's name beside its mark on the small maps: .map__label's font-size in static/css/site.css
# (map units), and the room a name takes, estimated on the large side: a Chinese character is one em
# wide, any other about two thirds of one in a bold sans-serif; the line as tall as a CJK font's.
LABEL_SIZE = 44
LABEL_ASCENT, LABEL_DESCENT = 1.05 * LABEL_SIZE, 0.3 * LABEL_SIZE
LABEL_GAP = 10


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


def label_width(text):
    return sum(LABEL_SIZE * (1 if ord(character) >= 0x2E80 else 0.66) for character in text)


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_label(point, text, end, placed, height):
    """(x, baseline) for a name beside its mark: right of it (or left, `end`), level with it; above
    or below where that would cover a name already `placed` (their boxes, to which this one's is
    added), clear of the names in the way, on the side away from them, inside the map's `height`."""
    x, y = point
    width = label_width(text)
    left = x - LABEL_GAP - width if end else x + LABEL_GAP
    x = x - LABEL_GAP if end else x + LABEL_GAP

    def box(baseline):
        return (left, baseline - LABEL_ASCENT, left + width, baseline + LABEL_DESCENT)

    baseline = y + 6
    clashes = [other for other in placed if _overlap(box(baseline), other)]
    if clashes:
        above = min(y - LABEL_GAP - LABEL_DESCENT, min(other[1] for other in clashes) - LABEL_DESCENT - 2)
        below = max(y + LABEL_GAP + LABEL_ASCENT, max(other[3] for other in clashes) + LABEL_ASCENT + 2)
        in_the_way_below = sum((other[1] + other[3]) / 2 for other in clashes) / len(clashes) >= y
        for candidate in (above, below) if in_the_way_below else (below, above):
            moved = box(candidate)
            if moved[1] >= 0 and moved[3] <= height and not any(_overlap(moved, other) for other in placed):
                baseline = candidate
                break
    placed.append(box(baseline))
    return x, baseline
