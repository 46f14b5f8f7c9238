"""The map's land outlines (static/geo/): what `make map-outlines` makes from Natural Earth's
land-50m in the pinned world-atlas package, land and coastlines only, said in the README."""

import json
import re
from pathlib import Path

from django.conf import settings

from partnerships.map_insets import INSETS
from scripts import build_map_outlines

ROOT = Path(settings.BASE_DIR)


def test_the_committed_outlines_are_what_the_script_makes_from_the_package():
    """A changed inset, tolerance or package shows here until the files are made again and committed."""
    made = build_map_outlines.outlines()

    for inset in INSETS:
        assert (ROOT / "static" / inset.land_file).read_text() == made[inset], inset.land_file


def test_the_outlines_are_land_alone_from_the_land_layer():
    """No country or province borders: the package's "land" object, one filled shape per inset."""
    topology = json.loads(build_map_outlines.SOURCE.read_text())
    assert build_map_outlines.SOURCE.name == "land-50m.json"
    assert list(topology["objects"]) == ["land"]
    for inset in INSETS:
        svg = (ROOT / "static" / inset.land_file).read_text()
        assert re.findall(r"<(\w+)", svg) == ["svg", "path"]
        assert "Natural Earth 1:50m (public domain)" in svg


def test_the_readme_names_the_package_version_the_outlines_come_from():
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["world-atlas"]
    installed = json.loads((ROOT / "node_modules" / "world-atlas" / "package.json").read_text())["version"]
    readme = (ROOT / "README.md").read_text()

    assert pinned == installed
    assert f"[world-atlas](https://github.com/topojson/world-atlas) {installed} (ISC licence)" in readme
    assert "make map-outlines" in readme and "Natural Earth" in readme
