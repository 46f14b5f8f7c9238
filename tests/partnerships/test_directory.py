"""The partnerships directory: search, filters, pagination and bad query strings."""

import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerships.models import Partnership

pytestmark = pytest.mark.django_db

PUBLISHED = 38  # the demo content: 40 rows, 2 low-confidence drafts
PER_PAGE = 12


def results(client, query="", status=HTTPStatus.OK, prefix=""):
    response = client.get(f"{prefix}/partnerships/{query}")
    assert response.status_code == status
    body = response.content.decode()
    return re.findall(r'class="card__title"><a href="(?:/zh-hans)?/partnerships/([\w-]+)/"', body), body


# Search ----------------------------------------------------------------------------


@pytest.mark.parametrize("q", ["ningbo", "Ningbo", "NINGBO", "宁波", "gbo"])
def test_search_finds_a_chinese_place_in_english_or_characters(client, demo_content, q):
    slugs, _ = results(client, f"?q={q}")
    assert slugs == ["nottingham-ningbo"]


@pytest.mark.parametrize("q", ["zhejiang", "浙江"])
def test_search_by_province_finds_its_cities_and_the_province(client, demo_content, q):
    slugs, _ = results(client, f"?q={q}")
    assert slugs == ["leeds-hangzhou", "nottingham-ningbo", "nottinghamshire-zhejiang-province"]


@pytest.mark.parametrize("q", ["nottingham", "诺丁汉"])
def test_search_finds_a_uk_council_in_english_or_characters(client, demo_content, q):
    slugs, _ = results(client, f"?q={q}")
    assert slugs == ["nottingham-ningbo", "nottinghamshire-zhejiang-province"]


def test_search_ignores_surrounding_spaces_and_says_what_was_searched(client, demo_content):
    slugs, body = results(client, "?q=%20%20Ningbo%20")
    assert slugs == ["nottingham-ningbo"]
    assert "<title>Partnerships matching “Ningbo” | True Education Partnership</title>" in body
    assert re.search(r'name="q" value="\s*Ningbo\s*"', body)


def test_search_never_shows_drafts(client, demo_content):
    slugs, _ = results(client, "?q=dongying")
    assert slugs == []


def test_search_in_chinese_interface(client, demo_content):
    slugs, body = results(client, "?q=宁波", prefix="/zh-hans")
    assert slugs == ["nottingham-ningbo"]
    assert '<html lang="zh-Hans">' in body


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("宁波市", ["nottingham-ningbo"]),
        ("北京市", ["london-beijing"]),
        ("重庆市", ["leicester-chongqing", "wales-chongqing"]),
        ("浙江省", ["leeds-hangzhou", "nottingham-ningbo", "nottinghamshire-zhejiang-province"]),
        ("广西壮族自治区", ["newport-wuzhou", "wakefield-nanning"]),
        ("广西", ["newport-wuzhou", "wakefield-nanning"]),
        ("梧州市", ["newport-wuzhou"]),
        ("景德镇市", ["bath-and-north-east-somerset-jingdezhen"]),
        ("利物浦市", ["liverpool-shanghai"]),
        ("上海市", ["liverpool-shanghai"]),
    ],
)
def test_chinese_search_finds_places_written_with_or_without_their_suffix(client, demo_content, q, expected):
    slugs, body = results(client, f"?q={q}", prefix="/zh-hans")
    assert sorted(slugs) == expected
    assert f'name="q" value="{q}"' in body  # what was typed is shown back as typed


@pytest.mark.parametrize("q", ["诺丁汉市", "诺丁汉", "nottingham"])
def test_english_search_finds_uk_places_by_their_chinese_names(client, demo_content, q):
    slugs, _ = results(client, f"?q={q}")
    assert slugs == ["nottingham-ningbo", "nottinghamshire-zhejiang-province"]


