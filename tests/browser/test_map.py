"""The partnership map in Chromium: drawn without JavaScript at phone and desktop
widths in both languages (screenshots kept in the test's folder), reachable and
named for keyboard users, and the data files readable from another origin."""

import http.server
import io
import re
import threading

import pytest
from django.utils import translation
from PIL import Image

from partnerships.models import Partnership
from partnerships.opendata import FIELDS

from .conftest import SIZES

LANGUAGES = {"en": "", "zh": "/zh-hans"}


def distinct_colours(png):
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return len(image.getcolors(maxcolors=1 << 20))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES)
def test_the_map_is_drawn_without_javascript(site, new_page, size, language, tmp_path):
    page = new_page(size, java_script_enabled=False)
    land = []
    page.on("response", lambda response: "/static/geo/" in response.url and land.append(response.status))

    page.goto(f"{site}{LANGUAGES[language]}/partnerships/map/")

    svg = page.locator("svg.map")
    box = svg.bounding_box()
    assert box["width"] >= page.viewport_size["width"] * 0.8  # as wide as the content column
    assert box["height"] > 100
    assert land == [200, 200]  # both land outlines, from our own server
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot = svg.screenshot(path=tmp_path / f"map-{language}-{page.viewport_size['width']}.png")
    assert distinct_colours(shot) > 20  # sea, land, lines, marks: not a blank box
    assert len(page.locator("svg.map a").all()) == len(page.locator(".map-list a").all()) > 30
    assert not page.errors


def test_keyboard_users_reach_every_line_by_its_name(site, new_page):
    page = new_page("desktop", reduced_motion="reduce")
    page.goto(f"{site}/partnerships/map/")
    lines = page.evaluate("[...document.querySelectorAll('svg.map a')].map(a => a.getAttribute('href'))")

    reached = []  # (href, name) of each line Tab lands on, in order
    for _ in range(60 + len(lines)):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg')"):
            reached.append(
                page.evaluate("[document.activeElement.getAttribute('href'), document.activeElement.textContent]")
            )
        elif reached:
            break  # past the map

    # Every line once, one Tab after another, each named after its partnership.
    assert sorted(href for href, _name in reached) == sorted(lines)
    assert len(lines) == Partnership.objects.published().count()
    for href, name in reached:
        assert re.fullmatch(r".+ – .+, .+", name), (href, name)
    # Back to the last line: the same name as its link in the list after the map; Enter opens it.
    page.keyboard.press("Shift+Tab")
    href, name = reached[-1]
    assert page.get_by_role("link", name=name, exact=True).count() == 2
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}{href}")


# The line-break opportunities each Chinese list entry was laid out with: the text on either side of
# every place where a line ends inside it.
LINE_BREAKS = """links => links.flatMap(link => {
    const text = link.firstChild, range = document.createRange(), breaks = [];
    let top = null;
    for (let i = 0; i < text.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || !rect.width) continue;
        if (top !== null && rect.top > top + 4) breaks.push([text.data.slice(0, i), text.data.slice(i)]);
        top = rect.top;
    }
    return breaks;
})"""
BREAKABLE = re.compile(r"[\s，、。；：）–]$")


@pytest.mark.parametrize("size", SIZES)
def test_the_chinese_list_breaks_lines_only_at_spaces_and_punctuation(site, new_page, size):
    """Not inside a name, a term or a year (2018年起, 友好合作协议, 景德镇: docs/zh-glossary.md)."""
    page = new_page(size)
    page.goto(f"{site}/zh-hans/partnerships/map/")

    breaks = page.locator(".map-list a").evaluate_all(LINE_BREAKS)

    assert breaks, "no entry of the list takes two lines: nothing checked"
    inside = [f"{before}|{after}" for before, after in breaks if not (BREAKABLE.search(before) or after[0] == " ")]
    assert inside == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


LABEL_BOXES = """svg => {
    const map = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text')].map(text => text.getBoundingClientRect());
    return [boxes.map(b => [b.left, b.top, b.right, b.bottom]), [map.left, map.top, map.right, map.bottom]];
}"""


def overlapping(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_names_on_each_small_map_are_apart_and_inside_it(site, new_page, language):
    """Every published partnership's page: the UK and Chinese names never cover each other (a long
    UK name level with its partner, "Newcastle upon Tyne" and "Taiyuan")."""
    page = new_page("phone")
    paths = [p.get_absolute_url() for p in Partnership.objects.published()]
    problems = []

    for path in paths:
        page.goto(f"{site}{LANGUAGES[language]}{path}")
        (labels, frame) = page.locator("svg.map--small").evaluate(LABEL_BOXES)
        assert len(labels) == 2, path
        if overlapping(*labels):
            problems.append(f"{path}: the two names overlap")
        if any(b[0] < frame[0] or b[1] < frame[1] or b[2] > frame[2] or b[3] > frame[3] for b in labels):
            problems.append(f"{path}: a name runs out of the map")

    assert problems == []


def test_a_line_is_named_in_the_accessibility_tree(site, new_page):
    page = new_page("desktop")
    page.goto(f"{site}/partnerships/map/")

    line = page.locator('svg.map a[href="/partnerships/nottingham-ningbo/"]')
    assert line.get_attribute("href")
    snapshot = page.locator("svg.map").aria_snapshot()
    assert 'link "Nottingham – Ningbo, twin city since 2005"' in snapshot


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_field_of_the_data_is_explained_readably_on_the_narrowest_phone(site, new_page, language):
    """At 320 px the meaning of every field is on the screen, as wide as a paragraph (not a column
    of a few characters, nor out of view to the side)."""
    page = new_page("phone")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{site}{LANGUAGES[language]}/data/")
    with translation.override("zh-hans" if language == "zh" else "en"):
        descriptions = [str(field.description) for field in FIELDS]

    fields = page.locator("section[aria-labelledby=schema-heading]")
    narrow = []
    for description in descriptions:
        box = fields.get_by_text(re.compile("^" + re.escape(description))).first.bounding_box()
        if box["x"] < 0 or box["x"] + box["width"] > 320 or box["width"] < 240:
            narrow.append(f"{description} ({box['x']:.0f}, {box['width']:.0f} px wide)")

    assert narrow == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def other_site():
    """Another origin on the loopback interface, as a site reusing the data would be."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ReuserPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


class ReuserPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<!DOCTYPE html><title>A site reusing the data</title>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_another_site_can_fetch_the_data_files_but_not_the_pages(site, new_page, other_site):
    page = new_page("desktop")
    page.goto(f"{other_site}/")

    def fetch(path):
        return page.evaluate(
            """async url => {
                try { const r = await fetch(url); return [r.status, (await r.text()).length]; }
                catch (error) { return ["blocked", 0]; }
            }""",
            f"{site}{path}",
        )

    status, length = fetch("/partnerships.json")
    assert status == 200 and length > 1000
    assert fetch("/zh-hans/partnerships.csv")[0] == 200
    assert fetch("/partnerships/")[0] == "blocked"  # a page: no CORS header, the browser refuses
