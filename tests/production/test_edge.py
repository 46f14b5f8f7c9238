"""The portal at the edge, against a real `make serve` (gunicorn, WhiteNoise, production
settings): headers a proxy may pass on cannot poison the page cache, nothing says
whether a page came from the cache, bad hosts log one line, responses are compressed
for exactly the clients that accept it, and the stylesheet is served minified."""

import gzip
import re
import time

import pytest

from .support import ROOT, fetch


def heading(response):
    found = re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.S)
    return found.group(1).strip() if found else ""


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/partnerships/", "text/html"),
        ("/about/", "text/html"),
        ("/partnerships/nottingham-ningbo/", "text/html"),
        ("/timeline/feed/", "application/rss+xml"),
    ],
)
def test_a_script_name_header_cannot_poison_the_page_cache(site, path, content_type):
    home = heading(fetch(site.port, "/"))
    # The attack from the issue: with SCRIPT_NAME set to the path, the rest (PATH_INFO) is "/", the home page.
    # A proxy that passes headers with "_" lets the header through; gunicorn used to trust it from loopback.
    fetch(site.port, path, headers={"SCRIPT_NAME": path.rstrip("/")})
    for _ in range(2):
        response = fetch(site.port, path)
        assert response.status == 200
        assert response.headers["Content-Type"].startswith(content_type)
        if content_type == "text/html":
            assert heading(response) and heading(response) != home
        else:
            assert response.text.startswith("<?xml")


def test_a_script_name_header_does_not_route_the_request(site):
    response = fetch(site.port, "/partnerships/", headers={"SCRIPT_NAME": "/partnerships"})
    assert response.status == 200
    assert heading(response) == "UK–China partnerships"


def test_nothing_says_whether_a_page_came_from_the_cache(site):
    first, second = fetch(site.port, "/partnerships/?q=Ningbo"), fetch(site.port, "/partnerships/?q=Ningbo")
    for response in (first, second):
        assert response.status == 200
        assert "X-Page-Cache" not in response.headers
        assert "Last-Modified" not in response.headers
    assert first.headers["ETag"] == second.headers["ETag"]


def test_a_request_for_an_unknown_host_logs_one_line(site):
    start = len(site.output())
    assert fetch(site.port, "/timeline/", host="evil.example").status == 400
    deadline = time.monotonic() + 10
    while "DisallowedHost" not in site.output()[start:] and time.monotonic() < deadline:
        time.sleep(0.1)
    logged = [line for line in site.output()[start:].splitlines() if " django." in line or "Traceback" in line]
    assert len(logged) == 1, logged
    assert "WARNING django.security.DisallowedHost Invalid HTTP_HOST header: 'evil.example'" in logged[0]
    assert "Page cache" not in site.output()[start:]


@pytest.mark.parametrize("path", ["/register/", "/", "/partnerships/nottingham-ningbo/"])
def test_html_is_compressed_for_clients_that_accept_gzip(site, path):
    plain = fetch(site.port, path, headers={"Accept-Encoding": "identity"})
    compressed = fetch(site.port, path, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain.headers
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed.headers["Vary"]
    assert len(compressed.body) < len(plain.body) / 2
    assert b"</html>" in gzip.decompress(compressed.body)


@pytest.mark.parametrize("accept", ["gzip;q=0", "gzip;q=0, identity", "br, gzip;q=0.000", "*;q=0", "identity"])
@pytest.mark.parametrize("path", ["/register/", "/"])
def test_gzip_refused_with_q_0_is_not_sent(site, path, accept):
    fetch(site.port, path, headers={"Accept-Encoding": "gzip"})  # stored compressed in the page cache
    response = fetch(site.port, path, headers={"Accept-Encoding": accept})
    assert response.status == 200
    assert "Content-Encoding" not in response.headers
    assert response.text.rstrip().endswith("</html>")


def test_the_stylesheet_is_served_minified(site):
    page = fetch(site.port, "/").text
    href = re.search(r'<link rel="stylesheet" href="(/static/css/site\.[0-9a-f]+\.css)"', page).group(1)
    served = fetch(site.port, href, headers={"Accept-Encoding": "identity"}).text
    source = (ROOT / "static/css/site.css").read_text()
    assert "/*" in source and "/*" not in served  # the source keeps its comments; what is served has none
    assert len(served) < 0.8 * len(source)
    assert served.count("{") == re.sub(r"/\*.*?\*/", "", source, flags=re.S).count("{")  # no rule lost