def test_search_with_a_suffix_runs_the_same_queries_as_without(client, demo_content, settings):
    settings.FRAGMENT_CACHE_ENABLED = False  # every statement of each search, none remembered from the other

    def statements(q):
        with CaptureQueriesContext(connection) as queries:
            results(client, f"?q={q}", prefix="/zh-hans")
        return [query["sql"] for query in queries.captured_queries]

    # The same statements, parameters included: the same plan, the same indexes.
    assert statements("宁波市") == statements("宁波")


# Filters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?nation=wales", ["cardiff-xiamen", "newport-wuzhou", "swansea-wuhan", "wales-chongqing"]),
        (
            "?nation=scotland",
            ["edinburgh-shenzhen", "edinburgh-xian", "glasgow-dalian", "perth-haikou"] + ["scotland-shandong-province"],
        ),
        ("?region=london", ["london-beijing"]),
        ("?province=zhejiang-province", ["leeds-hangzhou", "nottingham-ningbo", "nottinghamshire-zhejiang-province"]),
        ("?province=shanghai", ["liverpool-shanghai"]),
        ("?kind=province-link", ["leicestershire-sichuan-province", "scotland-shandong-province", "wales-chongqing"]),
        (
            "?status=ended",
            ["bath-and-north-east-somerset-jiangxi-province", "bath-and-north-east-somerset-jingdezhen"]
            + ["newcastle-upon-tyne-taiyuan", "wakefield-nanning", "wakefield-xiangyang"],
        ),
        ("?area=nottingham-nottinghamshire", ["nottingham-ningbo", "nottinghamshire-zhejiang-province"]),
        (
            "?year_from=2018",
            ["derry-city-and-strabane-dalian", "edinburgh-shenzhen", "lincolnshire-hunan-province"]
            + ["wakefield-nanning"],
        ),
        ("?year_to=1983", ["birmingham-changchun", "cardiff-xiamen", "coventry-jinan", "sheffield-anshan"]),
        ("?year_from=2005&year_to=2005", ["belfast-hefei", "nottingham-ningbo"]),
    ],
)
def test_each_filter(client, demo_content, query, expected):
    slugs, _ = results(client, query)
    assert slugs == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "?nation=england&status=ended",
            ["bath-and-north-east-somerset-jiangxi-province"]
            + ["bath-and-north-east-somerset-jingdezhen", "newcastle-upon-tyne-taiyuan", "wakefield-nanning"]
            + ["wakefield-xiangyang"],
        ),
        ("?nation=england&status=ended&kind=sister-city", ["wakefield-xiangyang"]),
        ("?province=hubei-province&status=active", ["manchester-wuhan", "swansea-wuhan"]),
        ("?province=hubei-province&nation=wales&kind=friendship-agreement&year_from=2010", ["swansea-wuhan"]),
        ("?q=shanghai&region=north-west&status=active", ["liverpool-shanghai"]),
        ("?q=ningbo&status=ended", []),
        ("?q=&nation=&region=&province=&kind=&status=&area=&year_from=&year_to=", None),  # an empty form
    ],
)
def test_filters_combine(client, demo_content, query, expected):
    slugs, body = results(client, query)
    if expected is None:
        assert len(slugs) == PER_PAGE
        assert f"{PUBLISHED} partnerships" in body
    else:
        assert slugs == expected


def test_filters_keep_their_values_in_the_form(client, demo_content):
    _, body = results(client, "?nation=wales&kind=twin-city&year_from=1980")
    assert '<option value="wales" selected>Wales</option>' in body
    assert '<option value="twin-city" selected>Twin city</option>' in body
    assert 'value="1980"' in body
    assert 'href="/partnerships/">Clear all filters</a>' in body


def test_province_choices_list_only_provinces_with_partnerships(client, demo_content):
    _, body = results(client)
    assert '<option value="zhejiang-province">Zhejiang Province (浙江省)</option>' in body
    assert '<option value="ningbo"' not in body  # a city, not a province


