"""Chinese that reads as written by a Chinese professional (docs/zh-glossary.md): the glossary's
terms in the translations, the demo content and the templates; Chinese pages with no Latin-script
words beyond an allow-list and no half-width punctuation beside Chinese characters; Chinese
places by their Chinese names alone; one name for the process page."""

import ast
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings

from partnerships.models import ChinesePlace
from tests.browser.pages import PAGE_TYPES
from tests.enquiries.support import answers
from tests.factories import TimelineEventFactory
from tests.fetch import get_html
from tests.zh_text import CJK_CHAR, forbidden_terms, latin_words, punctuation_faults, read_po, visible_lines

BASE_DIR = Path(settings.BASE_DIR)
CHINESE_PAGE_TYPES = [page for page in PAGE_TYPES if page.path.startswith("/zh-hans/")]


# The glossary: terms ruled out wherever Chinese text is written ------------------------------


def test_the_translations_use_the_glossary_s_terms():
    found = {entry["msgid"]: terms for entry in read_po()[1:] if (terms := forbidden_terms(" ".join(entry["msgstr"])))}
    assert found == {}, "locale/zh_Hans/LC_MESSAGES/django.po: see docs/zh-glossary.md"


def chinese_strings(path):
    """The string literals of a Python file that hold Chinese, or the lines of a data file that do."""
    if path.suffix == ".py":
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)]
        strings = [text for text in strings if isinstance(text, str)]
    else:
        strings = path.read_text(encoding="utf-8").splitlines()
    return [text for text in strings if CJK_CHAR.search(text)]


# The research notes (uk_china_partnerships_notes.csv) are left out: staff-only, and they quote
# their sources word for word, wrong terms included.
DEMO_CONTENT = [
    *sorted((BASE_DIR / "demo").glob("*.py")),
    *sorted(path for path in (BASE_DIR / "demo" / "data").glob("*.csv") if not path.stem.endswith("_notes")),
    BASE_DIR / "partnerships" / "default_pages.py",  # the privacy notice as first written
    # and as migrations write it into databases
    BASE_DIR / "partnerships" / "migrations" / "0010_partnership_research_note_privacy_page.py",
    BASE_DIR / "partnerships" / "migrations" / "0012_privacy_notice_chinese_organisations.py",
]


@pytest.mark.parametrize("path", DEMO_CONTENT, ids=lambda path: path.name)
def test_the_demo_content_uses_the_glossary_s_terms(path):
    found = [(terms, text[:60]) for text in chinese_strings(path) if (terms := forbidden_terms(text))]
    assert found == [], f"{path.relative_to(BASE_DIR)}: see docs/zh-glossary.md"


def test_the_demo_content_has_chinese_text_to_check():
    """The test above would pass on a file it cannot read: make sure it reads the content."""
    assert len(chinese_strings(BASE_DIR / "demo" / "content.py")) > 50


def test_the_templates_use_the_glossary_s_terms():
    folders = [BASE_DIR / "templates", *BASE_DIR.glob("*/templates")]
    templates = [path for folder in folders for path in folder.rglob("*") if path.is_file()]
    assert len(templates) > 30
    found = {
        str(path.relative_to(BASE_DIR)): terms
        for path in templates
        if (terms := forbidden_terms(path.read_text(encoding="utf-8")))
    }
    assert found == {}


# Chinese pages: what a Chinese reader sees ---------------------------------------------------


# What a Chinese visitor types (their own words are shown back to them, whatever the language).
CHINESE_ANSWERS = {
    "contact_name": "王小明",
    "job_title": "外事办主任",
    "message": "我们希望与诺丁汉的学校结为友好学校。",
}


def chinese_page(client, page):
    """The page's HTML, and the words the visitor typed (a search shows them back)."""
    query = parse_qs(urlsplit(page.path).query)
    typed = [word for values in query.values() for value in values for word in value.split()]
    if page.submit_empty:  # the form sent with its required answers missing: its error state
        path = urlsplit(page.path).path
        data = answers(organisation_name="", email="not-an-email", interests=None, **CHINESE_ANSWERS)
        response = client.post(path, data)
        assert response.status_code == 200, path
        return response.content.decode(), typed
    return get_html(client, page.path, status=page.status), typed


@pytest.mark.parametrize("page", CHINESE_PAGE_TYPES, ids=lambda page: page.name)
def test_a_chinese_page_reads_as_chinese(client, demo_content, page):
    """No Latin-script words beyond the allow-list in tests/zh_text.py (TEP, URLs, email addresses,
    formats, English names in brackets after a Chinese name); no half-width ", . :" beside Chinese
    characters and no space after full-width punctuation; Chinese places by their Chinese names."""
    html, typed = chinese_page(client, page)
    lines = visible_lines(html)
    assert any(CJK_CHAR.search(line) for line in lines)
    latin = {line: words for line in lines if (words := [word for word in latin_words(line) if word not in typed])}
    assert latin == {}, f"English on {page.path}"
    punctuation = {line: faults for line in lines if (faults := punctuation_faults(line))}
    assert punctuation == {}, f"half-width punctuation on {page.path}"
    places = set(ChinesePlace.objects.exclude(name_zh_hans="").values_list("name_en", flat=True))
    english_places = {line: names for line in lines if (names := [name for name in places if name in line])}
    assert english_places == {}, f"English names of Chinese places on {page.path}"


def test_the_checks_find_what_they_look_for():
    """The page test above can fail: each check catches the faults the Chinese review found."""
    html = (
        "<main><h1>宁波（Ningbo）</h1><p>来源： 中国国际友好城市联合会, 约2014年</p>"
        "<p>了解我们如何使用您的信息.</p><p lang='en'>Cllr Gary Miller</p>"
        "<p>加里·米勒（Gary Miller），TEP <code>?region=x</code></p><a translate='no'>English</a></main>"
    )
    lines = visible_lines(html)
    assert lines == [
        "宁波（Ningbo）",
        "来源： 中国国际友好城市联合会, 约2014年",
        "了解我们如何使用您的信息.",
        "Cllr Gary Miller",
        "加里·米勒（Gary Miller），TEP",
    ]
    assert [latin_words(line) for line in lines] == [[], [], [], ["Cllr", "Gary", "Miller"], []]
    assert [punctuation_faults(line) for line in lines] == [[], ["会,", "： 中"], ["息."], [], []]
    assert forbidden_terms("两市的伙伴关系与姐妹学校") == ["伙伴关系", "姐妹学校"]


def test_the_process_page_has_one_name_in_title_nav_and_footer(client, demo_content):
    html = get_html(client, "/zh-hans/process/")
    assert re.search(r'<h1 id="page-heading">结好流程</h1>', html)
    # Every link to the page but the language switcher's (which names the language).
    process_links = re.findall(r'<a (?![^>]*translate="no")[^>]*href="/zh-hans/process/"[^>]*>([^<]+)</a>', html)
    assert len(process_links) >= 2 and set(process_links) == {"结好流程"}, process_links


def test_pagination_links_read_as_one_phrase(client, demo_content):
    """A screen reader hears 下一页, not 下一页 页面 (the word "page" had one translation for every use)."""
    TimelineEventFactory.create_batch(30)
    html = get_html(client, "/zh-hans/timeline/?page=2")
    links = re.findall(r'<a class="pagination__link"[^>]*rel="(?:prev|next)"[^>]*>(.*?)</a>', html)
    assert links == ["上一页", "下一页"]
    assert '<span class="visually-hidden">第</span>3<span class="visually-hidden">页</span>' in html
