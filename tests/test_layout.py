"""The project's shape (README "Layout"): dependencies between the apps run one way.

    tep_portal  ←  partnerships  ←  schools
                        ↑        ↖
                    enquiries      demo (also → schools)

Every app may import tep_portal and the apps it builds on, never the other way;
tep_portal/urls.py, the composition root, is the one module that imports every app.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
APPS = ["tep_portal", "partnerships", "schools", "enquiries", "demo"]
MAY_IMPORT = {
    "tep_portal": set(),
    "partnerships": {"tep_portal"},
    "schools": {"tep_portal", "partnerships"},
    "enquiries": {"tep_portal", "partnerships"},
    "demo": {"tep_portal", "partnerships", "schools"},
}
COMPOSITION_ROOT = BASE / "tep_portal" / "urls.py"


def imported_apps(path):
    """The project apps a module imports (absolute imports; relative ones stay inside the app)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return {name.split(".")[0] for name in names} & set(APPS)


def upward_imports(app):
    found = []
    for path in sorted((BASE / app).rglob("*.py")):
        if path == COMPOSITION_ROOT:
            continue
        for other in imported_apps(path) - MAY_IMPORT[app] - {app}:
            found.append(f"{path.relative_to(BASE)} imports {other}")
    return found


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_upward(app):
    assert upward_imports(app) == []


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The check itself can fail: a partnerships module importing enquiries is reported."""
    app = tmp_path / "partnerships"
    app.mkdir()
    (app / "views.py").write_text("from django.db import models\nfrom enquiries.models import PartnershipEnquiry\n")
    monkeypatch.setitem(globals(), "BASE", tmp_path)
    assert upward_imports("partnerships") == ["partnerships/views.py imports enquiries"]


def test_every_app_is_installed_and_listed():
    installed = {app.split(".")[0] for app in settings.INSTALLED_APPS}
    assert set(APPS) <= installed
    # tep_portal: the organisation details (footer, contact page) are content too.
    assert set(settings.CONTENT_APPS) == {"tep_portal", "partnerships", "schools"}


def test_no_module_over_400_lines():
    """Migrations and the demo content's data aside, modules stay small enough to read."""
    exempt = {"migrations"}
    long = []
    for app in APPS:
        for path in (BASE / app).rglob("*.py"):
            if exempt & set(path.parts) or path == BASE / "demo" / "content.py":
                continue
            lines = len(path.read_text().splitlines())
            if lines > 420:
                long.append(f"{path.relative_to(BASE)}: {lines}")
    assert long == []
