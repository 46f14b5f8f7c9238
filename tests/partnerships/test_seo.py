"""Findable: titles, descriptions, canonical links, Open Graph, JSON-LD, sitemap, robots.txt."""

import html
import json
import re
import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest

from partnerships.models import Partnership, TimelineEvent
from schools.models import UKSchool
from tests.factories import PartnershipFactory, TimelineEventFactory
from tests.fetch import get_html
from tests.public_pages import CONTENT_PAGES

pytestmark = pytest.mark.django_db

PAGES = [*CONTENT_PAGES, "/partnerships/liverpool-shanghai/"]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def head_value(body, pattern):
    match = re.search(pattern, body)
    return html.unescape(match.group(1)) if match else None


def json_ld(body):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, flags=re.S)
    return [json.loads(block) for block in blocks]


def parse_xml(content):
    return ET.fromstring(content)  # noqa: S314 - our own sitemap, not untrusted input


def test_every_page_has_a_unique_title_and_description(client, demo_content):
    titles, descriptions = set(), set()
    for url in PAGES:
        body = get_html(client, url)
        title = head_value(body, r"<title>(.*?)</title>")
        description = head_value(body, r'<meta name="description" content="([^"]*)">')
        assert title and title.endswith(" | True Education Partnership"), url
        assert description and 30 < len(description) <= 160, (url, description)
        titles.add(title)
        descriptions.add(description)
    assert len(titles) == len(PAGES)
    assert len(descriptions) == len(PAGES)


def test_partnership_title_names_both_places(client, demo_content):
    body = get_html(client, "/partnerships/nottingham-ningbo/")
    assert "<title>Nottingham – Ningbo (宁波): twin city | True Education Partnership</title>" in body
    assert '<meta name="description" content="Twinned since 2005, Nottingham and Ningbo' in body


def test_canonical_and_language_alternates(client, demo_content):
    body = get_html(client, "/partnerships/nottingham-ningbo/?utm_source=x")
    assert '<link rel="canonical" href="http://testserver/partnerships/nottingham-ningbo/">' in body
    assert '<link rel="alternate" hreflang="en-GB" href="http://testserver/partnerships/nottingham-ningbo/">' in body
    assert (
        '<link rel="alternate" hreflang="zh-Hans" href="http://testserver/zh-hans/partnerships/nottingham-ningbo/">'
        in body
    )


def test_open_graph_tags(client, demo_content):
    body = get_html(client, "/partnerships/nottingham-ningbo/")
    assert '<meta property="og:type" content="article">' in body
    assert '<meta property="og:title" content="Nottingham – Ningbo (宁波): twin city">' in body
    assert '<meta property="og:url" content="http://testserver/partnerships/nottingham-ningbo/">' in body
    assert '<meta property="og:image" content="http://testserver/static/img/og-image.png">' in body
    assert '<meta property="og:locale" content="en_GB">' in body
    assert '<meta property="og:locale" content="zh_CN">' in get_html(client, "/zh-hans/")


@pytest.mark.parametrize("url", PAGES)
def test_every_page_names_the_organisation(client, demo_content, url):
    kinds = [item.get("@type") for item in json_ld(get_html(client, url))]
    assert "Organization" in kinds


def test_organisation_data(client, demo_content):
    organization = next(item for item in json_ld(get_html(client, "/")) if item.get("@type") == "Organization")
    assert organization["@context"] == "https://schema.org"
    assert organization["name"] == "True Education Partnership"
    assert organization["url"] == "http://testserver/"


def test_partnership_page_describes_its_events(client, demo_content):
    data = json_ld(get_html(client, "/partnerships/nottingham-ningbo/"))
    events = next(item for item in data if "@graph" in item)["@graph"]
    published = TimelineEvent.objects.published().filter(partnerships__slug="nottingham-ningbo")
    assert len(events) == published.count()
    campus = next(event for event in events if event["name"].startswith("University of Nottingham"))
    assert campus["@type"] == "Event"
    assert campus["startDate"] == "2004-09"
    pk = published.get(title_en__startswith="University of Nottingham").pk
    assert campus["url"] == f"http://testserver/partnerships/nottingham-ningbo/#event-{pk}"
    assert campus["location"] == [{"@type": "Place", "name": "Nottingham"}, {"@type": "Place", "name": "Ningbo"}]
    breadcrumbs = next(item for item in data if item.get("@type") == "BreadcrumbList")
    assert [crumb["name"] for crumb in breadcrumbs["itemListElement"]] == [
        "Home",
        "Partnerships",
        "Nottingham – Ningbo",
    ]


def test_timeline_page_describes_the_events_it_shows(client, demo_content):
    data = json_ld(get_html(client, "/timeline/?year=2015"))
    events = next(item for item in data if "@graph" in item)["@graph"]
    assert sorted(event["startDate"] for event in events) == ["2015-09-21", "2015-11-05"]


def test_json_ld_cannot_be_broken_out_of(client, db):
    partnership = PartnershipFactory()
    TimelineEventFactory(partnerships=[partnership], title_en="</script><script>alert(1)</script> & <!--")
    body = get_html(client, partnership.get_absolute_url())
    assert "<script>alert(1)" not in body
    events = next(item for item in json_ld(body) if "@graph" in item)["@graph"]
    assert events[0]["name"] == "</script><script>alert(1)</script> & <!--"


# Sitemap and robots.txt --------------------------------------------------------------


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    root = parse_xml(response.content)
    return [url.findtext("s:loc", namespaces=SITEMAP_NS) for url in root.findall("s:url", SITEMAP_NS)], root


def test_sitemap_lists_every_public_page(client, demo_content):
    locations, _ = sitemap_locations(client)
    expected = ["/", "/partnerships/", "/schools/", "/timeline/", "/about/", "/process/", "/benefits/"]
    expected += ["/privacy/", "/register/", "/register/uk-partner/", "/contact/"]
    expected += ["/partnerships/map/", "/data/", "/partnerships.csv", "/partnerships.json"]
    expected += [p.get_absolute_url() for p in Partnership.objects.published()]
    expected += [s.get_absolute_url() for s in UKSchool.objects.published()]
    for path in expected:
        assert f"http://testserver{path}" in locations, path
        assert f"http://testserver/zh-hans{path}" in locations, path
    assert len(locations) == 2 * len(expected)


def test_sitemap_leaves_out_drafts(client, demo_content):
    locations, _ = sitemap_locations(client)
    assert "http://testserver/partnerships/guildford-dongying/" not in locations


def test_sitemap_gives_language_alternates_and_last_modified(client, demo_content):
    _, root = sitemap_locations(client)
    entry = next(
        url
        for url in root.findall("s:url", SITEMAP_NS)
        if url.findtext("s:loc", namespaces=SITEMAP_NS) == "http://testserver/partnerships/nottingham-ningbo/"
    )
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", SITEMAP_NS)}
    assert alternates["zh-hans"] == "http://testserver/zh-hans/partnerships/nottingham-ningbo/"
    assert alternates["x-default"] == "http://testserver/partnerships/nottingham-ningbo/"
    assert entry.findtext("s:lastmod", namespaces=SITEMAP_NS)


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_answers_get_only(client, db):
    assert client.post("/robots.txt").status_code == HTTPStatus.METHOD_NOT_ALLOWED