def test_empty_result_says_so_and_offers_to_clear(client, demo_content):
    slugs, body = results(client, "?q=atlantis")
    assert slugs == []
    assert "No partnerships match your search." in body
    assert "0 partnerships" in body
    assert 'href="/partnerships/">Clear all filters</a>' in body


# Pagination ------------------------------------------------------------------------


def test_pages_cover_every_published_partnership_once(client, demo_content):
    seen = []
    for number in range(1, 5):
        slugs, _ = results(client, f"?page={number}")
        seen += slugs
    assert len(seen) == len(set(seen)) == PUBLISHED
    assert len(results(client, "?page=4")[0]) == PUBLISHED - 3 * PER_PAGE


def test_pagination_links_keep_the_filters(client, demo_content):
    _, body = results(client, "?status=active")
    assert 'href="?status=active&amp;page=2"' in body
    assert 'rel="next"' in body
    _, body = results(client, "?status=active&page=2")
    assert 'href="?status=active&amp;page=1"' in body
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2</a>' in body


def test_second_page_has_its_own_title_and_canonical(client, demo_content):
    _, body = results(client, "?page=2")
    assert "– page 2 of 4 | True Education Partnership</title>" in body
    assert '<link rel="canonical" href="http://testserver/partnerships/?page=2">' in body


def test_last_page_keyword(client, demo_content):
    slugs, _ = results(client, "?page=last")
    assert len(slugs) == PUBLISHED - 3 * PER_PAGE


@pytest.mark.parametrize("page", ["abc", "99999", "0", "-1", "5", "1.5", "%00"])
def test_impossible_page_is_not_found(client, demo_content, page):
    response = client.get(f"/partnerships/?page={page}")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Page not found" in response.content.decode()


# Bad query strings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?province=atlantis", "Select a valid choice."),
        ("?nation=mars", "Select a valid choice."),
        ("?kind=%3Cscript%3E", "Select a valid choice."),
        ("?status=maybe", "Select a valid choice."),
        ("?area=nowhere", "Select a valid choice."),
        ("?year_from=abc", "Enter a whole number."),
        ("?year_to=99999999999999999999", "Ensure this value is less than or equal to 2100."),
        ("?year_from=1066", "Ensure this value is greater than or equal to 1900."),
        ("?q=" + "x" * 1000, "Ensure this value has at most 100 characters (it has 1000)."),
    ],
)
def test_a_bad_filter_is_reported_and_ignored(client, demo_content, query, message):
    slugs, body = results(client, query)
    assert message in body
    assert "Some filters could not be used" in body
    assert 'aria-invalid="true"' in body
    assert "<script>" not in body.split("</head>")[1]
    assert f"{PUBLISHED} partnerships" in body  # the bad filter is not applied


def test_years_in_the_wrong_order_are_reported(client, demo_content):
    slugs, body = results(client, "?year_from=2017&year_to=2000")
    assert "The end year must not be before the start year." in body
    assert slugs == ["bath-jinan", "derry-city-and-strabane-dalian", "edinburgh-shenzhen"] + [
        "lincolnshire-hunan-province",
        "wakefield-nanning",
    ]


def test_a_bad_filter_does_not_cancel_the_good_ones(client, demo_content):
    slugs, body = results(client, "?nation=wales&province=atlantis")
    assert slugs == ["cardiff-xiamen", "newport-wuzhou", "swansea-wuhan", "wales-chongqing"]
    assert "Select a valid choice." in body


@pytest.mark.parametrize(
    "query",
    ["?q=%00", "?q=%25%5F", "?q='%20OR%201=1--", "?nation=wales&nation=scotland", "?q[]=x", "?page=2&page=x"]
    + ["?year_from=%C2%B2", "?q=%F0%9F%87%AC%F0%9F%87%A7", "?unknown=1"],
)
def test_odd_query_strings_never_fail(client, demo_content, query):
    response = client.get(f"/partnerships/{query}")
    assert response.status_code in {HTTPStatus.OK, HTTPStatus.NOT_FOUND}


