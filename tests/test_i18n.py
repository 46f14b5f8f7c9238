"""English and Simplified Chinese: the URL decides the language, every public page
exists in both, the switcher and hreflang link the two. Beside this module: the interface
is fully translated (test_translations.py), content falls back to English where no Chinese
was entered (test_chinese_content.py), and enquiries go both ways (enquiries/test_languages.py)."""

import re
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.utils import translation

from tep_portal.text import is_chinese_page
from tests.factories import TimelineEventFactory
from tests.fetch import get_response
from tests.languages import CJK, ZH
from tests.public_pages import CONTENT_PAGES

pytestmark = pytest.mark.django_db


# Every public page type; each exists at the root (English) and under /zh-hans/.
PUBLIC_PAGES = [
    *CONTENT_PAGES,
    "/partnerships/?q=ningbo",
    "/partnerships/liverpool-shanghai/",
    "/register/",
    "/register/thanks/",
    "/register/uk-partner/",
    "/register/uk-partner/thanks/",
    "/privacy/",
]


class PageParser(HTMLParser):
    """What a test needs from a page's markup: <html lang>, <link>s, the language
    switcher's links, and the text of <main> (scripts and styles left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.links = []
        self.switcher = []
        self.main_text = []
        self.title = ""
        self._in_switcher = self._in_main = self._in_title = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "ul" and "lang-switch" in (attrs.get("class") or "").split():
            self._in_switcher = True
        elif tag == "a" and self._in_switcher:
            self.switcher.append(attrs)
        elif tag == "main":
            self._in_main = True
        elif tag == "title":
            self._in_title = True
        elif tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "ul" and self._in_switcher:
            self._in_switcher = False
        elif tag == "main":
            self._in_main = False
        elif tag == "title":
            self._in_title = False
        elif tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._in_main and not self._skip:
            self.main_text.append(data)

    @property
    def alternates(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }

    @property
    def canonical(self):
        return next((link["href"] for link in self.links if link.get("rel") == "canonical"), None)

    @property
    def text(self):
        return " ".join(" ".join(self.main_text).split())


def parse(response):
    parser = PageParser()
    parser.feed(response.content.decode())
    return parser


# Routing: the URL alone decides the language ------------------------------------


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_answers_in_english_at_the_root(client, demo_content, path):
    page = parse(get_response(client, path))
    assert page.html_lang == "en-GB"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_answers_in_chinese_under_zh_hans(client, demo_content, path):
    response = get_response(client, ZH + path)
    page = parse(response)
    assert page.html_lang == "zh-Hans"
    assert response["Content-Language"] == "zh-hans"
    assert CJK.search(page.title), f"English <title> on {ZH + path}"
    assert CJK.search(page.text), f"no Chinese in <main> of {ZH + path}"
    body = response.content.decode()
    for label in ("合作关系", "学校", "大事记", "结好流程", "关于我们"):  # the main navigation
        assert f">{label}</a>" in body
    assert "Skip to main content" not in body and "跳到主要内容" in body


def test_the_root_serves_english_whatever_the_browser_prefers(client, demo_content):
    """No redirect by Accept-Language or cookie: a shared link shows the same page to everyone,
    and the page cache (keyed by path and language) can never serve one language for the other."""
    client.cookies["django_language"] = "zh-hans"
    response = client.get("/", headers={"accept-language": "zh-CN,zh-Hans;q=0.9,zh;q=0.8"})
    assert response.status_code == HTTPStatus.OK
    assert parse(response).html_lang == "en-GB"
    response = client.get("/zh-hans/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response.status_code == HTTPStatus.OK
    assert parse(response).html_lang == "zh-Hans"


def test_the_page_cache_keeps_the_languages_apart(client, demo_content, page_cache):
    chinese_browser = {"accept-language": "zh-CN,zh;q=0.9"}
    assert parse(get_response(client, "/", **chinese_browser)).html_lang == "en-GB"
    assert parse(get_response(client, "/zh-hans/")).html_lang == "zh-Hans"
    # Both now come from the cache, each still in its own language.
    english, chinese = get_response(client, "/", **chinese_browser), get_response(client, "/zh-hans/")
    assert english["X-Page-Cache"] == chinese["X-Page-Cache"] == "hit"
    assert parse(english).html_lang == "en-GB"
    assert parse(chinese).html_lang == "zh-Hans"


def test_code_asks_one_helper_whether_the_page_is_chinese():
    """tep_portal.text.is_chinese_page() is the one test in Python code (the Chinese pages'
    navigation, place names, the map's labels)."""
    with translation.override("zh-hans"):
        assert is_chinese_page()
    for language in ("en", None):  # None: no language active (a management command)
        with translation.override(language):
            assert not is_chinese_page()


def test_an_unknown_language_prefix_is_not_found(client, demo_content):
    assert client.get("/zh-hant/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/en/").status_code == HTTPStatus.NOT_FOUND  # English lives at the root only


# The language switcher -----------------------------------------------------------


def switcher(client, url):
    return {link["lang"]: link for link in parse(get_response(client, url)).switcher}


def test_the_switcher_links_to_the_same_page_in_the_other_language(client, demo_content):
    links = switcher(client, "/partnerships/nottingham-ningbo/")
    assert links["zh-Hans"]["href"] == "/zh-hans/partnerships/nottingham-ningbo/"
    assert links["zh-Hans"]["hreflang"] == "zh-Hans"
    assert links["en-GB"]["href"] == "/partnerships/nottingham-ningbo/"
    assert links["en-GB"]["aria-current"] == "true"
    assert "aria-current" not in links["zh-Hans"]

    links = switcher(client, "/zh-hans/partnerships/nottingham-ningbo/")
    assert links["en-GB"]["href"] == "/partnerships/nottingham-ningbo/"
    assert links["zh-Hans"]["aria-current"] == "true"
    assert "aria-current" not in links["en-GB"]


def test_the_switcher_keeps_the_query_string(client, demo_content):
    links = switcher(client, "/zh-hans/partnerships/?q=%E5%AE%81%E6%B3%A2&kind=sister_city&page=1")
    assert links["en-GB"]["href"] == "/partnerships/?q=%E5%AE%81%E6%B3%A2&kind=sister_city&page=1"
    links = switcher(client, "/timeline/?category=education")
    assert links["zh-Hans"]["href"] == "/zh-hans/timeline/?category=education"


def test_the_switcher_names_each_language_in_itself(client, demo_content):
    body = get_response(client, "/zh-hans/").content.decode()
    assert '<ul class="lang-switch"' in body
    assert re.search(r'lang="en-GB"[^>]*>English</a>', body)
    assert re.search(r'lang="zh-Hans"[^>]*>简体中文</a>', body)


def test_the_switcher_is_plain_links_without_a_csrf_token(client, demo_content):
    """Public pages are cached whole: nothing per visitor may be in them."""
    body = get_response(client, "/partnerships/nottingham-ningbo/").content.decode()
    assert "csrfmiddlewaretoken" not in body
    assert "/i18n/setlang/" not in body


def test_the_switcher_works_on_the_not_found_page(client, demo_content):
    response = client.get("/zh-hans/no-such-page/?from=mail")
    assert response.status_code == HTTPStatus.NOT_FOUND
    page = parse(response)
    assert page.html_lang == "zh-Hans"
    assert {link["lang"]: link["href"] for link in page.switcher}["en-GB"] == "/no-such-page/?from=mail"
    response = client.get("/no-such-page/")
    assert {link["lang"]: link["href"] for link in parse(response).switcher}["zh-Hans"] == "/zh-hans/no-such-page/"


# hreflang alternates and canonical links ---------------------------------------------


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_page_names_both_language_versions(client, demo_content, path):
    plain_path = path.split("?")[0]
    english, chinese = f"http://testserver{plain_path}", f"http://testserver{ZH}{plain_path}"
    for url, own in ((path, english), (ZH + path, chinese)):
        page = parse(get_response(client, url))
        assert page.alternates == {"en-GB": english, "zh-Hans": chinese, "x-default": english}, url
        assert page.canonical == own, url


def test_later_pages_of_a_list_keep_their_page_number_in_both_languages(client, demo_content):
    TimelineEventFactory.create_batch(20)
    page = parse(get_response(client, "/zh-hans/timeline/?page=2"))
    assert page.canonical == "http://testserver/zh-hans/timeline/?page=2"
    assert page.alternates["en-GB"] == "http://testserver/timeline/?page=2"
    assert page.alternates["x-default"] == "http://testserver/timeline/?page=2"


# Sitemap -------------------------------------------------------------------------------


def test_the_sitemap_lists_every_page_in_both_languages(client, demo_content):
    body = client.get("/sitemap.xml").content.decode()
    english = set(re.findall(r"<loc>http://testserver(/(?!zh-hans/)[^<]*)</loc>", body))
    chinese = set(re.findall(r"<loc>http://testserver/zh-hans(/[^<]*)</loc>", body))
    assert "/partnerships/nottingham-ningbo/" in english
    assert english == chinese
    assert 'hreflang="zh-hans" href="http://testserver/zh-hans/partnerships/nottingham-ningbo/"' in body
    assert 'hreflang="x-default" href="http://testserver/partnerships/nottingham-ningbo/"' in body
