"""The public pages as a visitor reads them, from the demo content."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from partnerships.models import Partnership, Statistic, TimelineEvent
from tests.fetch import get_html, text_of

pytestmark = pytest.mark.django_db


def test_healthz_answers(client):
    response = client.get("/healthz/")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["status"] == "ok"


# Home -------------------------------------------------------------------------


def test_home_says_what_tep_does_and_asks_to_register(client, demo_content):
    body = get_html(client, "/")
    assert body.count("<h1") == 1
    assert "UK–China sister-city and sister-school partnerships</h1>" in body
    assert "creates and supports partnerships between UK councils" in body
    assert "government entities in both the UK and China choose to partner with us" in body  # the about page
    assert f'href="{reverse("enquiries:register")}"' in body
    assert "Register for a China Partnership" in body


def test_home_shows_featured_partnerships(client, demo_content):
    body = get_html(client, "/")
    for slug in ("nottingham-ningbo", "nottinghamshire-zhejiang-province", "liverpool-shanghai"):
        assert reverse("partnerships:detail", args=[slug]) in body
    assert 'Ningbo <span class="name" lang="zh-Hans">宁波</span>' in body


def test_home_figures_are_counted_from_the_records(client, demo_content):
    text = text_of(get_html(client, "/"))
    figures = Partnership.objects.published().active().headline_figures()
    assert figures["partnerships"] == 33  # 38 published, 5 of them ended
    assert f"{figures['partnerships']} active partnerships" in text
    assert f"{figures['uk_regions']} UK nations and regions" in text
    assert f"{figures['chinese_provinces']} Chinese provinces and municipalities" in text
    assert "3 UK schools with a sister school in China" in text


def test_home_shows_sourced_figures_with_source_and_year(client, demo_content):
    text = text_of(get_html(client, "/"))
    assert "52 formal Sister City Partnerships between Chinese and British cities" in text
    assert "Source: China International Friendship Cities Association, c. 2014" in text
    assert "Source: United Nations, World Urbanization Prospects, 2018" in text


def test_home_lists_latest_published_events_newest_first(client, demo_content):
    text = text_of(get_html(client, "/"))
    assert "6 December 2021 Second five-year plan signed (2021–25)" in text
    assert "Sister City of the Year" not in text  # a draft
    latest = list(TimelineEvent.objects.published().newest_first()[:5])
    positions = [text.index(event.title) for event in latest]
    assert positions == sorted(positions)


# Partnership page ------------------------------------------------------------------


def test_nottingham_ningbo_page_tells_the_story(client, demo_content):
    body = get_html(client, "/partnerships/nottingham-ningbo/")
    text = text_of(body)
    assert body.count("<h1") == 1
    assert 'Nottingham – Ningbo <span class="name" lang="zh-Hans">宁波</span></h1>' in body
    assert "the first UK–China pair to agree a five-year plan" in text  # summary
    assert "<p>Over the last 15 years Nottingham City Council" in body  # body, as paragraphs
    assert "Five Year Plan" in text
    assert 'Zhejiang Province <span class="name" lang="zh-Hans">浙江省</span>' in body
    assert "Kind of link Twin city" in text
    assert "Established 2005" in text
    assert "Status Active" in text


def test_partnership_page_reads_story_then_facts_then_the_rest_then_side_boxes(client, demo_content):
    """The markup's order is the reading order on a phone (no CSS `order` moves the boxes)."""
    body = get_html(client, "/partnerships/nottingham-ningbo/")
    headings = ["story", "facts", "timeline", "schools", "area", "tep", "sources"]
    positions = [body.index(f'id="{name}-heading"') for name in headings]
    assert positions == sorted(positions)


def test_partnership_page_without_a_story_is_laid_out_without_the_story_column(client, demo_content):
    body = get_html(client, "/partnerships/bath-jinan/")
    assert "partnership__layout--no-story" in body
    assert "partnership__story" not in body.replace("partnership__layout--no-story", "")
    assert "partnership__layout--no-story" not in get_html(client, "/partnerships/nottingham-ningbo/")


def test_partnership_page_gives_the_distance_from_the_coordinates(client, demo_content):
    text = text_of(get_html(client, "/partnerships/nottingham-ningbo/"))
    assert "about 5,760 miles (9,270 km)" in text


def test_partnership_timeline_shows_each_date_at_its_precision(client, demo_content):
    body = get_html(client, "/partnerships/nottingham-ningbo/")
    text = text_of(body)
    assert '<time datetime="2004-09">September 2004</time>' in body
    assert '<time datetime="2014">2014</time>' in body
    assert '<time datetime="2015-11-05">5 November 2015</time>' in body
    assert "Robin Hood statue replica unveiled in Ningbo" in text
    assert "Sister City of the Year" not in text  # unpublished
    assert "Creative Quarter" not in text  # unpublished
    assert text.index("September 2004") < text.index("5 November 2015") < text.index("6 December 2021")


def test_partnership_page_lists_sister_schools_and_the_other_partnership_of_the_area(client, demo_content):
    body = get_html(client, "/partnerships/nottingham-ningbo/")
    text = text_of(body)
    assert reverse("schools:detail", args=["the-fernwood-school"]) in body
    assert "The Joseph Whitaker School" in text
    assert "宁波友好学校（校名待确认）" in body
    assert "Nottingham &amp; Nottinghamshire" in body
    assert "Nottinghamshire is linked with the Zhejiang Province" in text  # the area's introduction
    assert reverse("partnerships:detail", args=["nottinghamshire-zhejiang-province"]) in body