def test_search_treats_like_wildcards_literally(client, demo_content):
    slugs, _ = results(client, "?q=%25")
    assert slugs == []
    slugs, _ = results(client, "?q=_")
    assert slugs == []


def test_filter_panel_opens_only_once_filters_are_used(client, demo_content):
    assert '<details class="filters__more">' in results(client)[1]
    assert '<details class="filters__more">' in results(client, "?q=ningbo")[1]
    assert '<details class="filters__more" open>' in results(client, "?status=ended")[1]
    assert '<details class="filters__more" open>' in results(client, "?kind=bad")[1]


def test_results_follow_every_edit_with_the_page_cache_off(client, demo_content, settings):
    """The matching ids are kept per content generation: publishing or unpublishing shows at once."""
    settings.PAGE_CACHE_ENABLED = False
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    assert results(client, "?q=ningbo")[0] == ["nottingham-ningbo"]
    partnership.is_published = False
    partnership.save()
    assert results(client, "?q=ningbo")[0] == []
    partnership.is_published = True
    partnership.save()
    assert results(client, "?q=ningbo")[0] == ["nottingham-ningbo"]


# Twin and sister cities: two kinds in English, one (友好城市) in Chinese --------------------

TWIN_AND_SISTER = ["twin-city", "sister-city"]


def kind_options(body):
    """(value, label, selected) of each option of the kind select."""
    (select,) = re.findall(r'<select name="kind".*?</select>', body, flags=re.S)
    return [
        (value, label, bool(selected))
        for value, selected, label in re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    ]


def result_count(body):
    return int(re.search(r'class="results__count">(\d+)', body).group(1))


def published_count(*kinds):
    return Partnership.objects.published().filter(kind__in=kinds).count()


def test_chinese_pages_offer_twin_and_sister_cities_as_one_choice(client, demo_content):
    options = kind_options(results(client, prefix="/zh-hans")[1])
    assert [(value, label) for value, label, _ in options if label == "友好城市"] == [
        ("twin-or-sister-city", "友好城市")
    ]
    assert not {"twin-city", "sister-city"} & {value for value, _, _ in options}


def test_english_pages_keep_twin_and_sister_cities_apart(client, demo_content):
    options = [(value, label) for value, label, _ in kind_options(results(client)[1])]
    assert options[1:4] == [
        ("twin-city", "Twin city"),
        ("sister-city", "Sister city"),
        ("twin-or-sister-city", "Twin or sister city"),
    ]


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
def test_twin_or_sister_city_selects_both_kinds(client, demo_content, prefix):
    # The demo content has both kinds, so the choice is more than either alone.
    assert published_count("twin-city") and published_count("sister-city")
    _, body = results(client, "?kind=twin-or-sister-city", prefix=prefix)
    assert result_count(body) == published_count(*TWIN_AND_SISTER)
    assert ("twin-or-sister-city", True) in [(value, selected) for value, _, selected in kind_options(body)]


@pytest.mark.parametrize("kind", TWIN_AND_SISTER)
def test_an_english_kind_on_a_chinese_page_keeps_its_meaning(client, demo_content, kind):
    """A URL shared from an English page selects the same partnerships, shown as 友好城市 chosen,
    and the form sent again keeps the value."""
    _, body = results(client, f"?kind={kind}", prefix="/zh-hans")
    assert "alert-danger" not in body
    assert result_count(body) == published_count(kind)
    assert [(value, selected) for value, label, selected in kind_options(body) if label == "友好城市"] == [(kind, True)]


def test_the_directory_page_cache_tells_the_kinds_apart(client, demo_content, page_cache):
    for _round in range(2):
        both = client.get("/zh-hans/partnerships/?kind=twin-or-sister-city")
        twin = client.get("/zh-hans/partnerships/?kind=twin-city")
    assert both["X-Page-Cache"] == twin["X-Page-Cache"] == "hit"
    assert result_count(both.content.decode()) == published_count(*TWIN_AND_SISTER)
    assert result_count(twin.content.decode()) == published_count("twin-city")
