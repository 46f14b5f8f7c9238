"""The partnership map: what it draws and links, its filters, names, size and cost."""

import gzip
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation

from partnerships import map_groups, maps
from partnerships.map_insets import INSETS
from partnerships.map_views import FilteredMapUrls
from partnerships.models import LinkKind, LinkStatus, Partnership
from partnerships.views import published_partnerships
from tests.factories import ChinesePlaceFactory, CouncilFactory, PartnershipFactory, SisterSchoolLinkFactory
from tests.partnerships.map_data import LARGE, build_large_map_data

pytestmark = pytest.mark.django_db

MAP_URL = "/partnerships/map/"
# The full map, gzip-compressed: its SVG in the page plus the two land outlines it loads.
SIZE_BUDGET = 60_000
# Drawing the full map's SVG, in milliseconds of CPU (the best of a few runs, so other work on the
# machine does not count). `make bench` aims at 5 ms on a quiet machine (scripts/bench_targets.py;
# about 3.5 ms with its 1,838 partnerships, 0.3 ms with the demo's 38); the test allows twice that,
# as the suite shares the machine, and still fails a drawing that costs tens of milliseconds.
RENDER_BUDGET_MS = 10
STATIC = Path(settings.BASE_DIR) / "static"


def svgs(response):
    """Every inline <svg> of a page, parsed."""
    html = response.content.decode()
    return [ET.fromstring(match) for match in re.findall(r"<svg\b.*?</svg>", html, flags=re.S)]  # noqa: S314 - our own page


def the_map(response):
    (svg,) = [svg for svg in svgs(response) if "map" in svg.get("class", "").split()]
    return svg


def map_links(svg):
    """{href: accessible name} of the links in the map."""
    return {a.get("href"): a.findtext("title") for a in svg.iter("a")}


def compressed_size(svg):
    inline = gzip.compress(ET.tostring(svg), compresslevel=6)
    land = sum(len(gzip.compress((STATIC / inset.land_file).read_bytes(), compresslevel=6)) for inset in INSETS)
    return len(inline) + land


def test_the_map_links_every_published_partnership_and_no_draft(client):
    published = PartnershipFactory.create_batch(3)
    draft = PartnershipFactory(is_published=False)

    response = client.get(MAP_URL)

    assert response.status_code == 200
    links = map_links(the_map(response))
    assert set(links) == {p.get_absolute_url() for p in published}
    assert draft.get_absolute_url() not in response.content.decode()
    # The same links in the list after the map (the map's text alternative).
    for partnership in published:
        assert response.content.decode().count(f'href="{partnership.get_absolute_url()}"') == 2


def test_links_are_named_for_screen_readers(client, demo_content):
    response = client.get(MAP_URL)

    links = map_links(the_map(response))
    assert links["/partnerships/nottingham-ningbo/"] == "Nottingham – Ningbo, twin city since 2005"
    assert f'<a href="/partnerships/nottingham-ningbo/">{links["/partnerships/nottingham-ningbo/"]}</a>' in (
        response.content.decode()
    )


def test_links_are_named_in_chinese_on_the_chinese_map(client, demo_content):
    response = client.get("/zh-hans" + MAP_URL)

    links = map_links(the_map(response))
    with translation.override("zh-hans"):
        kind = str(LinkKind.TWIN_CITY.label)  # the kind as the Chinese pages name it
    assert links["/zh-hans/partnerships/nottingham-ningbo/"] == f"诺丁汉 – 宁波，{kind}，2005年起"