def test_partnership_page_register_link_preselects_the_partnership(client, demo_content):
    body = get_html(client, "/partnerships/nottingham-ningbo/")
    assert 'href="/register/?partnership=nottingham-ningbo"' in body


def test_partnership_page_shows_sources_and_doubt(client, demo_content):
    body = get_html(client, "/partnerships/nottinghamshire-zhejiang-province/")
    text = text_of(body)
    assert "The county council gives April 2016; other sources give April 2017." in text  # year note
    assert "Confidence: Medium" in text
    assert 'href="https://nottinghamshire.gov.uk/newsroom/blog/posts/trade-and-investment' in body
    assert "Confidence:" not in text_of(get_html(client, "/partnerships/nottingham-ningbo/"))  # high: not flagged


def test_reported_speech_is_not_in_quotation_marks(client, demo_content):
    body = get_html(client, "/partnerships/liverpool-shanghai/")
    text = text_of(body)
    assert "The partnership has had fantastic results in the city" in text
    assert "“The partnership has had" not in text
    assert "Gary Miller, Councillor and Deputy Mayor of Liverpool (reported speech)" in text


def test_ended_partnership_says_when_it_ended(client, demo_content):
    text = text_of(get_html(client, "/partnerships/bath-and-north-east-somerset-jiangxi-province/"))
    assert "Status Ended in 2022" in text


def test_draft_and_unknown_partnerships_are_404(client, demo_content):
    assert client.get("/partnerships/guildford-dongying/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/partnerships/atlantis-ningbo/").status_code == HTTPStatus.NOT_FOUND


def test_partnership_page_in_chinese(client, demo_content):
    body = get_html(client, "/zh-hans/partnerships/nottingham-ningbo/")
    assert '<html lang="zh-Hans">' in body
    assert "诺丁汉与宁波自2005年结为友好城市" in body
    assert '<time datetime="2004-09">2004年9月</time>' in body
    assert '<time datetime="2015-11-05">2015年11月5日</time>' in body
    assert 'href="/zh-hans/register/?partnership=nottingham-ningbo"' in body


# Standing pages --------------------------------------------------------------------


def test_about_page_renders_the_editable_copy_with_subheadings(client, demo_content):
    body = get_html(client, "/about/")
    assert "Council &amp; Education Partnerships</h1>" in body
    assert "<h2>Creating Global Citizens</h2>" in body
    assert "## " not in body


def test_process_page_lists_the_steps_in_order(client, demo_content):
    text = text_of(get_html(client, "/process/"))
    steps = ["Partnership Initiation", "Economic Impact", "Partnership Support", "Education Opportunity"]
    positions = [text.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "Sister City Partnership Process" in text


def test_benefits_page_lists_benefits_and_sourced_figures(client, demo_content):
    text = text_of(get_html(client, "/benefits/"))
    assert "Increased city-wide cultural awareness" in text
    assert "More investment in the local economy" in text
    assert "golden era" in text
    assert "Source: China International Friendship Cities Association, c. 2014" in text


def test_unpublished_statistic_is_not_shown(client, demo_content):
    Statistic.objects.filter(value="52").update(is_published=False)
    assert "Source: China International Friendship Cities Association" not in text_of(get_html(client, "/benefits/"))


def test_standing_page_without_its_record_still_renders(client, db):
    body = get_html(client, "/process/")
    assert "Sister City Partnership Process</h1>" in body


# Layout ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/", "/partnerships/", "/partnerships/nottingham-ningbo/", "/schools/", "/schools/nuast/", "/timeline/"]
    + ["/about/", "/process/", "/benefits/"],
)
def test_every_page_has_landmarks_one_h1_and_the_footer_links(client, demo_content, url):
    body = get_html(client, url)
    assert body.count("<h1") == 1
    assert 'class="skip-link" href="#main"' in body
    assert '<main id="main"' in body
    assert "<header" in body and "<footer" in body and "<nav" in body
    for name in ("partnerships:about", "partnerships:process", "partnerships:benefits", "enquiries:privacy"):
        assert f'href="{reverse(name)}"' in body
    assert f'href="{reverse("enquiries:register")}' in body
    assert ' style="' not in body and "onclick" not in body  # the strict CSP allows neither
    # One script, our own file (the language hint), deferred; no inline code besides JSON-LD data.
    scripts = re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>(.*?)</script>", body, re.S)
    assert scripts == [""]
    assert re.search(r'<script src="/static/js/language-hint(\.[0-9a-f]+)?\.js" defer></script>', body)


def test_navigation_marks_the_current_page(client, demo_content):
    body = get_html(client, "/timeline/")
    assert f'href="{reverse("partnerships:timeline")}" aria-current="page"' in body


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, demo_content):
    body = get_html(client, "/partnerships/?q=ningbo")
    assert 'href="/zh-hans/partnerships/?q=ningbo" hreflang="zh-Hans" lang="zh-Hans"' in body
    body = get_html(client, "/zh-hans/partnerships/nottingham-ningbo/")
    assert 'href="/partnerships/nottingham-ningbo/" hreflang="en-GB" lang="en-GB"' in body
