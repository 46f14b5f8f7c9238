"""Every page type is valid HTML, and the site's stylesheets valid CSS, according to
the Nu Html Checker (vnu.jar from npm).

The pages are rendered with Django's test client, written to files and checked,
with the stylesheets, in one Java run (starting the checker costs seconds;
checking a page, milliseconds).
"""

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.browser.pages import PAGE_TYPES

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STYLESHEETS = sorted((ROOT / "static").rglob("*.css"))


class _HiddenInputs(HTMLParser):
    """The hidden inputs (CSRF and form tokens) of the page's post form: what a browser
    sends when the visitor submits it without filling anything in."""

    def __init__(self):
        super().__init__()
        self.in_post_form = False
        self.data = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.in_post_form = True
        elif tag == "input" and self.in_post_form and attrs.get("type") == "hidden" and attrs.get("name"):
            self.data[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_post_form = False


def render(client, page_type):
    response = client.get(page_type.path)
    if page_type.submit_empty:
        parser = _HiddenInputs()
        parser.feed(response.content.decode())
        assert parser.data, f"{page_type.path}: no post form with hidden inputs"
        response = client.post(page_type.path, parser.data)
        assert response.status_code == 200, f"{page_type.path} sent empty: HTTP {response.status_code}"
    else:
        assert response.status_code == page_type.status, f"{page_type.path}: HTTP {response.status_code}"
    return response.content


def run_vnu(files):
    """The checker's messages for these files: [{"type", "url", "lastLine", "message", …}]."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("The Nu Html Checker needs Java: apt-get install default-jre-headless", pytrace=False)
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci` in the repository root.", pytrace=False)
    # -Xss4m: the checker's regular-expression code overflows Java's default thread stack.
    command = [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", "--also-check-css"]
    command += map(str, files)
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)  # noqa: S603
    report = result.stderr or result.stdout  # the JSON report goes to stderr
    try:
        return json.loads(report)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar did not produce a JSON report (exit {result.returncode}):\n{report[:2000]}")


# A known error, so a checker that silently stopped reporting cannot pass the test.
CANARY = "<!DOCTYPE html><html lang=en><title>canary</title><p><div>unclosed</p>"


def test_every_page_type_is_valid_html_and_css(client, demo_content, settings, tmp_path):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0  # the empty submission is sent at once
    by_name = {page_type.name: page_type for page_type in PAGE_TYPES}
    for page_type in PAGE_TYPES:
        (tmp_path / f"{page_type.name}.html").write_bytes(render(client, page_type))
    (tmp_path / "canary.html").write_text(CANARY)

    messages = run_vnu([*sorted(tmp_path.glob("*.html")), *STYLESHEETS])

    for message in messages:
        path = Path(message.get("url", "").removeprefix("file:"))
        # A page type's name for the rendered pages, the repository path for a stylesheet.
        message["page"] = path.stem if path.suffix == ".html" else str(path).removeprefix(f"{ROOT}/")
    assert any(m["page"] == "canary" and m["type"] == "error" for m in messages), "vnu.jar reported nothing"
    messages = [m for m in messages if m["page"] != "canary"]

    def where(message):
        page_type = by_name.get(message["page"])
        page = f"{page_type.name} ({page_type.path})" if page_type else message["page"]
        return f"{page} line {message.get('lastLine', '?')}"

    errors = [m for m in messages if m["type"] in {"error", "non-document-error"}]
    others = [m for m in messages if m not in errors]
    # Warnings and info do not fail the test; they are listed for `pytest -s` / `-rP` readers.
    checked = f"{len(PAGE_TYPES)} pages, {len(STYLESHEETS)} stylesheets"
    print(f"Nu Html Checker, {checked}: {len(errors)} errors, {len(others)} warnings/info")  # noqa: T201
    for message in others:
        print(f"  {message.get('subType', message['type'])}: {where(message)}: {message['message']}")  # noqa: T201
    assert not errors, f"{len(errors)} error(s):\n" + "\n".join(
        f"- {where(m)}: {m['message']}\n    {m.get('extract', '').strip()[:160]}" for m in errors
    )