def test_status_shows_as_line_pattern_and_in_words(client):
    active = PartnershipFactory(status=LinkStatus.ACTIVE, year_established=2005)
    dormant = PartnershipFactory(status=LinkStatus.DORMANT, year_established=1990)
    ended = PartnershipFactory(status=LinkStatus.ENDED, year_established=1986, year_ended=2012)

    response = client.get(MAP_URL)

    svg = the_map(response)
    for partnership, status in ((active, "active"), (dormant, "dormant"), (ended, "ended")):
        (link,) = [a for a in svg.iter("a") if a.get("href") == partnership.get_absolute_url()]
        assert link.find("path").get("class") == f"map__line map__line--{status}"
    names = map_links(svg)
    assert names[dormant.get_absolute_url()].endswith("sister city since 1990, dormant")
    assert names[ended.get_absolute_url()].endswith("sister city since 1986, ended in 2012")
    css = (STATIC / "css" / "site.css").read_text()
    # Dashed and dotted, not only another colour; the legend says which is which.
    assert re.search(r"\.map__line--dormant \{[^}]*stroke-dasharray", css)
    assert re.search(r"\.map__line--ended \{[^}]*stroke-dasharray", css)
    for text in ("Active (solid line)", "Dormant (dashed line)", "Ended (dotted line)"):
        assert text in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=ended", {"ended"}),
        ("region=scotland", {"glasgow"}),
        ("nation=england", {"nottingham", "ended"}),
        ("province=zhejiang-province", {"nottingham"}),
        ("q=ningbo", {"nottingham"}),
        ("q=%E5%AE%81%E6%B3%A2", {"nottingham"}),  # 宁波
        ("year_from=2000", {"nottingham"}),
        ("year_to=1989", {"ended"}),
        ("kind=province-link", {"glasgow"}),
        ("kind=twin-or-sister-city", {"nottingham", "ended"}),
        ("kind=sister-city", {"ended"}),
        ("status=active&year_from=1988&year_to=1995", {"glasgow"}),
    ],
)
def test_the_directory_filters_apply_to_the_map(client, query, expected):
    zhejiang = ChinesePlaceFactory(slug="zhejiang-province", name_en="Zhejiang Province", kind="province")
    PartnershipFactory(
        slug="nottingham",
        kind="twin-city",
        year_established=2005,
        chinese_place__name_en="Ningbo",
        chinese_place__name_zh_hans="宁波",
        chinese_place__province=zhejiang,
    )
    PartnershipFactory(slug="glasgow", council__region="scotland", kind="province-link", year_established=1990)
    PartnershipFactory(slug="ended", status=LinkStatus.ENDED, year_established=1986, year_ended=2012)

    response = client.get(f"{MAP_URL}?{query}")

    assert response.status_code == 200
    assert {href.split("/")[-2] for href in map_links(the_map(response))} == expected
    # Back to the directory with the same filters: a shareable URL either way.
    assert f'href="/partnerships/?{query.replace("&", "&amp;")}"' in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("twin-or-sister-city", {"twin", "sister"}), ("twin-city", {"twin"}), ("sister-city", {"sister"})],
)
def test_the_chinese_map_offers_one_friendship_city_choice_and_keeps_shared_kinds(client, kind, expected):
    PartnershipFactory(slug="twin", kind="twin-city")
    PartnershipFactory(slug="sister", kind="sister-city")
    PartnershipFactory(slug="province", kind="province-link")

    response = client.get(f"/zh-hans{MAP_URL}?kind={kind}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "alert-danger" not in html
    assert {href.split("/")[-2] for href in map_links(the_map(response))} == expected
    (select,) = re.findall(r'<select name="kind".*?</select>', html, flags=re.S)
    assert re.findall(r'<option value="([^"]*)"( selected)?>友好城市</option>', select) == [(kind, " selected")]


def test_a_bad_filter_value_is_reported_and_ignored(client):
    PartnershipFactory.create_batch(2)

    response = client.get(f"{MAP_URL}?year_from=abc&status=nonsense")

    assert response.status_code == 200
    assert "Some filters could not be used" in response.content.decode()
    assert len(map_links(the_map(response))) == 2


def test_the_directory_links_to_the_map_and_the_data_with_its_filters(client):
    PartnershipFactory()

    page = client.get("/partnerships/?status=active&page=1").content.decode()

    assert 'href="/partnerships/map/?status=active"' in page
    assert 'href="/partnerships.csv?status=active"' in page
    assert 'href="/partnerships.json?status=active"' in page
    assert 'href="/data/"' in page


def test_a_place_without_coordinates_is_listed_not_drawn(client):
    drawn = PartnershipFactory()
    undrawn = PartnershipFactory(chinese_place__latitude=None, chinese_place__longitude=None)

    response = client.get(MAP_URL)

    assert set(map_links(the_map(response))) == {drawn.get_absolute_url()}
    assert "Not on the map" in response.content.decode()
    assert f'href="{undrawn.get_absolute_url()}"' in response.content.decode()


def test_the_map_needs_no_script_and_loads_only_our_own_files(client, demo_content):
    response = client.get(MAP_URL)

    svg = the_map(response)
    images = [image.get("href") for image in svg.iter("image")]
    assert images == ["/static/geo/land-uk.svg", "/static/geo/land-china.svg"]
    html = response.content.decode()
    assert "<script" not in re.search(r"<main.*</main>", html, flags=re.S).group()
    assert " style=" not in html


@pytest.mark.parametrize(
    ("prefix", "source"),
    [
        ("", "Land outlines: Natural Earth (public domain), without borders."),
        ("/zh-hans", "陆地轮廓：自然地球（Natural Earth）公有领域地图数据，不含边界。"),
    ],
)
def test_the_map_page_says_where_the_land_comes_from(client, prefix, source):
    PartnershipFactory()

    html = client.get(f"{prefix}{MAP_URL}").content.decode()

    figure = re.search(r'<figure class="map-figure">.*?</figure>', html, flags=re.S).group()
    assert source in figure
    assert f'href="{prefix}/data/"' in figure  # the data's licence and the outlines' source, in full


def test_demo_map_within_size_budget_and_drawn_line_by_line(client, demo_content):
    response = client.get(MAP_URL)

    svg = the_map(response)
    published = Partnership.objects.published().count()
    assert len(map_links(svg)) == published
    assert compressed_size(svg) <= SIZE_BUDGET


def render_ms(data, runs=10):
    """The best CPU time of drawing the map's SVG `runs` times, in milliseconds."""
    urls = FilteredMapUrls(RequestFactory().get(MAP_URL))
    maps.render_svg(data, title="", urls=urls)  # the projections are set up once per process
    best = float("inf")
    for _ in range(runs):
        start = time.thread_time()
        maps.render_svg(data, title="", urls=urls)
        best = min(best, time.thread_time() - start)
    return best * 1000


@pytest.mark.parametrize("data_set", ["demo", "bench"])
def test_the_full_map_renders_within_its_time_budget(request, data_set):
    if data_set == "demo":
        request.getfixturevalue("demo_content")
    else:
        build_large_map_data()
    data = maps.map_data(published_partnerships())
    assert maps.is_aggregated(data) == (data_set == "bench")

    elapsed = render_ms(data)
    assert elapsed <= RENDER_BUDGET_MS, f"{len(data.links)} partnerships drawn in {elapsed:.1f} ms"


def test_large_map_is_aggregated_and_within_size_budget(client, django_assert_max_num_queries):
    build_large_map_data()

    with django_assert_max_num_queries(4):  # province and area choices, the partnerships, the organisation
        response = client.get(MAP_URL)

    svg = the_map(response)
    assert compressed_size(svg) <= SIZE_BUDGET
    # Readable: bubbles for the 12 regions and 40 provinces and the busiest pairs, not 1,800 lines.
    assert len(list(svg.iter("circle"))) == 12 + LARGE["provinces"]
    assert len([path for path in svg.iter("path") if "map__line" in path.get("class")]) == map_groups.MAX_GROUP_LINES
    names = [a.findtext("title") for a in svg.iter("a")]
    assert sum(int(re.search(r": (\d+) partnerships?$", n).group(1)) for n in names if " – " not in n) == 2 * 1800
    # Every line, bubble and list entry narrows the map: region, province or both.
    html = response.content.decode()
    assert 'href="/partnerships/map/?region=east-midlands&amp;province=bench-province-' in html
    assert "1,800 partnerships" in html or "1800 partnerships" in html


def test_a_filtered_large_map_is_drawn_line_by_line_again(client):
    build_large_map_data()
    overview = client.get(f"{MAP_URL}?status=active").content.decode()
    map_list = overview[overview.index('<ul class="map-list">') :]
    pair_url, pair_name = re.search(r'<li><a href="([^"]+)">([^<]+)</a></li>', map_list).groups()
    count = int(re.search(r": (\d+) partnerships?$", pair_name).group(1))

    response = client.get(pair_url.replace("&amp;", "&"))

    assert "status=active" in pair_url and "region=" in pair_url and "province=" in pair_url
    links = map_links(the_map(response))
    assert len(links) == count
    assert all(href.startswith("/partnerships/bench-") for href in links)


def test_home_page_has_the_compact_map_as_one_link(client, demo_content):
    response = client.get("/")

    svg = the_map(response)
    assert svg.get("role") == "img" and "partnerships" in svg.get("aria-label")
    assert not list(svg.iter("a"))  # one picture: no tab stop per partnership on the home page
    html = response.content.decode()
    assert re.search(r'<a class="map-figure__link" href="/partnerships/map/"><svg', html)


def test_partnership_page_shows_both_places_and_the_line(client, demo_content):
    response = client.get("/partnerships/nottingham-ningbo/")

    svg = the_map(response)
    assert svg.get("aria-label") == "Map: Nottingham in the UK and Ningbo in China"
    assert [text.text for text in svg.iter("text")] == ["Nottingham", "Ningbo"]
    assert len([p for p in svg.iter("path") if "map__line" in p.get("class")]) == 1


def test_school_page_shows_its_council_and_sister_school_cities(client):
    council = CouncilFactory(name_en="Nottingham")
    link = SisterSchoolLinkFactory(
        uk_school__council=council,
        uk_school__is_published=True,
        chinese_school__city=ChinesePlaceFactory(name_en="Ningbo"),
        is_published=True,
    )

    response = client.get(link.uk_school.get_absolute_url())

    svg = the_map(response)
    assert svg.get("aria-label") == "Map: Nottingham in the UK and Ningbo in China"
    assert [text.text for text in svg.iter("text")] == ["Nottingham", "Ningbo"]


def test_the_map_is_drawn_once_per_edit_for_each_set_of_filters(client, settings, django_assert_num_queries):
    """With the page cache off (after an edit), the map and its list are still drawn once and shared;
    the next edit draws them again, and a query string with anything else is drawn for that visitor."""
    settings.PAGE_CACHE_ENABLED = False
    partnership, _ = PartnershipFactory.create_batch(2, status=LinkStatus.ACTIVE)
    url = f"{MAP_URL}?status=active"
    assert partnership.get_absolute_url() in map_links(the_map(client.get(url)))
    with django_assert_num_queries(0):  # drawn, and the filters' choices counted, by the first request
        client.get(url)
    partnership.is_published = False
    partnership.save()
    assert partnership.get_absolute_url() not in map_links(the_map(client.get(url)))
    with django_assert_num_queries(1):  # an unknown parameter: the partnerships read for this visitor
        response = client.get(f"{url}&utm_source=x")
    assert response.status_code == 200


def test_the_home_page_map_follows_every_edit(client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    PartnershipFactory.create_batch(2, status=LinkStatus.ACTIVE)

    def compact_map_name():
        return the_map(client.get("/")).get("aria-label")

    assert compact_map_name().startswith("2 partnerships")
    with django_assert_max_num_queries(4):  # the map is not read again, nor are the home page's other parts
        assert compact_map_name().startswith("2 partnerships")
    PartnershipFactory(status=LinkStatus.ACTIVE)
    assert compact_map_name().startswith("3 partnerships")
