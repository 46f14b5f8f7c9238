"""English and Simplified Chinese: the URL decides the language, every public page
exists in both, the switcher and hreflang link the two, the interface is fully
translated and content falls back to English where no Chinese was entered."""

import ast
import datetime
import gettext
import re
from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from enquiries.models import PartnershipEnquiry
from partnerships.models import Quote
from tests.enquiries.support import answers
from tests.factories import ChinesePlaceFactory, PartnershipFactory, TimelineEventFactory
from tests.fetch import get_response

pytestmark = pytest.mark.django_db

ZH = "/zh-hans"
CJK = re.compile(r"[\u4e00-\u9fff]")

# Every public page type; each exists at the root (English) and under /zh-hans/.
PUBLIC_PAGES = [
    "/",
    "/partnerships/",
    "/partnerships/?q=ningbo",
    "/partnerships/nottingham-ningbo/",
    "/partnerships/liverpool-shanghai/",
    "/schools/",
    "/schools/the-fernwood-school/",
    "/timeline/",
    "/about/",
    "/process/",
    "/benefits/",
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
    for label in ("合作关系", "学校", "大事记", "合作流程", "关于我们"):  # the main navigation
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


# The interface translation --------------------------------------------------------------

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"


def read_po(path):
    """The entries of a .po file: (msgctxt, msgid, msgid_plural, [msgstr...], flags).

    Enough of the format for files that makemessages writes: comments, flags,
    msgctxt, msgid, msgid_plural, msgstr[n] and continued "..." lines."""
    entries = []
    for block in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8").strip()):
        entry = {"msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": [], "flags": set()}
        field = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#~"):
                raise AssertionError(f"obsolete entry left in {path.name}: {block}")
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                value = ast.literal_eval(line)
                if field == "msgstr":
                    entry["msgstr"][-1] += value
                else:
                    entry[field] += value
            else:
                keyword, _, literal = line.partition(" ")
                field = "msgstr" if keyword.startswith("msgstr") else keyword
                if field == "msgstr":
                    entry["msgstr"].append(ast.literal_eval(literal))
                else:
                    entry[field] = ast.literal_eval(literal)
        entries.append(entry)
    return entries


@pytest.fixture(scope="module")
def po_entries():
    entries = read_po(LOCALE_DIR / "django.po")
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == ""
    assert "Language: zh_Hans\n" in header["msgstr"][0]
    return messages


def test_every_interface_string_is_translated_and_none_is_fuzzy(po_entries):
    assert len(po_entries) > 400  # the whole interface, not a stub
    untranslated = [entry["msgid"] for entry in po_entries if not all(entry["msgstr"])]
    fuzzy = [entry["msgid"] for entry in po_entries if "fuzzy" in entry["flags"]]
    assert untranslated == [], "run `make messages` and translate these in locale/zh_Hans/LC_MESSAGES/django.po"
    assert fuzzy == [], "check these translations and remove their fuzzy flag"


def test_translations_keep_their_placeholders(po_entries):
    """A translation that drops or renames %(name)s would raise KeyError on the Chinese page."""
    placeholder = re.compile(r"%\((\w+)\)[sd]|\{\{\s*(\w+)\s*\}\}")
    for entry in po_entries:
        expected = {match.group(0) for match in placeholder.finditer(entry["msgid"])}
        for text in entry["msgstr"]:
            assert {match.group(0) for match in placeholder.finditer(text)} == expected, entry["msgid"]


def test_the_committed_mo_is_compiled_from_the_po(po_entries):
    """`make run` reads the committed .mo: it must say what the .po says. (File times mean
    nothing after a git checkout, so the catalogues are compared entry by entry.)"""
    with (LOCALE_DIR / "django.mo").open("rb") as mo_file:
        catalog = gettext.GNUTranslations(mo_file)._catalog
    expected = {}
    for entry in po_entries:
        msgid = entry["msgid"] if entry["msgctxt"] is None else f"{entry['msgctxt']}\x04{entry['msgid']}"
        if entry["msgid_plural"] is None:
            expected[msgid] = entry["msgstr"][0]
        else:
            expected.update({(msgid, index): text for index, text in enumerate(entry["msgstr"])})
    compiled = {key: value for key, value in catalog.items() if key != ""}
    assert compiled == expected, "run `make messages` and commit locale/zh_Hans/LC_MESSAGES/django.mo"


# Content: Chinese where staff entered it, English where they did not -------------------


def test_partnership_page_in_chinese_shows_chinese_content_names_dates_and_distance(client, demo_content):
    body = get_response(client, "/zh-hans/partnerships/nottingham-ningbo/").content.decode()
    assert re.search(r'<h1 id="page-heading">诺丁汉 – <span lang="zh-Hans">宁波</span>', body)
    assert "浙江省" in body
    assert "诺丁汉与宁波自2005年结为友好城市" in body  # the summary staff wrote in Chinese
    assert "约 9,270 公里（5,760 英里）" in body  # kilometres first for Chinese readers
    assert "2004年9月" in body and "2015年11月5日" in body
    assert "<dd>友好城市</dd>" in body or "<dd>姐妹城市</dd>" in body  # the kind of link, translated


def test_partnership_page_in_english_keeps_chinese_names_beside_english(client, demo_content):
    body = get_response(client, "/partnerships/nottingham-ningbo/").content.decode()
    assert 'Ningbo <span lang="zh-Hans">宁波</span>' in body
    assert 'Zhejiang Province <span lang="zh-Hans">浙江省</span>' in body
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
    # The province in its aside by its Chinese name alone: no brackets inside brackets.
    assert (
        '<dd><span lang="zh-Hans">宁波</span>（<span lang="en">Ningbo</span>）<span class="muted">'
        '（<span lang="zh-Hans">浙江省</span>）</span></dd>'
    ) in facts
    assert re.search(r"\s[(（]|[(（]\s", facts) is None  # no half-width brackets, no space before or inside
    assert "(" not in facts and ")" not in facts
    assert '<span class="muted">（转述）</span>' in body  # the reported-speech aside under a quote

    english = get_response(client, f"/partnerships/{partnership.slug}/").content.decode()
    assert '<dd>Nottingham<span class="muted"> (City council, East Midlands)</span></dd>' in english
    assert (
        '<dd>Ningbo <span lang="zh-Hans">宁波</span><span class="muted"> (Zhejiang Province <span lang="zh-Hans">浙江省'
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


# The enquiry form, its errors, the thanks page and the email, in the visitor's language ---


def test_the_form_and_its_errors_in_chinese(client, db):
    page = get_response(client, "/zh-hans/register/").content.decode()
    assert "申请建立中英合作关系" in page and "单位名称" in page and "提交咨询" in page
    response = client.post("/zh-hans/register/", answers(organisation_name="", email="not-an-email", interests=None))
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert "<title>错误： 申请建立中英合作关系 | True Education Partnership</title>" in body
    assert "请更正以下问题" in body
    for message in ("请输入单位名称", "请按正确格式输入电子邮箱，例如 name@example.com", "请选择您感兴趣的方面"):
        assert body.count(message) == 2, message  # in the summary and beside the field
    summary = re.search(r'<ul class="error-summary__list[^"]*">(.*?)</ul>', body, flags=re.S).group(1)
    messages = re.findall(r"<li>(?:<a [^>]*>)?([^<]+)<", summary)
    assert len(messages) == 3 and all(CJK.search(message) for message in messages), messages


def test_django_s_own_messages_come_in_chinese_too():
    from django import forms

    with translation.override("zh-hans"):
        with pytest.raises(forms.ValidationError) as error:
            forms.IntegerField().clean("abc")
        assert error.value.messages == ["输入整数。"]


def test_a_chinese_enquiry_gets_its_thanks_page_and_email_in_chinese(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the emails go once the enquiry is committed
        response = client.post(
            "/zh-hans/register/",
            answers(contact_name="王小明", organisation_name="宁波市第一中学", region="outside-uk"),
        )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/zh-hans/register/thanks/"
    thanks = client.get(response["Location"]).content.decode()
    assert "咨询已提交" in thanks and "我们已向您提供的邮箱发送了一封附有咨询编号的确认邮件" in thanks
    assert '<html lang="zh-Hans">' in thanks

    enquiry = PartnershipEnquiry.objects.get()
    assert enquiry.language == "zh-hans"
    acknowledgement = next(message for message in mailoutbox if message.to == [enquiry.email])
    assert acknowledgement.subject == f"我们已收到您的咨询（编号 {enquiry.reference}）"
    assert acknowledgement.body.startswith("您好！")  # no name: nothing the visitor typed (issue 12)
    assert "王小明" not in acknowledgement.body and "宁波市第一中学" not in acknowledgement.body
    assert f"您的咨询编号是 {enquiry.reference}" in acknowledgement.body
    assert "/zh-hans/privacy/" in acknowledgement.body
    staff = next(message for message in mailoutbox if message is not acknowledgement)
    assert staff.subject.startswith("New partnership enquiry")  # staff read English


def test_an_english_enquiry_gets_its_email_in_english(client, db, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/register/", answers(), headers={"accept-language": "zh-CN"})
    enquiry = PartnershipEnquiry.objects.get()
    assert enquiry.language == "en"
    acknowledgement = next(message for message in mailoutbox if message.to == [enquiry.email])
    assert acknowledgement.subject == f"We have received your enquiry ({enquiry.reference})"
