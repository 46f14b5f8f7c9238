"""The partnership map in Chromium: drawn without JavaScript at phone and desktop
widths in both languages (screenshots kept in the test's folder), reachable and
named for keyboard users, and the data files readable from another origin."""

import http.server
import io
import re
import threading

import pytest
from PIL import Image

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


def test_keyboard_users_reach_each_line_by_its_name(site, new_page):
    page = new_page("desktop", reduced_motion="reduce")
    page.goto(f"{site}/partnerships/map/")

    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg')"):
            break
    else:
        pytest.fail("Tab never reached a line of the map")

    name = page.evaluate("document.activeElement.querySelector('title').textContent")
    assert re.fullmatch(r".+ – .+, .+", name), name
    href = page.evaluate("document.activeElement.getAttribute('href')")
    # The same name as the link in the list after the map, as the accessibility tree has it.
    assert page.get_by_role("link", name=name, exact=True).count() == 2
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}{href}")


def test_a_line_is_named_in_the_accessibility_tree(site, new_page):
    page = new_page("desktop")
    page.goto(f"{site}/partnerships/map/")

    line = page.locator('svg.map a[href="/partnerships/nottingham-ningbo/"]')
    assert line.get_attribute("href")
    snapshot = page.locator("svg.map").aria_snapshot()
    assert 'link "Nottingham – Ningbo, twin city since 2005"' in snapshot


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
