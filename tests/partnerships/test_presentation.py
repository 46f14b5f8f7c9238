"""How dates, distances and editable text read on the pages."""

import datetime
import json

import pytest
from django.template import Context, Template
from django.utils import translation

from partnerships.models import ChinesePlace, Council, Partnership, Quote, Statistic, TimelineEvent
from partnerships.presentation import distance_display, event_date_display, event_date_iso, event_label, place_label
from partnerships.templatetags.partnership_tags import chinese_name, chinese_name_text, statistic_year, uk_name
from tep_portal.templatetags.tep import body_html, json_ld
from tep_portal.text import body_blocks, bracketed, join_list, truncate_description, year_display


def event(date, precision):
    return TimelineEvent(date=date, precision=precision, title="x", category="civic")


@pytest.mark.parametrize(
    ("precision", "english", "chinese", "iso"),
    [
        ("year", "2004", "2004年", "2004"),
        ("month", "September 2004", "2004年9月", "2004-09"),
        ("day", "5 September 2004", "2004年9月5日", "2004-09-05"),
    ],
)
def test_event_dates_at_their_precision(precision, english, chinese, iso):
    item = event(datetime.date(2004, 9, 5), precision)
    with translation.override("en"):
        assert event_date_display(item) == english
    with translation.override("zh-hans"):
        assert event_date_display(item) == chinese
    assert event_date_iso(item) == iso


def test_distance_nottingham_ningbo():
    partnership = Partnership(
        council=Council(name="Nottingham", latitude=52.95, longitude=-1.15),
        chinese_place=ChinesePlace(name="Ningbo", latitude=29.87, longitude=121.54),
    )
    with translation.override("en"):
        assert distance_display(partnership) == "about 5,760 miles (9,270 km)"


def test_no_distance_without_coordinates():
    partnership = Partnership(council=Council(name="A"), chinese_place=ChinesePlace(name="B"))
    assert distance_display(partnership) is None


def test_body_blocks_split_paragraphs_and_subheadings():
    text = "First line\nsecond line\n\n## A heading\n\nAnother\r\n\r\n\n\n## \n\nLast\n## Inline heading\nAfter"
    assert [(b.kind, b.lines) for b in body_blocks(text)] == [
        ("p", ("First line", "second line")),
        ("heading", ("A heading",)),
        ("p", ("Another",)),
        ("p", ("Last",)),
        ("heading", ("Inline heading",)),
        ("p", ("After",)),
    ]
    assert body_blocks("") == [] and body_blocks(None) == []


def test_body_html_escapes_and_sets_the_heading_level():
    html = body_html("<b>bold</b> & co\nnext\n\n## Sub <i>", 3)
    assert html == "<p>&lt;b&gt;bold&lt;/b&gt; &amp; co<br>\nnext</p>\n<h3>Sub &lt;i&gt;</h3>"


def test_description_is_cut_at_a_word():
    assert truncate_description("short") == "short"
    long = "word " * 60
    cut = truncate_description(long)
    assert len(cut) <= 160 and cut.endswith("word…")


def test_json_ld_escapes_script_endings():
    html = json_ld({"name": "</script><!-- & 宁波"})
    assert html.startswith('<script type="application/ld+json">') and html.endswith("</script>")
    inner = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and "&" not in inner
    assert json.loads(inner) == {"name": "</script><!-- & 宁波"}


def test_chinese_name_marks_the_language():
    place = ChinesePlace(name_en="Ningbo", name_zh_hans="宁波")
    with translation.override("en"):
        assert chinese_name(place) == 'Ningbo <span class="name" lang="zh-Hans">宁波</span>'
    with translation.override("zh-hans"):
        # A Chinese page names a Chinese place in Chinese alone (docs/zh-glossary.md) ...
        assert chinese_name(place) == '<span class="name" lang="zh-Hans">宁波</span>'
        # ... and in English, marked as English, only where no Chinese name is known.
        unknown = ChinesePlace(name_en="Ningbo", name_zh_hans="")
        assert chinese_name(unknown) == '<span class="name" lang="en">Ningbo</span>'
    assert chinese_name(ChinesePlace(name_en="Ningbo", name_zh_hans="")) == "Ningbo"


def test_uk_names_on_chinese_pages_lead_with_chinese_and_keep_the_english_in_brackets():
    quote = Quote(speaker_en="Gary Miller", speaker_zh_hans="加里·米勒")
    with translation.override("zh-hans"):
        assert uk_name(quote, "speaker") == '加里·米勒（<span lang="en">Gary Miller</span>）'
        assert uk_name(Quote(speaker_en="Gary Miller"), "speaker") == '<span lang="en">Gary Miller</span>'
    with translation.override("en"):
        assert uk_name(quote, "speaker") == "Gary Miller"


def test_statistic_year():
    with translation.override("en"):
        assert statistic_year(Statistic(as_of_year=2014, is_approximate_date=True)) == "c. 2014"
        assert statistic_year(Statistic(as_of_year=2018)) == "2018"
        assert statistic_year(Statistic(as_of_year=None)) == ""
    with translation.override("zh-hans"):
        assert statistic_year(Statistic(as_of_year=2018)) == "2018年"
        assert statistic_year(Statistic(as_of_year=2014, is_approximate_date=True)) == "约2014年"


def test_a_year_on_its_own_reads_2019_in_english_and_2019_nian_in_chinese():
    with translation.override("en"):
        assert year_display(2019) == "2019"
        assert Template("{% load tep %}{{ year|year_display }}").render(Context({"year": 2019})) == "2019"
    with translation.override("zh-hans"):
        assert year_display(2019) == "2019年"
        assert Template("{% load tep %}{{ year|year_display }}").render(Context({"year": 2019})) == "2019年"
        assert year_display(None) == ""


def test_a_year_only_event_keeps_its_iso_year_for_time_and_schema_org():
    item = event(datetime.date(2019, 1, 1), "year")
    with translation.override("zh-hans"):
        assert event_date_iso(item) == "2019"
        assert event_label(item) == "2019年：x"  # RSS titles and structured data
    with translation.override("en"):
        assert event_label(item) == "2019: x"


def test_asides_take_the_language_s_brackets():
    place = ChinesePlace(name_en="Ningbo", name_zh_hans="宁波")
    with translation.override("en"):
        assert bracketed("Zhejiang") == " (Zhejiang)"
        assert place_label(place) == chinese_name_text(place) == "Ningbo (宁波)"
    with translation.override("zh-hans"):
        assert bracketed("浙江省") == "（浙江省）"
        assert place_label(place) == "宁波"


def test_bracketed_tag_escapes_its_content_once():
    template = Template("{% load tep %}<b>{{ name }}</b>{% bracketed %}{{ aside }}{% endbracketed %}")
    context = {"name": "A & B", "aside": "<i>"}
    with translation.override("en"):
        assert template.render(Context(context)) == "<b>A &amp; B</b> (&lt;i&gt;)"
    with translation.override("zh-hans"):
        assert template.render(Context(context)) == "<b>A &amp; B</b>（&lt;i&gt;）"


def test_short_lists_use_the_chinese_enumeration_comma():
    with translation.override("en"):
        assert join_list(["a", "b", "c"]) == "a, b, c"
    with translation.override("zh-hans"):
        assert join_list(["甲", "乙", "丙"]) == "甲、乙、丙"
