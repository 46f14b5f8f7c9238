"""The language hint in a real Chromium: a browser that prefers Chinese, on an English page,
is offered the same page in Chinese ("本网站有中文版"), and an English browser on a Chinese page
the English one; the visitor can dismiss it for good; and the page itself, cached and shared,
is the same whatever the browser prefers (the browser decides, from navigator.languages)."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import format_violations

pytestmark = pytest.mark.django_db(transaction=True)

PARTNERSHIP = "/partnerships/nottingham-ningbo/?from=search"


def hint(page):
    return page.locator(".lang-hint")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_chinese_browser_on_an_english_page_is_offered_the_same_page_in_chinese(site, new_page, axe, size):
    page = new_page(size, locale="zh-CN")
    page.goto(site + PARTNERSHIP)

    expect(hint(page)).to_be_visible()
    assert hint(page).get_attribute("lang") == "zh-Hans"
    link = hint(page).get_by_role("link", name="本网站有中文版")
    assert link.get_attribute("href") == "/zh-hans" + PARTNERSHIP  # this page, query string kept
    expect(hint(page).get_by_role("button", name="关闭")).to_be_visible()
    violations = axe(page)
    assert not violations, format_violations(f"{PARTNERSHIP} ({size}) with the hint", violations)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert page.errors == []

    link.click()

    expect(page).to_have_url(site + "/zh-hans" + PARTNERSHIP)
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(hint(page)).to_be_hidden()  # a Chinese page for a Chinese browser: nothing to offer


def test_the_hint_comes_after_the_skip_link_and_dismissing_it_lasts(site, new_page):
    page = new_page("desktop", locale="zh-CN", reduced_motion="reduce")
    page.goto(site + "/about/")
    focus_order = []
    for _ in range(3):
        page.keyboard.press("Tab")
        focus_order.append(page.evaluate("() => document.activeElement.className"))
    assert focus_order == ["skip-link", "lang-hint__link", "lang-hint__close"]

    page.keyboard.press("Enter")

    expect(hint(page)).to_be_hidden()
    # Focus carries on where the hint was: the header's first link, not the top of the document.
    assert page.evaluate("() => document.activeElement.classList.contains('brand')")
    page.goto(site + "/schools/")
    expect(page.locator("h1")).to_be_visible()
    expect(hint(page)).to_be_hidden()
    assert page.errors == []


def test_an_english_browser_sees_no_hint_on_english_pages(site, new_page):
    page = new_page("desktop", locale="en-GB")
    for path in ("/", PARTNERSHIP, "/register/"):
        page.goto(site + path)
        expect(page.locator("h1")).to_be_visible()
        expect(hint(page)).to_be_hidden()
        assert hint(page).count() == 1  # in the page for every visitor, shown to none here


def test_a_browser_preferring_neither_language_sees_no_hint(site, new_page):
    page = new_page("desktop", locale="fr-FR")
    for path in ("/", "/zh-hans/"):
        page.goto(site + path)
        expect(hint(page)).to_be_hidden()


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_an_english_browser_on_a_chinese_page_is_offered_the_english_page(site, new_page, axe, size):
    page = new_page(size, locale="en-GB")
    page.goto(site + "/zh-hans/timeline/?category=culture")

    expect(hint(page)).to_be_visible()
    assert hint(page).get_attribute("lang") == "en-GB"
    link = hint(page).get_by_role("link", name="This site is also in English")
    assert link.get_attribute("href") == "/timeline/?category=culture"
    expect(hint(page).get_by_role("button", name="Dismiss")).to_be_visible()
    violations = axe(page)
    assert not violations, format_violations(f"/zh-hans/timeline/ ({size}) with the hint", violations)
    assert page.errors == []

    hint(page).get_by_role("button", name="Dismiss").click()

    expect(hint(page)).to_be_hidden()
    page.goto(site + "/zh-hans/about/")
    expect(hint(page)).to_be_hidden()


def test_every_browser_gets_the_same_cached_page(site, new_page, settings):
    """The page cache is keyed by URL and language, never by the browser: one stored copy serves
    both browsers, byte for byte, and each decides for itself whether to show the hint."""
    settings.PAGE_CACHE_ENABLED = True
    pages, responses = {}, {}
    for locale in ("zh-CN", "en-GB"):
        pages[locale] = new_page("desktop", locale=locale)
        responses[locale] = pages[locale].goto(site + "/partnerships/")

    chinese, english = responses["zh-CN"], responses["en-GB"]
    assert chinese.request.headers["accept-language"].startswith("zh-CN")
    assert english.request.headers["accept-language"].startswith("en-GB")
    assert chinese.body() == english.body()
    assert chinese.headers.get("etag") == english.headers.get("etag")
    expect(hint(pages["zh-CN"])).to_be_visible()
    expect(hint(pages["en-GB"])).to_be_hidden()
