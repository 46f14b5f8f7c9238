"""Layout in a real browser: the partnership page's reading order at phone and desktop widths."""

PARTNERSHIP = "/partnerships/nottingham-ningbo/"


def box(page, selector):
    return page.locator(selector).bounding_box()


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


def test_desktop_partnership_page_without_a_story_starts_both_columns_at_the_top(site, desktop_page):
    desktop_page.goto(site + "/partnerships/bath-jinan/")
    facts, more = box(desktop_page, ".partnership__facts"), box(desktop_page, ".partnership__more")
    assert facts["x"] > more["x"] + more["width"]
    assert abs(facts["y"] - more["y"]) <= 32
