"""The page cache at the edge (issue 13): compression and Accept-Encoding, what a proxy may pass on
(SCRIPT_NAME, unknown hosts), no header telling a hit from a miss, no benchmark page."""

import gzip
import logging

import pytest

from .support import text


def test_pages_are_sent_compressed_to_browsers_that_accept_gzip(client, django_assert_num_queries):
    plain = client.get("/timeline/")
    with django_assert_num_queries(0):
        compressed = client.get("/timeline/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3
    assert int(compressed["Content-Length"]) == len(compressed.content)
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in compressed["Vary"]
    # Two representations, two ETags; each revalidates to a 304.
    assert compressed["ETag"] != plain["ETag"]
    assert client.get("/timeline/", HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304
    not_modified = client.get("/timeline/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=compressed["ETag"])
    assert not_modified.status_code == 304
    # A client without gzip gets the page as it was rendered.
    again = client.get("/timeline/")
    assert "Content-Encoding" not in again
    assert again.content == plain.content


@pytest.mark.parametrize(
    ("accept", "compressed"),
    [
        ("gzip", True),
        ("gzip;q=0.5, br", True),
        ("*", True),
        ("gzip;q=0", False),
        ("gzip; q=0.0, identity", False),
        ("br, *;q=0", False),
        ("x-gzip;q=0", False),
        ("identity", False),
        ("gzip;q=nonsense", False),
    ],
)
def test_accept_encoding_q_values_are_honoured(client, accept, compressed):
    client.get("/timeline/")
    response = client.get("/timeline/", HTTP_ACCEPT_ENCODING=accept)
    assert (response.get("Content-Encoding") == "gzip") is compressed
    body = gzip.decompress(response.content) if compressed else response.content
    assert body.rstrip().endswith(b"</html>")


def test_a_request_routed_under_a_script_name_is_neither_stored_nor_served(client):
    # SCRIPT_NAME /partnerships and PATH_INFO /: the home page, at the directory's URL.
    under_script_name = client.get("/", SCRIPT_NAME="/partnerships")
    assert "X-Page-Cache" not in under_script_name
    directory = client.get("/partnerships/")
    assert directory["X-Page-Cache"] == "miss"
    assert '<h1 id="page-heading">UK–China partnerships</h1>' in text(directory)


def test_no_header_says_whether_a_page_came_from_the_cache_unless_asked_for(client, settings):
    settings.PAGE_CACHE_STATUS_HEADER = False
    miss, hit = client.get("/timeline/"), client.get("/timeline/")
    assert sorted(miss.headers) == sorted(hit.headers)
    for response in (miss, hit):
        assert "X-Page-Cache" not in response
        assert "Last-Modified" not in response


def test_a_request_for_an_unknown_host_is_one_warning_without_traceback(client, caplog):
    logged = []
    collect = logging.Handler()
    collect.emit = logged.append
    security_logger = logging.getLogger("django.security.DisallowedHost")
    security_logger.addHandler(collect)  # what reaches the console handler, whatever pytest does with propagation
    try:
        with caplog.at_level(logging.DEBUG):
            response = client.get("/timeline/", HTTP_HOST="evil.example")
    finally:
        security_logger.removeHandler(collect)
    assert response.status_code == 400
    assert [(r.levelname, r.getMessage().split(".")[0]) for r in logged] == [
        ("WARNING", "Invalid HTTP_HOST header: 'evil")
    ]
    assert logged[0].exc_info is None and logged[0].exc_text is None
    assert not [r for r in caplog.records if r.name.startswith("tep_portal")]  # no false "Page cache unavailable"


def test_the_benchmark_endpoint_does_not_exist_in_normal_use(client):
    assert client.get("/bench/minimal/").status_code == 404
