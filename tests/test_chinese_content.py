"""Content in Chinese: what staff entered in Chinese, English where they did not (marked as
English), Chinese typography (years, full-width brackets), and search by either name."""

import datetime
import re

import pytest

from partnerships.models import Quote
from tests.factories import ChinesePlaceFactory, PartnershipFactory, TimelineEventFactory
from tests.fetch import get_response, text_of
from tests.languages import ZH

pytestmark = pytest.mark.django_db


# Content: Chinese where staff entered it, English where they did not -------------------


def test_partnership_page_in_chinese_shows_chinese_content_names_dates_and_distance(client, demo_content):
    body = get_response(client, "/zh-hans/partnerships/nottingham-ningbo/").content.decode()
    assert re.search(r'<h1 id="page-heading">诺丁汉 – <span class="name" lang="zh-Hans">宁波</span></h1>', body)
    assert "Ningbo" not in text_of(body.split("<main", 1)[1])  # Chinese names alone: no 宁波（Ningbo）
    assert "浙江省" in body
    assert "诺丁汉与宁波自2005年结为友好城市" in body  # the summary staff wrote in Chinese
    assert "约 9,270\u00a0公里（5,760\u00a0英里）" in body  # kilometres first; a figure never apart from its unit
    assert "2004年9月" in body and "2015年11月5日" in body
    assert "<dd>友好城市</dd>" in body  # the kind of link, translated (docs/zh-glossary.md)


def test_partnership_page_in_english_keeps_chinese_names_beside_english(client, demo_content):
    body = get_response(client, "/partnerships/nottingham-ningbo/").content.decode()
    assert 'Ningbo <span class="name" lang="zh-Hans">宁波</span>' in body
    assert 'Zhejiang Province <span class="name" lang="zh-Hans">浙江省</span>' in body
    assert "about 5,760 miles (9,270 km)" in body
    assert "September 2004" in body


# Chinese typography: a year standing alone as a date takes 年; asides take full-width brackets --


def test_a_year_only_event_reads_2019_nian_in_chinese_and_2019_in_english(client, db):
    partnership = PartnershipFactory(year_established=2005)
    TimelineEventFactory(date=datetime.date(2019, 1, 1), precision="year", partnerships=[partnership])
    path = f"/partnerships/{partnership.slug}/"
    for prefix, year, established in (("", "2019", "2005"), (ZH, "2019年", "2005年")):
        detail = get_response(client, prefix + path).content.decode()
        assert f'<time datetime="2019">{year}</time>' in detail  # the machine-readable year unchanged
        assert f"<dd>{established}</dd>" in detail  # At a glance: established
        assert '"startDate": "2019"' in detail  # schema.org keeps the ISO year
        timeline = get_response(client, f"{prefix}/timeline/").content.decode()
        assert f'<h3 class="timeline-year__heading" id="year-2019">{year}</h3>' in timeline
        assert f'<option value="2019">{year}</option>' in timeline
        assert f'<time datetime="2019">{year}</time>' in timeline
        feed = get_response(client, f"{prefix}/timeline/feed/").content.decode()
        separator = "：" if prefix else ": "
        assert f"<title>{year}{separator}" in feed


def test_the_facts_box_in_chinese_writes_full_width_brackets_with_no_space_before(client, db):
    province = ChinesePlaceFactory(kind="province", name_en="Zhejiang Province", name_zh_hans="浙江省")
    city = ChinesePlaceFactory(name_en="Ningbo", name_zh_hans="宁波", province=province)
    partnership = PartnershipFactory(chinese_place=city, council__name_en="Nottingham", council__kind="city")
    Quote.objects.create(
        partnership=partnership, text="两市友谊深厚。", speaker="王明", is_paraphrase=True, is_published=True
    )
    body = get_response(client, f"{ZH}/partnerships/{partnership.slug}/").content.decode()
    facts = re.search(r'<aside class="partnership__facts facts".*?</aside>', body, flags=re.S).group(0)
    assert '<dd>Nottingham<span class="muted">（市议会，东米德兰兹）</span></dd>' in facts
    # Chinese places by their Chinese names alone, the province in brackets after the city.
    assert (
        '<dd><span class="name" lang="zh-Hans">宁波</span><span class="muted">'
        '（<span class="name" lang="zh-Hans">浙江省</span>）</span></dd>'
    ) in facts
    assert re.search(r"\s[(（]|[(（]\s", facts) is None  # no half-width brackets, no space before or inside
    assert "(" not in facts and ")" not in facts
    assert '<span class="muted">（转述）</span>' in body  # the reported-speech aside under a quote

    english = get_response(client, f"/partnerships/{partnership.slug}/").content.decode()
    assert '<dd>Nottingham<span class="muted"> (City council, East Midlands)</span></dd>' in english
    assert (
        '<dd>Ningbo <span class="name" lang="zh-Hans">宁波</span><span class="muted"> (Zhejiang Province '
        '<span class="name" lang="zh-Hans">浙江省'
    ) in english
    assert '<span class="muted"> (reported speech)</span>' in english


def test_chinese_pages_fall_back_to_english_where_no_chinese_was_entered(client, demo_content):
    partnership = PartnershipFactory(
        summary_en="A link with no Chinese text yet.", summary_zh_hans="", body_en="English story only."
    )
    body = get_response(client, f"/zh-hans/partnerships/{partnership.slug}/").content.decode()
    # Shown in English and marked as English, so a screen reader does not read it as Chinese.
    assert '<p class="lead" lang="en-GB">A link with no Chinese text yet.</p>' in body
    assert '<div lang="en-GB"><p>English story only.</p></div>' in body
    assert "合作历程" in body  # the interface around it is still Chinese

    partnership.summary_zh_hans = "已有中文摘要。"
    partnership.save()
    body = get_response(client, f"/zh-hans/partnerships/{partnership.slug}/").content.decode()
    assert '<p class="lead">已有中文摘要。</p>' in body and "A link with no Chinese text yet." not in body
    english = get_response(client, f"/partnerships/{partnership.slug}/").content.decode()
    assert '<p class="lead">A link with no Chinese text yet.</p>' in english  # no lang needed on English pages


def test_a_figure_in_words_is_translated(client, demo_content):
    assert "过半" in get_response(client, "/zh-hans/").content.decode()
    assert "Over half" in get_response(client, "/").content.decode()


@pytest.mark.parametrize(
    "url", ["/partnerships/?q=宁波", "/zh-hans/partnerships/?q=宁波", "/zh-hans/partnerships/?q=ningbo"]
)
def test_search_finds_a_partnership_by_either_name_in_either_language(client, demo_content, url):
    body = get_response(client, url).content.decode()
    assert 'href="' + ("/zh-hans" if url.startswith(ZH) else "") + '/partnerships/nottingham-ningbo/"' in body
