"""Each public page runs the same number of SQL queries for 3 partnerships as
for 40: no query per row, whatever staff publish. Every page that renders the
site's layout reads the organisation record once (footer, schema.org data)."""

from urllib.parse import quote

import pytest

from tests.public_data import build_public_site

pytestmark = pytest.mark.django_db

# url (or a function of the partnerships made) → queries
BUDGETS = [
    # pages (home, about), figures, school count (both once per content generation), statistics, featured,
    # events, their partnerships, the map
    ("/", 9),  # and the organisation record (footer), once per content generation
    # province and area choices, count, page
    ("/partnerships/", 5),
    ("/partnerships/?status=active&kind=sister-city&year_from=1900", 5),
    # twin and sister cities together (the Chinese pages' one choice), or one of them on a Chinese page
    ("/zh-hans/partnerships/?kind=twin-or-sister-city", 5),
    ("/zh-hans/partnerships/?kind=sister-city", 5),
    # a Chinese name typed with its suffix (城市1市 for 城市1) is the same search as without: no extra query
    # (a name the data set has: the factories number places across tests, so a fixed 城市1 may match none)
    (
        pytest.param(
            lambda ps: f"/zh-hans/partnerships/?q={quote(ps[0].chinese_place.name_zh_hans + '市')}", 5, id="zh-suffix"
        )
    ),
    # partnership, events, school links, quotes, same-area partnerships
    (pytest.param(lambda ps: ps[0].get_absolute_url(), 6, id="partnership-page")),
    # year choices (the partnership filter is a search box, not a list), count, page, the events' partnerships
    ("/timeline/", 5),
    ("/timeline/?category=culture", 5),
    # the same and whether any partnership matches the search
    ("/timeline/?partnership=Ningbo", 6),
    # count, page, sister-school links
    ("/schools/", 4),
    # school, links, events
    (pytest.param(lambda ps: ps[0].council.schools.get().get_absolute_url(), 4, id="school-page")),
    ("/about/", 2),
    ("/process/", 3),
    ("/benefits/", 4),
    ("/sitemap.xml", 2),
    ("/timeline/feed/", 1),
    ("/robots.txt", 0),
    # the enquiry form asks no list of partnerships (only the organisation record); from a
    # partnership's page, that one partnership
    ("/register/", 1),
    (pytest.param(lambda ps: f"/register/?partnership={ps[-1].slug}", 2, id="register-from-partnership")),
    # the Chinese side's form: the same
    ("/register/uk-partner/", 1),
    ("/zh-hans/register/uk-partner/", 1),
    ("/zh-hans/", 9),
    # the organisation record
    ("/contact/", 1),
    ("/zh-hans/contact/", 1),
    # the privacy page and the organisation record
    ("/privacy/", 2),
    # province and area choices, the partnerships (the map draws them all, or counts them), the organisation
    ("/partnerships/map/", 4),
    ("/partnerships/map/?status=active&region=east-midlands", 4),
    ("/zh-hans/partnerships/map/?kind=twin-or-sister-city", 4),
    # the files: province and area choices, the partnerships
    ("/partnerships.csv", 3),
    ("/partnerships.json?kind=sister-city", 3),
    ("/zh-hans/partnerships.json", 3),
    ("/zh-hans/partnerships.csv?kind=twin-or-sister-city", 3),
    # the organisation record
    ("/data/", 1),
]


@pytest.mark.parametrize("size", [3, 40])
@pytest.mark.parametrize(("url", "queries"), BUDGETS)
def test_page_cost_does_not_grow_with_data(client, django_assert_num_queries, size, url, queries):
    partnerships = build_public_site(size)
    url = url(partnerships) if callable(url) else url
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200, url
