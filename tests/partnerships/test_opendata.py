"""The directory as open data: /partnerships.csv, /partnerships.json, their
headers, filters, languages, caching, and the /data/ page."""

import csv
import io
import json
import re

import pytest
from django.utils import translation

from partnerships.filters import DirectoryFilterForm
from partnerships.models import LinkStatus, Partnership, UKRegion
from partnerships.opendata import FIELDS, LICENCE_URL
from tests.factories import ChinesePlaceFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

FILES = ["/partnerships.csv", "/partnerships.json", "/zh-hans/partnerships.csv", "/zh-hans/partnerships.json"]
FIELD_NAMES = [field.name for field in FIELDS]


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # so Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(text[1:])))


def json_rows(response):
    return json.loads(response.content)["partnerships"]


def test_csv_holds_every_published_partnership_and_no_draft(client, demo_content):
    response = client.get("/partnerships.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="partnerships.csv"'
    rows = csv_rows(response)
    assert list(rows[0]) == FIELD_NAMES
    published = set(Partnership.objects.published().values_list("slug", flat=True))
    assert {row["id"] for row in rows} == published
    assert Partnership.objects.filter(is_published=False).exists()  # the demo has drafts, left out
    row = next(row for row in rows if row["id"] == "nottingham-ningbo")
    assert row["url"] == "http://testserver/partnerships/nottingham-ningbo/"
    assert (row["uk_name"], row["uk_name_zh"], row["china_name"], row["china_name_zh"]) == (
        "Nottingham",
        "诺丁汉",
        "Ningbo",
        "宁波",
    )
    assert (row["china_province"], row["china_province_zh"]) == ("Zhejiang Province", "浙江省")
    assert (row["uk_region"], row["uk_region_label"], row["uk_nation"]) == ("east-midlands", "East Midlands", "england")
    assert (row["kind"], row["kind_label"], row["status"], row["year_established"]) == (
        "twin-city",
        "Twin city",
        "active",
        "2005",
    )
    # Numbers stay numbers: a negative longitude is not mistaken for a formula.
    assert (row["uk_latitude"], row["uk_longitude"]) == ("52.95", "-1.15")
    assert row["distance_km"] == "9271"
    assert row["year_ended"] == ""


def test_json_has_the_same_fields_typed_with_licence(client, demo_content):
    response = client.get("/partnerships.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["licence"] == {"name": "Open Government Licence v3.0", "url": LICENCE_URL}
    assert body["schema"] == "http://testserver/data/"
    assert body["count"] == len(body["partnerships"]) == Partnership.objects.published().count()
    record = next(r for r in body["partnerships"] if r["id"] == "nottingham-ningbo")
    assert list(record) == FIELD_NAMES
    assert record["uk_longitude"] == -1.15 and record["year_established"] == 2005 and record["year_ended"] is None
    assert record["china_name_zh"] == "宁波"
    ningbo = Partnership.objects.get(slug="nottingham-ningbo")
    assert (record["china_latitude"], record["china_longitude"]) == (
        float(ningbo.chinese_place.latitude),
        float(ningbo.chinese_place.longitude),
    )
    assert record["distance_km"] == 9271
    assert record["last_updated"] == ningbo.updated_at.isoformat()


def test_chinese_files_have_chinese_labels_and_pages(client, demo_content):
    row = next(r for r in json_rows(client.get("/zh-hans/partnerships.json")) if r["id"] == "nottingham-ningbo")
    csv_row = next(r for r in csv_rows(client.get("/zh-hans/partnerships.csv")) if r["id"] == "nottingham-ningbo")

    assert row["url"] == "http://testserver/zh-hans/partnerships/nottingham-ningbo/"
    with translation.override("zh-hans"):
        labels = str(UKRegion.EAST_MIDLANDS.label), str(LinkStatus.ACTIVE.label)
    assert labels[0] != "East Midlands"
    assert (row["uk_region_label"], row["status_label"]) == labels
    assert (row["uk_name"], row["uk_name_zh"], row["kind"]) == ("Nottingham", "诺丁汉", "twin-city")
    assert (csv_row["uk_region_label"], csv_row["status_label"]) == labels


def test_csv_cells_a_spreadsheet_would_run_are_defused(client):
    PartnershipFactory(council__name_en='=HYPERLINK("http://evil.example","x")', chinese_place__name_en="+cmd|x")

    (row,) = csv_rows(client.get("/partnerships.csv"))

    assert row["uk_name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["china_name"] == "'+cmd|x"
    # The JSON file is data, not a spreadsheet: the names as they are.
    (record,) = json_rows(client.get("/partnerships.json"))
    assert record["uk_name"].startswith("=HYPERLINK")


@pytest.mark.parametrize("path", ["/partnerships.csv", "/partnerships.json"])
def test_the_directory_filters_select_the_rows(client, path):
    zhejiang = ChinesePlaceFactory(slug="zhejiang-province", kind="province")
    PartnershipFactory(slug="active-one", chinese_place__name_en="Ningbo", chinese_place__province=zhejiang)
    PartnershipFactory(slug="ended-one", status=LinkStatus.ENDED, year_established=1990, year_ended=2000)
    PartnershipFactory(slug="scottish", council__region="scotland", kind="province-link")

    def ids(query):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200
        rows = csv_rows(response) if path.endswith(".csv") else json_rows(response)
        return {row["id"] for row in rows}

    assert ids("status=ended") == {"ended-one"}
    assert ids("region=scotland") == {"scottish"}
    assert ids("nation=england&status=active") == {"active-one"}
    assert ids("year_to=1995") == {"ended-one"}
    assert ids("province=zhejiang-province") == {"active-one"}
    assert ids("q=ningbo") == {"active-one"}
    assert ids("kind=province-link") == {"scottish"}


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
@pytest.mark.parametrize("path", ["/partnerships.csv", "/partnerships.json"])
def test_twin_and_sister_cities_are_one_filter_value_and_each_their_own_in_both_languages(client, prefix, path):
    for kind in ("twin-city", "sister-city", "friendship-city"):
        PartnershipFactory(slug=kind, kind=kind)

    def ids(kind):
        response = client.get(f"{prefix}{path}?kind={kind}")
        assert response.status_code == 200
        rows = csv_rows(response) if path.endswith(".csv") else json_rows(response)
        return {row["id"] for row in rows}

    assert ids("twin-or-sister-city") == {"twin-city", "sister-city"}
    # The values an English page's select produces mean the same in a Chinese file.
    assert ids("twin-city") == {"twin-city"}
    assert ids("sister-city") == {"sister-city"}


def test_a_bad_filter_is_refused_with_the_reason_not_a_different_file(client):
    PartnershipFactory()

    as_csv = client.get("/partnerships.csv?status=gone&year_from=abc")
    as_json = client.get("/partnerships.json?region=atlantis")

    assert as_csv.status_code == 400
    assert as_csv["Content-Type"] == "text/plain; charset=utf-8"
    assert "status:" in as_csv.content.decode() and "year_from:" in as_csv.content.decode()
    assert as_json.status_code == 400
    assert list(json.loads(as_json.content)["errors"]) == ["region"]
    assert as_json["Access-Control-Allow-Origin"] == "*"  # other sites can read the reason too


@pytest.mark.parametrize("path", FILES)
def test_other_sites_may_read_the_data_files(client, path):
    PartnershipFactory()

    response = client.get(path, headers={"Origin": "https://example.org"})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


@pytest.mark.parametrize(
    "path", ["/", "/partnerships/", "/partnerships/map/", "/data/", "/zh-hans/data/", "/sitemap.xml"]
)
def test_no_other_response_is_opened_to_other_sites(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_the_data_page_documents_every_field_filter_and_the_licence(client):
    html = client.get("/data/").content.decode()

    # Every field, in the files' order, with its type.
    documented = re.findall(r'<dt><code class="data-fields__name">(\w+)</code> <code[^>]*>([\w-]+)</code></dt>', html)
    assert documented == [(field.name, field.type) for field in FIELDS]
    for parameter in ("q", "nation", "region", "province", "kind", "status", "area", "year_from", "year_to"):
        assert f"<code>{parameter}</code>" in html
    assert f'href="{LICENCE_URL}"' in html and "Open Government Licence v3.0" in html
    assert 'href="/partnerships.csv"' in html and 'href="/partnerships.json"' in html
    assert "Natural Earth" in html
    assert "<code>twin-or-sister-city</code> selects twin cities and sister cities together" in html


def test_the_chinese_data_page_explains_the_one_choice_for_twin_and_sister_cities(client):
    html = client.get("/zh-hans/data/").content.decode()

    assert "<code>twin-or-sister-city</code>同时选出<code>twin-city</code>和<code>sister-city</code>" in html


def test_the_sitemap_lists_the_map_the_data_page_and_both_files(client):
    xml = client.get("/sitemap.xml").content.decode()

    for path in ("/partnerships/map/", "/data/", "/partnerships.csv", "/partnerships.json"):
        assert f"<loc>http://testserver{path}</loc>" in xml
        assert f"<loc>http://testserver/zh-hans{path}</loc>" in xml


@pytest.mark.usefixtures("page_cache")
class TestCachedLikePages:
    def test_a_cached_file_keeps_its_cross_origin_headers(self, client, django_assert_num_queries):
        PartnershipFactory()
        first = client.get("/partnerships.csv")

        with django_assert_num_queries(0):
            second = client.get("/partnerships.csv")

        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
        assert second.content == first.content
        assert second["Content-Type"] == "text/csv; charset=utf-8"
        assert second["Content-Disposition"] == 'attachment; filename="partnerships.csv"'
        assert second["Access-Control-Allow-Origin"] == "*"
        assert second["Cross-Origin-Resource-Policy"] == "cross-origin"

    def test_a_revalidated_file_gets_a_304_with_its_cross_origin_headers(self, client):
        PartnershipFactory()
        etag = client.get("/partnerships.json")["ETag"]

        response = client.get("/partnerships.json", headers={"If-None-Match": etag})

        assert response.status_code == 304
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Cross-Origin-Resource-Policy"] == "cross-origin"

    def test_an_edit_shows_in_the_files_at_once(self, client):
        partnership = PartnershipFactory(year_established=2005)
        assert json_rows(client.get("/partnerships.json"))[0]["year_established"] == 2005

        partnership.year_established = 2006
        partnership.save()

        response = client.get("/partnerships.json")
        assert response["X-Page-Cache"] == "miss"
        assert json_rows(response)[0]["year_established"] == 2006

    def test_a_refused_filter_is_not_stored(self, client):
        for _ in range(2):
            response = client.get("/partnerships.csv?status=gone")
            assert response.status_code == 400
            assert response.get("X-Page-Cache") != "hit"


def test_the_files_are_built_once_per_edit_and_for_each_address(client, settings, django_assert_num_queries):
    """With the page cache off the files are still written once per content generation; an edit
    shows at once, and the links inside them follow the address they were asked for."""
    settings.PAGE_CACHE_ENABLED = False
    settings.ALLOWED_HOSTS = ["testserver", "data.example"]
    partnership = PartnershipFactory()
    assert [row["id"] for row in json_rows(client.get("/partnerships.json"))] == [partnership.slug]
    assert [row["id"] for row in csv_rows(client.get("/partnerships.csv"))] == [partnership.slug]
    with django_assert_num_queries(0):
        assert [row["id"] for row in csv_rows(client.get("/partnerships.csv"))] == [partnership.slug]
    other_host = json_rows(client.get("/partnerships.json", HTTP_HOST="data.example"))
    assert other_host[0]["url"].startswith("http://data.example/")
    second = PartnershipFactory()
    assert {row["id"] for row in csv_rows(client.get("/partnerships.csv"))} == {partnership.slug, second.slug}


@pytest.mark.parametrize("path", ["/partnerships.csv", "/partnerships.json"])
def test_the_filters_are_read_once_per_request(client, settings, monkeypatch, django_assert_num_queries, path):
    """One filter form per request both selects the rows and names the file's shared copy."""
    settings.PAGE_CACHE_ENABLED = False
    PartnershipFactory(slug="active-one")
    PartnershipFactory(slug="ended-one", status=LinkStatus.ENDED, year_established=1990, year_ended=2000)
    forms = []
    original_init = DirectoryFilterForm.__init__

    def counted_init(form, *args, **kwargs):
        forms.append(form)
        original_init(form, *args, **kwargs)

    monkeypatch.setattr(DirectoryFilterForm, "__init__", counted_init)

    def ids(query):
        forms.clear()
        response = client.get(f"{path}?{query}")
        assert len(forms) == 1
        rows = csv_rows(response) if path.endswith(".csv") else json_rows(response)
        return {row["id"] for row in rows}

    assert ids("status=ended") == {"ended-one"}
    assert ids("status=active") == {"active-one"}
    with django_assert_num_queries(0):  # shared under its filters: written once
        assert ids("status=active") == {"active-one"}
    with django_assert_num_queries(1):  # another parameter: written for this request
        assert ids("status=active&utm_source=x") == {"active-one"}
