"""Layout in a real browser: the header's height and the main nav on a phone, and
the partnership and school pages' reading order at phone and desktop widths."""

import pytest

from tests.factories import ChinesePlaceFactory, PartnershipFactory

PARTNERSHIP = "/partnerships/nottingham-ningbo/"
NARROWEST = {"width": 320, "height": 640}
# At 375px wide; the header took about 205px before the nav became one scrolling row.
PHONE_HEADER_MAX_HEIGHT = 110
MIN_TARGET = 24  # WCAG 2.5.8 target size, in CSS pixels


def box(page, selector):
    return page.locator(selector).bounding_box()


def test_a_long_name_without_chinese_still_fits_a_chinese_page_at_320px(site, phone_page):
    """Names in Chinese script never break; a pinyin or English name (no Chinese name yet) wraps."""
    place = ChinesePlaceFactory(name_en="Xishuangbanna Dai Autonomous Prefecture Capital", name_zh_hans="")
    partnership = PartnershipFactory(chinese_place=place, council__name_en="Nottinghamshire")
    phone_page.set_viewport_size(NARROWEST)
    phone_page.goto(f"{site}/zh-hans{partnership.get_absolute_url()}")
    assert phone_page.evaluate("() => document.documentElement.scrollWidth") <= NARROWEST["width"]


@pytest.mark.parametrize("path", ["/", "/zh-hans/", PARTNERSHIP])
def test_phone_header_is_short(site, phone_page, path):
    phone_page.goto(site + path)
    assert box(phone_page, ".site-header")["height"] <= PHONE_HEADER_MAX_HEIGHT


# Chinese pages too: names and figures do not break (docs/zh-glossary.md) and must still fit.
@pytest.mark.parametrize(
    "path", ["/", "/zh-hans/", PARTNERSHIP, "/zh-hans" + PARTNERSHIP, "/zh-hans/schools/the-fernwood-school/"]
)
def test_no_sideways_scrolling_at_320px(site, phone_page, path):
    phone_page.set_viewport_size(NARROWEST)
    phone_page.goto(site + path)
    assert phone_page.evaluate("() => document.documentElement.scrollWidth") <= NARROWEST["width"]
    for selector in (".brand", ".lang-switch", ".site-header__cta"):
        header_item = box(phone_page, selector)
        assert header_item["x"] >= 0 and header_item["x"] + header_item["width"] <= NARROWEST["width"], selector


# partnerships, schools, timeline, how it works, benefits, about, contact; on Chinese pages, first,
# the way in for Chinese organisations seeking a UK partner.
NAV_LINKS = {"/about/": (7, "Main"), "/zh-hans/about/": (8, "主导航")}


@pytest.mark.parametrize("path", NAV_LINKS)
@pytest.mark.parametrize("width", [320, 375])
def test_phone_nav_links_are_each_reached_by_tab_in_view_and_big_enough(site, new_page, width, path):
    """The nav scrolls sideways on a phone: a link that gets focus out of view is scrolled into
    view. Chromium leaves a link that is already partly in view where it is (as it does in any
    scrolling box); enough of it must show for its focus style to be seen (WCAG 2.4.11)."""
    page = new_page("phone", reduced_motion="reduce")  # the focused link is in view once Tab returns
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(site + path)
    count, name = NAV_LINKS[path]
    nav = page.get_by_role("navigation", name=name)
    expected = [link.get_attribute("href") for link in nav.get_by_role("link").all()]
    assert len(expected) == count
    for selector in (".lang-switch a", ".site-header__cta"):
        for target in page.locator(selector).all():
            target_box = target.bounding_box()
            assert target_box["width"] >= MIN_TARGET and target_box["height"] >= MIN_TARGET, selector

    reached = []
    for _ in range(20):
        page.keyboard.press("Tab")
        focused = page.locator("*:focus")
        if not focused.evaluate("el => el.matches('.site-nav a')"):
            if reached:
                break
            continue
        reached.append(focused.get_attribute("href"))
        link, bar = focused.bounding_box(), box(page, ".site-nav")
        assert link["width"] >= MIN_TARGET and link["height"] >= MIN_TARGET, link
        in_view = min(link["x"] + link["width"], bar["x"] + bar["width"]) - max(link["x"], bar["x"])
        assert in_view >= MIN_TARGET, (link, bar)
    assert reached == expected


def test_the_chinese_phone_nav_shows_the_way_in_for_chinese_organisations_without_scrolling(site, phone_page):
    phone_page.goto(site + "/zh-hans/")
    link = phone_page.get_by_role("navigation", name="主导航").get_by_role("link").first
    assert link.inner_text() == "寻找英国合作伙伴"
    link_box, bar = link.bounding_box(), box(phone_page, ".site-nav")
    assert bar["x"] <= link_box["x"] and link_box["x"] + link_box["width"] <= bar["x"] + bar["width"]


@pytest.mark.parametrize("path", ["/", "/zh-hans/"])
def test_desktop_nav_is_one_row(site, desktop_page, path):
    desktop_page.goto(site + path)
    tops = {link.bounding_box()["y"] for link in desktop_page.locator(".site-nav a").all()}
    assert len(tops) == 1


def test_phone_partnership_page_shows_the_story_first_and_the_side_boxes_last(site, phone_page):
    phone_page.goto(site + PARTNERSHIP)
    reading_order = ["story", "facts", "timeline", "schools", "area", "tep", "sources"]
    tops = [box(phone_page, f"#{name}-heading")["y"] for name in reading_order]
    assert tops == sorted(tops), dict(zip(reading_order, tops, strict=True))
    assert tops[0] < phone_page.viewport_size["height"]  # the story starts on the first screen


def test_desktop_partnership_page_has_the_facts_and_side_boxes_beside_the_main_column(site, desktop_page):
    desktop_page.goto(site + PARTNERSHIP)
    story, facts = box(desktop_page, ".partnership__story"), box(desktop_page, ".partnership__facts")
    more, side = box(desktop_page, ".partnership__more"), box(desktop_page, ".partnership__side")
    assert facts["x"] > story["x"] + story["width"] and side["x"] == facts["x"]
    assert abs(facts["y"] - story["y"]) <= 32  # beside the story, at its top
    assert 0 <= side["y"] - (facts["y"] + facts["height"]) <= 24  # straight below the facts
    assert more["x"] == story["x"] and 0 <= more["y"] - (story["y"] + story["height"]) <= 1


def test_desktop_school_page_has_its_facts_beside_the_main_column(site, desktop_page):
    desktop_page.goto(site + "/schools/the-fernwood-school/")
    main, facts = box(desktop_page, ".school__main"), box(desktop_page, ".school__aside")
    assert facts["x"] > main["x"] + main["width"]
    assert abs(facts["y"] - main["y"]) <= 32
