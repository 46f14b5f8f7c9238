"""The Chinese side (issue 14): Chinese cities, education bureaus and schools seeking a UK partner
use /register/uk-partner/, the same form, rules, limits, workflow and GDPR tools as the UK side."""

import csv
import io
import json
import re
from http import HTTPStatus

import openpyxl
import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from enquiries import services
from enquiries.models import PartnershipEnquiry
from partnerships.choices import ChineseProvince
from tep_portal.models import Organisation

from .support import (
    CHINESE_ANSWERS,
    REGISTER_URL,
    UK_PARTNER_THANKS_URL,
    UK_PARTNER_URL,
    PartnershipEnquiryFactory,
    answers,
    post_chinese_enquiry,
    post_enquiry,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:enquiries_partnershipenquiry_changelist")


def chinese(client, path):
    """GET a /zh-hans/ page, leaving the test thread in English afterwards."""
    with translation.override("en"):
        return client.get(f"/zh-hans{path}")


# --- The page ------------------------------------------------------------------------------------


def test_the_page_asks_for_a_chinese_province_and_city_not_a_uk_region(client, django_assert_num_queries):
    with django_assert_num_queries(1):  # the organisation record (footer), as the UK form
        response = client.get(UK_PARTNER_URL)
    html = response.content.decode()
    assert "<title>Chinese cities and schools seeking a UK partner |" in html
    assert 'name="region"' not in html
    province = re.search(r'<select name="china_province".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="([^"]*)"', province) == ["", *ChineseProvince.values]
    assert 'name="city"' in html and "For example, Ningbo" in html
    assert "side only" not in html  # the model's notes for staff stay in the admin
    assert "Include the country code, for example +86 574 8718 0000." in html
    for value in ("government", "education-bureau", "school", "university", "business", "other"):
        assert f'name="organisation_type" value="{value}"' in html
    assert 'value="council"' not in html
    for value in ("sister-city", "sister-school", "visit-uk", "education", "trade", "other"):
        assert f'name="interests" value="{value}"' in html
    assert 'value="delegation"' not in html
    assert "We share your details with a possible UK partner only with your agreement." in html
    assertContains(response, f'href="{REGISTER_URL}"')  # UK organisations: their own form
    assert re.search(r'<input type="hidden" name="form_token" value="[^"]{20,}"', html)
    assert "no-store" in response["Cache-Control"]


def test_the_chinese_page_reads_as_written_for_a_chinese_organisation(client):
    html = chinese(client, UK_PARTNER_URL).content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "<title>中国城市和学校：寻找英国合作伙伴 |" in html
    assert '<h1 id="page-heading">中国城市和学校：寻找英国合作伙伴</h1>' in html
    labels = re.findall(r'<label[^>]*for="id_(?:organisation_type|interests)_\d+"[^>]*>\s*([^<]+?)\s*</label>', html)
    assert labels == [
        *("人民政府/外事办公室", "教育局", "中小学", "高等院校", "企业", "其他"),
        *("寻找英国友好城市", "寻找英国友好学校", "赴英访问/考察", "教育交流", "经贸合作", "其他"),
    ]
    assert '<option value="zhejiang">浙江省</option>' in html
    assert '<option value="chongqing">重庆市</option>' in html
    assert '<option value="guangxi">广西壮族自治区</option>' in html
    assert "所在省（自治区、直辖市）" in html and "例如：宁波市" in html
    assert "请加上国家代码，例如：+86 574 8718 0000。" in html
    assert "只有在征得您同意后，我们才会将您的信息提供给英国合作方。" in html


def test_the_uk_form_points_chinese_organisations_to_their_own(client):
    assertContains(client.get(REGISTER_URL), f'<a href="{UK_PARTNER_URL}">Use the form for Chinese organisations</a>')
    assertContains(
        chinese(client, REGISTER_URL),
        '中国城市、教育局或学校希望寻找英国合作伙伴？请<a href="/zh-hans/register/uk-partner/">填写中方登记表</a>。',
    )
    assertContains(
        chinese(client, UK_PARTNER_URL),
        '英国地方政府、学校或单位希望寻找中国合作伙伴？请<a href="/zh-hans/register/">登记合作意向</a>。',
    )


def test_the_chinese_nav_home_page_and_footer_lead_to_it(client):
    zh_home = chinese(client, "/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', zh_home, re.S).group(0)
    first_link = re.search(r'<a class="site-nav__link[^"]*" href="([^"]+)"[^>]*>([^<]+)</a>', nav)
    assert first_link.groups() == ("/zh-hans/register/uk-partner/", "寻找英国合作伙伴")
    hero = re.search(r'<p class="hero__actions">.*?</p>', zh_home, re.S).group(0)
    assert '<a class="btn btn-accent btn-lg" href="/zh-hans/register/uk-partner/">寻找英国合作伙伴</a>' in hero
    english_home = client.get("/").content.decode()
    assert UK_PARTNER_URL not in re.search(r'<nav class="site-nav".*?</nav>', english_home, re.S).group(0)
    assert f'<a href="{UK_PARTNER_URL}">Chinese cities and schools seeking a UK partner</a>' in english_home
    footer = re.search(r'<footer class="site-footer">.*?</footer>', english_home, re.S).group(0)
    assert f'href="{UK_PARTNER_URL}"' in footer


def test_the_header_button_opens_each_language_s_own_side(client):
    """Chinese pages are read by the Chinese side: their 登记合作意向 button opens the form for Chinese
    organisations, not the UK one (where a Chinese bureau would be stored as a UK enquiry)."""

    def header_button(html):
        return re.search(r'class="btn btn-accent btn-sm site-header__cta" href="([^"]+)"', html).group(1)

    assert header_button(chinese(client, "/partnerships/").content.decode()) == "/zh-hans/register/uk-partner/"
    assert header_button(client.get("/partnerships/").content.decode()) == "/register/"


def test_the_nav_marks_the_page_as_current(client):
    html = chinese(client, UK_PARTNER_URL).content.decode()
    assert re.search(r'href="/zh-hans/register/uk-partner/" aria-current="page">寻找英国合作伙伴</a>', html)


# --- Sending it ----------------------------------------------------------------------------------


def test_a_chinese_enquiry_is_stored_with_its_side_province_and_city(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_chinese_enquiry(client)
    assertRedirects(response, UK_PARTNER_THANKS_URL, fetch_redirect_response=False)
    enquiry = PartnershipEnquiry.objects.get()
    assert (enquiry.side, enquiry.region, enquiry.china_province, enquiry.city) == ("china", "", "zhejiang", "宁波市")
    assert (enquiry.organisation_type, enquiry.interests) == ("education-bureau", ["sister-school", "visit-uk"])
    assert enquiry.organisation_name == "宁波市教育局" and enquiry.phone == "+86 574 8718 0000"
    assert re.fullmatch(r"TEP-20\d\d-\d{4,}", enquiry.reference)  # the same references as the UK side
    thanks = client.get(UK_PARTNER_THANKS_URL)
    assertContains(thanks, enquiry.reference)
    assertContains(thanks, "about UK councils and schools that could be a good match")
    assertContains(thanks, "We share your details with a possible UK partner only with your agreement.")
    assertNotContains(thanks, "partners in China")


def test_a_chinese_enquiry_in_chinese_gets_a_chinese_thanks_page(client):
    with translation.override("en"):
        response = post_chinese_enquiry(client, path=f"/zh-hans{UK_PARTNER_URL}")
        assert response["Location"] == f"/zh-hans{UK_PARTNER_THANKS_URL}"
        thanks = client.get(response["Location"]).content.decode()
    assert PartnershipEnquiry.objects.get().language == "zh-hans"
    assert "介绍可能合适的英国地方政府和学校" in thanks
    assert "只有在征得您同意后，我们才会将您的信息提供给英国合作方。" in thanks
    assert "中国的合作方" not in thanks


def test_the_uk_form_stores_the_uk_side_and_ignores_chinese_place_fields(client):
    post_enquiry(client, china_province="zhejiang", city="Ningbo")
    enquiry = PartnershipEnquiry.objects.get()
    assert (enquiry.side, enquiry.region, enquiry.china_province, enquiry.city) == ("uk", "east-midlands", "", "")


def test_the_chinese_form_ignores_a_posted_region(client):
    post_chinese_enquiry(client, region="wales")
    assert PartnershipEnquiry.objects.get().region == ""


CHINESE_GOOD_VALUES = [
    ("organisation_type", "government"),
    ("organisation_type", "school"),
    ("china_province", "chongqing"),
    ("china_province", "hong-kong"),
    ("city", "Ningbo"),
    ("city", "c" * 60),
    ("phone", ""),
    ("phone", "＋８６ １３８ ０００ １３８００"),
    ("phone", "0574-8718 0000"),
    ("interests", ["sister-city", "sister-school", "visit-uk", "education", "trade", "other"]),
]


@pytest.mark.parametrize(("field", "value"), CHINESE_GOOD_VALUES, ids=lambda v: str(v)[:30])
def test_chinese_side_good_values_are_accepted(client, field, value):
    response = post_chinese_enquiry(client, **{field: value})
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    assert PartnershipEnquiry.objects.get().side == "china"


CHINESE_BAD_VALUES = [
    ("china_province", None, "Select the province, municipality or autonomous region where your organisation is"),
    ("china_province", "", "Select the province, municipality or autonomous region where your organisation is"),
    ("china_province", "east-midlands", "Select a province from the list"),
    ("china_province", "taipei\x00", "Select a province from the list"),
    ("city", None, "Enter your city"),
    ("city", "   ", "Enter your city"),
    ("city", "c" * 61, "City must be 60 characters or fewer"),
    ("city", "宁波\r\nBcc: victim@example.org", "Enter this on one line"),
    ("city", "宁\u200b波", "Remove the hidden characters from this answer"),
    ("organisation_type", "council", "Select the type of organisation from the list"),
    ("interests", ["delegation"], "Select only options from the list"),
    ("interests", None, "Select what you are interested in"),
    ("phone", "0115 496 0000 ext. 5", "Enter a telephone number, like +86 574 8718 0000"),
    ("email", "wang.li@localhost", "Enter an email address in the correct format"),
    ("contact_name", "王\n丽", "Enter this on one line"),
    ("privacy_agreed", "on", "Confirm that you have read the privacy notice"),
]


@pytest.mark.parametrize(("field", "value", "message"), CHINESE_BAD_VALUES, ids=lambda v: repr(v)[:30])
def test_chinese_side_bad_values_are_refused_with_a_message_and_nothing_stored(client, field, value, message):
    response = post_chinese_enquiry(client, **{field: value})
    assert response.status_code == HTTPStatus.OK
    assertContains(response, message)
    assert "<title>Error: Chinese cities and schools seeking a UK partner |" in response.content.decode()
    assert PartnershipEnquiry.objects.count() == 0


def test_chinese_side_errors_come_in_chinese_and_link_to_their_fields(client):
    with translation.override("en"):
        response = post_chinese_enquiry(client, path=f"/zh-hans{UK_PARTNER_URL}", china_province="", city="")
    html = response.content.decode()
    summary = re.search(r'<div class="alert alert-danger error-summary".*?</div>', html, re.S).group(0)
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert links == [
        ("id_china_province", "请选择贵单位所在的省（自治区、直辖市）"),
        ("id_city", "请输入所在城市"),
    ]
    assert 'value="宁波市教育局"' in html and re.search(r'value="visit-uk"[^>]*checked', html)  # answers kept
    assert PartnershipEnquiry.objects.count() == 0


@pytest.mark.parametrize(("field", "value"), [("organisation_type", "education-bureau"), ("interests", ["education"])])
def test_the_uk_form_refuses_the_chinese_side_s_own_choices(client, field, value):
    response = post_enquiry(client, **{field: value})
    assert response.status_code == HTTPStatus.OK
    assert PartnershipEnquiry.objects.count() == 0


def test_both_forms_share_one_rate_limit(client):
    for _ in range(5):
        assert post_enquiry(client).status_code == HTTPStatus.FOUND
    response = post_chinese_enquiry(client)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assertContains(response, "You have sent several enquiries", status_code=HTTPStatus.TOO_MANY_REQUESTS)
    assert PartnershipEnquiry.objects.filter(side="china").count() == 0


def test_a_repeated_chinese_submission_is_stored_once(client):
    posted = answers(CHINESE_ANSWERS)
    assert client.post(UK_PARTNER_URL, posted).status_code == HTTPStatus.FOUND
    assert client.post(UK_PARTNER_URL, posted)["Location"] == UK_PARTNER_THANKS_URL
    assert PartnershipEnquiry.objects.count() == 1


def test_a_honeypot_post_goes_to_the_chinese_thanks_page_and_stores_nothing(client):
    response = post_chinese_enquiry(client, website="http://spam.example")
    assertRedirects(response, UK_PARTNER_THANKS_URL, fetch_redirect_response=False)
    assert PartnershipEnquiry.objects.count() == 0


# --- The database's own rules ------------------------------------------------------------------------


def test_existing_and_factory_enquiries_are_the_uk_side():
    assert PartnershipEnquiryFactory().side == "uk"


@pytest.mark.parametrize(
    "fields",
    [
        {"chinese": True, "region": "wales"},  # a Chinese organisation has no UK region
        {"chinese": True, "china_province": ""},  # but a province
        {"chinese": True, "china_province": "atlantis"},
        {"china_province": "zhejiang"},  # the UK side has no province
        {"city": "Ningbo"},  # nor a city
        {"region": ""},  # but a region
        {"chinese": True, "organisation_type": "council"},
        {"organisation_type": "education-bureau"},
        {"organisation_type": "government"},
        {"chinese": True, "interest_delegation": True},  # a delegation visit to China is the UK side's
        {"interest_visit_uk": True},  # a visit to the UK is the Chinese side's
        {"interest_education": True},
        {"side": "taiwan"},
    ],
    ids=repr,
)
def test_the_database_holds_each_side_to_its_own_place_types_and_interests(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnershipEnquiryFactory(**fields)


def test_the_database_accepts_a_chinese_enquiry_with_its_own_interests():
    enquiry = PartnershipEnquiryFactory(chinese=True, interest_visit_uk=True, interest_education=True)
    assert enquiry.interests == ["sister-city", "visit-uk", "education"]
    assert enquiry.place == "Ningbo, Zhejiang"


# --- Staff: inbox, export, emails, GDPR ----------------------------------------------------------


def test_the_inbox_shows_the_side_and_place_and_filters_by_side(admin_client):
    uk = PartnershipEnquiryFactory(reference="UK-1", region="wales")
    china = PartnershipEnquiryFactory(reference="CN-1", chinese=True, interest_visit_uk=True)
    response = admin_client.get(CHANGELIST)
    html = response.content.decode()
    for header in ("Side", "Based in"):
        assertContains(response, header)
    assert re.search(r'<td class="field-side">China</td>', html)
    assert re.search(r'<td class="field-side">UK</td>', html)
    assert '<td class="field-place">Ningbo, Zhejiang</td>' in html
    assert '<td class="field-place">Wales</td>' in html
    assert "China (1)" in html and "UK (1)" in html  # the side filter, with its counts
    rows = admin_client.get(CHANGELIST, {"side__exact": "china"}).context["cl"].result_list
    assert [enquiry.reference for enquiry in rows] == [china.reference]
    rows = admin_client.get(CHANGELIST, {"side__exact": "uk"}).context["cl"].result_list
    assert [enquiry.reference for enquiry in rows] == [uk.reference]
    assert admin_client.get(CHANGELIST, {"side__exact": "%00"}).context["cl"].result_list.count() == 0


def test_the_change_page_shows_the_chinese_place_read_only(admin_client):
    enquiry = PartnershipEnquiryFactory(chinese=True)
    response = admin_client.get(reverse("admin:enquiries_partnershipenquiry_change", args=[enquiry.pk]))
    html = response.content.decode()
    for field, shown in (("side", "China"), ("china_province", "Zhejiang"), ("city", "Ningbo")):
        assert re.search(rf'<div class="readonly">{shown}</div>', html), field
    assert 'name="side"' not in html and 'name="city"' not in html


@pytest.mark.parametrize("action", ["export_csv", "export_xlsx"])
def test_the_exports_carry_the_side_province_and_city(admin_client, action):
    enquiry = PartnershipEnquiryFactory(chinese=True, city="=宁波市")
    response = admin_client.post(CHANGELIST, {"action": action, ACTION_CHECKBOX_NAME: [str(enquiry.pk)]})
    if action == "export_csv":
        text = response.content.decode("utf-8").removeprefix("\ufeff")
        header, row = list(csv.reader(io.StringIO(text)))
        record = dict(zip(header, row, strict=True))
        assert record["city"] == "'=宁波市"  # spreadsheet-safe, like every answer
    else:
        header, row = openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
        record = dict(zip(header, row, strict=True))
        assert record["city"] == "=宁波市"
    assert (record["side"], record["region"] or "", record["province"]) == ("China", "", "Zhejiang")  # xlsx: None
    assert record["organisation type"] == "Education bureau"


def contact_details():
    Organisation.objects.update_or_create(
        pk=1,
        defaults={
            "name_en": "True Education Partnership",
            "email": "hello@tep.example",
            "telephone": "+44 115 496 0000",
            "wechat_id": "tep_uk_china",
        },
    )


def test_a_chinese_sender_writing_in_english_gets_an_acknowledgement_about_a_uk_partner(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    contact_details()
    with django_capture_on_commit_callbacks(execute=True):
        post_chinese_enquiry(client)
    enquiry = PartnershipEnquiry.objects.get()
    staff, acknowledgement = mailoutbox
    assert acknowledgement.subject == f"We have received your request for a UK partner ({enquiry.reference})"
    body = acknowledgement.body
    assert "Thank you for telling True Education Partnership about the UK partner you are looking for." in body
    assert f"Your reference number is {enquiry.reference}." in body
    assert "about UK councils and schools that could be a good match" in body
    assert "We share your details with a possible UK partner only with your agreement." in body
    assert "partners in China" not in body and "China partnership" not in body
    assert "Email: hello@tep.example · Telephone: +44 115 496 0000 · WeChat: tep_uk_china" in body
    # Nothing the visitor typed (issue 12).
    for typed in ("宁波市教育局", "王丽", "宁波市", "国际交流处处长", "我们希望"):
        assert typed not in body and typed not in acknowledgement.subject
    # Staff read English, with the side and the place.
    assert staff.subject == f"New partnership enquiry {enquiry.reference} from 宁波市教育局"
    for line in (
        "Side: China",
        "Type of organisation: Education bureau",
        "Province and city: 宁波市, Zhejiang",
        "Interested in: Sister-school partnership, Visit or study tour to the UK",
        "Telephone: +86 574 8718 0000",
        "Language used: en",
    ):
        assert line in staff.body
    assert "Region:" not in staff.body


def test_a_chinese_sender_writing_in_chinese_gets_a_chinese_acknowledgement(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    contact_details()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        post_chinese_enquiry(client, path=f"/zh-hans{UK_PARTNER_URL}")
    enquiry = PartnershipEnquiry.objects.get()
    staff, acknowledgement = mailoutbox
    assert acknowledgement.subject == f"我们已收到您的合作意向（编号 {enquiry.reference}）"
    body = acknowledgement.body
    assert body.startswith("您好！")
    received = timezone.localdate(enquiry.created_at)
    assert (
        "感谢您向 True Education Partnership 登记寻找英国合作伙伴的合作意向。"
        f"我们已于{received.year}年{received.month}月{received.day}日收到您的合作意向，编号是 {enquiry.reference}。"
    ) in body
    assert "介绍可能合适的英国地方政府和学校" in body
    assert "只有在征得您同意后，我们才会将您的信息提供给英国合作方。" in body
    assert "电子邮箱：hello@tep.example · 电话：+44 115 496 0000 · 微信：tep_uk_china" in body
    assert "/zh-hans/privacy/" in body
    assert "咨询" not in body + acknowledgement.subject  # an enquiry is 合作意向 (../shared/zh-GLOSSARY.md)
    assert re.search(r"[\u4e00-\u9fff]: ", body) is None  # no ASCII colon after Chinese
    for typed in ("宁波市教育局", "王丽", "国际交流处处长", "我们希望"):
        assert typed not in body
    assert "Side: China" in staff.body and "Language used: zh-hans" in staff.body  # staff read English


def test_the_uk_acknowledgement_keeps_its_own_wording():
    enquiry = PartnershipEnquiryFactory.build(pk=1, language="en")
    message = services.build_acknowledgement(enquiry)
    assert message.subject == f"We have received your enquiry ({enquiry.reference})"
    assert "Thank you for registering your interest in a China partnership" in message.body
    assert "UK partner" not in message.body


def test_subject_access_export_and_erasure_cover_the_chinese_side(tmp_path):
    enquiry = PartnershipEnquiryFactory(chinese=True, email="wang.li@nbedu.example.cn", interest_education=True)
    output = tmp_path / "export.json"
    call_command("export_personal_data", "wang.li@nbedu.example.cn", output=str(output), stderr=io.StringIO())
    (exported,) = json.loads(output.read_text())["enquiries"]
    assert exported["reference"] == enquiry.reference
    assert (exported["side"], exported["china_province"], exported["city"]) == ("China", "Zhejiang", "Ningbo")
    assert exported["interests"] == ["Sister-city partnership", "Education exchange"]
    assert services.personal_data_erase(email="WANG.LI@nbedu.example.cn") == 1
    assert PartnershipEnquiry.objects.count() == 0


def test_the_privacy_notice_speaks_to_chinese_organisations_too(client):
    english = client.get("/privacy/").content.decode()
    assert "a Chinese province and city" in english
    assert "UK partners, for Chinese organisations" in english
    assert "with a possible UK partner (a council, school or other organisation) only with your agreement" in english
    chinese_notice = chinese(client, "/privacy/").content.decode()
    assert "英国合作方（适用于中国单位）" in chinese_notice
    assert "我们才会将贵单位的信息和您的联系方式提供给可能的英国合作方" in chinese_notice


def test_retention_anonymises_a_chinese_enquiry_and_keeps_its_figures():
    closed_long_ago = timezone.now() - timezone.timedelta(days=800)
    enquiry = PartnershipEnquiryFactory(chinese=True, status="declined", closed_at=closed_long_ago)
    assert services.enquiries_purge(months=24) == 1
    enquiry.refresh_from_db()
    assert (enquiry.organisation_name, enquiry.contact_name, enquiry.email) == ("", "", "")
    assert (enquiry.side, enquiry.china_province, enquiry.city, enquiry.organisation_type) == (
        "china",
        "zhejiang",
        "Ningbo",
        "education-bureau",
    )


def test_the_thanks_page_follows_the_enquiry_sent_not_the_address_opened(client, settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    assert post_enquiry(client).status_code == HTTPStatus.FOUND  # a UK enquiry …
    page = client.get(UK_PARTNER_THANKS_URL).content.decode()  # … and the Chinese side's thanks address
    assert "partners in China who could be a good match" in page
    assert "UK councils and schools that could be a good match" not in page
