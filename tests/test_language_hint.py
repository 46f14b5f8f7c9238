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


@pytest.mark.parametrize(
    ("path", "lang", "language_label", "href", "text", "dismiss"),
    [
        # An English page offers the Chinese page, in Chinese (query string kept).
        (
            "/partnerships/?q=ningbo&status=active",
            "zh-Hans",
            "语言",
            "/zh-hans/partnerships/?q=ningbo&amp;status=active",
            "本网站有中文版",
            "关闭",
        ),
        # A Chinese page offers the English page, in English.
        (
            "/zh-hans/partnerships/nottingham-ningbo/",
            "en-GB",
            "Language",
            "/partnerships/nottingham-ningbo/",
            "This site is also in English",
            "Dismiss",
        ),
    ],
)
def test_a_page_offers_itself_in_the_other_language_in_that_language(
    client, demo_content, path, lang, language_label, href, text, dismiss
):
    hint = the_hint(get_html(client, path))
    opening = f'<aside class="lang-hint" lang="{lang}" aria-label="{language_label}" data-language-hint hidden>'
    assert hint.startswith(opening)
    assert f'<a class="lang-hint__link" href="{href}" hreflang="{lang}">{text}</a>' in hint
    assert f'<button type="button" class="lang-hint__close" aria-label="{dismiss}">' in hint


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
