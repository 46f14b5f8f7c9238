"""What the page cache serves: a stored page costs no query, keeps its headers and answers HEAD;
each language, query string and host has its own copy; browsers revalidate with ETags."""

import pytest

from partnerships.models import Partnership
from schools.models import UKSchool
from tests.public_pages import CONTENT_PAGES

from .support import DETAIL, text

PUBLIC_PAGES = [
    *CONTENT_PAGES,
    "/zh-hans/",
    "/zh-hans/partnerships/nottingham-ningbo/",
    "/partnerships/map/",
    "/zh-hans/partnerships/map/?kind=twin-or-sister-city",
    "/data/",
    "/partnerships.csv",
    "/zh-hans/partnerships.json?status=active",
    "/timeline/feed/",
    "/sitemap.xml",
    "/robots.txt",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_cached_page_is_served_without_touching_the_database(client, django_assert_num_queries, path):
    first = client.get(path)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get(path)

    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cached_pages_still_get_the_security_headers(client):
    client.get("/")
    response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert response.has_header(header), header
    assert not response.cookies


def test_head_is_answered_from_the_cache(client, django_assert_num_queries):
    client.get("/timeline/")
    with django_assert_num_queries(0):
        response = client.head("/timeline/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_language_variants_are_cached_separately(client):
    english, chinese = client.get("/"), client.get("/zh-hans/")
    assert english["X-Page-Cache"] == chinese["X-Page-Cache"] == "miss"
    english, chinese = client.get("/"), client.get("/zh-hans/")
    assert english["X-Page-Cache"] == chinese["X-Page-Cache"] == "hit"
    assert '<html lang="en-GB"' in text(english)
    assert '<html lang="zh-Hans"' in text(chinese)
    assert english["Content-Language"] == "en"
    assert chinese["Content-Language"] == "zh-hans"


def test_query_strings_are_part_of_the_key(client):
    ningbo, shanghai = client.get("/partnerships/?q=Ningbo"), client.get("/partnerships/?q=Shanghai")
    assert ningbo["X-Page-Cache"] == shanghai["X-Page-Cache"] == "miss"
    ningbo, shanghai = client.get("/partnerships/?q=Ningbo"), client.get("/partnerships/?q=Shanghai")
    assert ningbo["X-Page-Cache"] == shanghai["X-Page-Cache"] == "hit"
    assert "nottingham-ningbo" in text(ningbo)
    assert "nottingham-ningbo" not in text(shanghai)
    assert "liverpool-shanghai" in text(shanghai)


def test_hosts_are_cached_separately(client):
    # Pages carry absolute links (canonical, Open Graph), so each host has its own copy.
    client.get("/", HTTP_HOST="localhost")
    assert client.get("/", HTTP_HOST="127.0.0.1")["X-Page-Cache"] == "miss"


def test_a_browser_revalidating_an_unchanged_page_gets_a_304(client, django_assert_num_queries):
    first = client.get(DETAIL)
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    # No Last-Modified: when a page was stored would tell when somebody else asked for it.
    assert "Last-Modified" not in first
    cache_control = {part.strip() for part in first["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "must-revalidate"} <= cache_control

    with django_assert_num_queries(0):
        response = client.get(DETAIL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_after_an_edit_the_old_etag_gets_the_new_page(client):
    etag = client.get(DETAIL)["ETag"]
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    partnership.summary_en = "Updated summary for revalidation."
    partnership.save()

    response = client.get(DETAIL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Updated summary for revalidation." in text(response)


def test_a_page_that_did_not_change_keeps_its_etag_across_edits(client):
    etag = client.get("/robots.txt")["ETag"]
    UKSchool.objects.filter(slug="nuast").get().save()  # an unrelated edit: the cache is emptied
    response = client.get("/robots.txt", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
