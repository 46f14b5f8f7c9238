"""The sister-schools list and each school's page."""

import re
from http import HTTPStatus

import pytest

from tests.factories import PartnershipFactory, SisterSchoolLinkFactory, TimelineEventFactory, UKSchoolFactory
from tests.fetch import get_html, text_of

pytestmark = pytest.mark.django_db


def test_school_list_shows_source_page_schools_with_their_partners(client, demo_content):
    body = get_html(client, "/schools/")
    text = text_of(body)
    for name in ("The Fernwood School", "The Joseph Whitaker School", "NUAST"):
        assert name in text
    assert 'href="/schools/the-fernwood-school/"' in body
    chinese = '<span class="name" lang="zh-Hans">宁波友好学校（校名待确认）</span>'
    assert f"Ningbo sister school (name to be confirmed) {chinese}" in body
    assert "Rainworth, Nottinghamshire" in text
    assert "3 schools" in text


def test_school_page_shows_partner_activities_events_and_city_partnership(client, demo_content):
    body = get_html(client, "/schools/the-fernwood-school/")
    text = text_of(body)
    assert body.count("<h1") == 1
    assert "The Fernwood School</h1>" in body
    assert "Mandarin" in text
    assert "Ningbo sister school" in text
    assert '<span class="name" lang="zh-Hans">宁波友好学校（校名待确认）</span>' in body
    assert 'Ningbo <span class="name" lang="zh-Hans">宁波</span>' in body  # the partner school's city
    assert "What the schools have done together" in text
    assert "Hosted its Ningbo sister school in July 2019" in text
    assert 'href="/partnerships/nottingham-ningbo/"' in body
    assert '<time datetime="2018-10">October 2018</time>' in body  # head teachers' visit
    assert "Nine Nottingham head teachers visit China" in text


def test_school_page_in_chinese(client, demo_content):
    body = get_html(client, "/zh-hans/schools/the-fernwood-school/")
    assert '<html lang="zh-Hans">' in body
    assert "诺丁汉孔子学院" in body
    assert '<time datetime="2019-07">2019年7月</time>' in body
    # The school's Chinese name with the English in brackets; town and council in Chinese.
    assert '<h1 id="page-heading">芬伍德学校（<span lang="en">The Fernwood School</span>）</h1>' in body
    assert '<p class="page-header__kicker">中学 · 诺丁汉</p>' in body
    assert "Nottingham" not in text_of(body.split("<main", 1)[1])
    assert "雷恩沃思，诺丁汉郡" in get_html(client, "/zh-hans/schools/")


def test_unknown_and_unpublished_schools_are_404(client, db):
    hidden = UKSchoolFactory(is_published=False)
    get_html(client, "/schools/no-such-school/", HTTPStatus.NOT_FOUND)
    get_html(client, hidden.get_absolute_url(), HTTPStatus.NOT_FOUND)
    assert hidden.name not in get_html(client, "/schools/")


def test_unpublished_link_and_events_are_not_shown(client, db):
    school = UKSchoolFactory()
    SisterSchoolLinkFactory(uk_school=school, chinese_school__name_en="Shown partner")
    SisterSchoolLinkFactory(uk_school=school, is_published=False, chinese_school__name_en="Hidden partner")
    event = TimelineEventFactory(is_published=False, title_en="Hidden event")
    event.schools.add(school)
    body = get_html(client, school.get_absolute_url())
    assert "Shown partner" in body
    assert "Hidden partner" not in body
    assert "Hidden event" not in body


def test_a_school_without_a_published_link_is_not_public(client, db):
    """Its only link is a draft: the school is neither listed, counted nor shown."""
    school = UKSchoolFactory(name="Draft-linked Academy")
    SisterSchoolLinkFactory(uk_school=school, is_published=False)
    get_html(client, school.get_absolute_url(), HTTPStatus.NOT_FOUND)
    assert "Draft-linked Academy" not in get_html(client, "/schools/")
    assert f"/schools/{school.slug}/" not in get_html(client, "/sitemap.xml")


def test_link_to_an_unpublished_city_partnership_is_not_a_link(client, db):
    draft = PartnershipFactory(is_published=False, slug="draft-city-link")
    link = SisterSchoolLinkFactory(partnership=draft)
    body = get_html(client, link.uk_school.get_absolute_url())
    assert "/partnerships/draft-city-link/" not in body


def test_school_list_pages(client, db):
    for _ in range(30):
        SisterSchoolLinkFactory()
    body = get_html(client, "/schools/")
    assert len(re.findall(r'class="card school-card"', body)) == 24
    assert 'href="?page=2"' in body
    assert len(re.findall(r'class="card school-card"', get_html(client, "/schools/?page=2"))) == 6
    get_html(client, "/schools/?page=3", HTTPStatus.NOT_FOUND)
    get_html(client, "/schools/?page=abc", HTTPStatus.NOT_FOUND)


def test_schools_without_a_chinese_name_keep_the_english_order_on_chinese_pages(client, db):
    """Ordering by the translated name would sort Chinese pages by an empty name_zh_hans (no order
    at all, so pages could repeat or skip schools); both languages list by the English name."""
    for name in ("Zeta Academy", "Alpha School", "Mid College"):
        SisterSchoolLinkFactory(uk_school=UKSchoolFactory(name_en=name, name_zh_hans=None))

    def listed(prefix):
        names = re.findall(r"(Alpha School|Mid College|Zeta Academy)", get_html(client, f"{prefix}/schools/"))
        return list(dict.fromkeys(names))  # each in the order it first appears

    assert listed("") == ["Alpha School", "Mid College", "Zeta Academy"]
    assert listed("/zh-hans") == ["Alpha School", "Mid College", "Zeta Academy"]


def test_an_english_town_on_a_chinese_school_page_is_marked_as_english(client, db):
    """A UK town (or council) with no Chinese name is shown in English on Chinese pages, marked
    lang="en-GB" so screen readers read it as English (WCAG 3.1.2): in the line under the school's
    kind, in the facts box and on the list's card."""
    link = SisterSchoolLinkFactory(
        uk_school__town_en="Southwell",
        uk_school__town_zh_hans="",
        uk_school__council__name_en="Newark and Sherwood",
        uk_school__council__name_zh_hans="",
    )
    named = SisterSchoolLinkFactory(
        uk_school__town_en="Rainworth",
        uk_school__town_zh_hans="雷恩沃思",
        uk_school__council__name_en="Nottinghamshire",
        uk_school__council__name_zh_hans="诺丁汉郡",
    )
    path, named_path = link.uk_school.get_absolute_url(), named.uk_school.get_absolute_url()

    body = get_html(client, "/zh-hans" + path)

    english = '<span lang="en-GB">Southwell</span>，<span lang="en-GB">Newark and Sherwood</span>'
    assert f'<p class="page-header__kicker">中学 · {english}</p>' in body
    assert '<dd lang="en-GB">Southwell</dd>' in body
    assert '<dd lang="en-GB">Newark and Sherwood</dd>' in body
    assert f'<p class="card__meta">{english} · 中学</p>' in get_html(client, "/zh-hans/schools/")
    # Names in Chinese, and English pages, need no mark.
    chinese = get_html(client, "/zh-hans" + named_path)
    assert '<p class="page-header__kicker">中学 · 雷恩沃思，诺丁汉郡</p>' in chinese
    assert "<dd>诺丁汉郡</dd>" in chinese
    assert '<p class="page-header__kicker">Secondary · Southwell, Newark and Sherwood</p>' in get_html(client, path)
