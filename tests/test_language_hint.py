"""The language hint as the server renders it: on every page, hidden, in the language it
offers, linking to this page in that language; and the same cached page for every browser
(static/js/language-hint.js decides in the browser; tests/browser/test_language_hint.py)."""

import re

import pytest

from tests.fetch import get_html, get_response

pytestmark = pytest.mark.django_db


def the_hint(html):
    hints = re.findall(r"<aside class=\"lang-hint\".*?</aside>", html, re.S)
    assert len(hints) == 1
    return hints[0]


def test_an_english_page_offers_the_same_page_in_chinese_in_chinese(client, demo_content):
    hint = the_hint(get_html(client, "/partnerships/?q=ningbo&status=active"))
    assert hint.startswith('<aside class="lang-hint" lang="zh-Hans" aria-label="语言" data-language-hint hidden>')
    assert (
        '<a class="lang-hint__link" href="/zh-hans/partnerships/?q=ningbo&amp;status=active" hreflang="zh-Hans">'
        "本网站有中文版</a>"
    ) in hint
    assert '<button type="button" class="lang-hint__close" aria-label="关闭">' in hint


def test_a_chinese_page_offers_the_same_page_in_english_in_english(client, demo_content):
    hint = the_hint(get_html(client, "/zh-hans/partnerships/nottingham-ningbo/"))
    assert hint.startswith('<aside class="lang-hint" lang="en-GB" aria-label="Language" data-language-hint hidden>')
    assert (
        '<a class="lang-hint__link" href="/partnerships/nottingham-ningbo/" hreflang="en-GB">'
        "This site is also in English</a>"
    ) in hint
    assert 'aria-label="Dismiss"' in hint


def test_the_hint_is_on_error_pages_too(client, demo_content):
    hint = the_hint(get_html(client, "/zh-hans/no-such-page/", status=404))
    assert 'href="/no-such-page/"' in hint


def test_the_hint_comes_right_after_the_skip_link(client, demo_content):
    html = get_html(client, "/")
    assert html.index('class="skip-link"') < html.index('class="lang-hint"') < html.index('class="site-header"')


def test_every_browser_is_served_the_same_cached_page(client, demo_content, page_cache):
    chinese = get_response(client, "/about/", **{"accept-language": "zh-CN,zh;q=0.9"})
    english = get_response(client, "/about/", **{"accept-language": "en-GB,en;q=0.9"})
    assert (chinese["X-Page-Cache"], english["X-Page-Cache"]) == ("miss", "hit")
    assert chinese.content == english.content
