"""The Chinese side end to end in Chromium (issue 14): an education bureau finds the form for
Chinese organisations from the home page on a phone, in English and in Chinese, corrects a
mistake and sends it; then a reviewer finds both enquiries in the admin, filtered by side."""

import io
import re

from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import expect

from enquiries.models import PartnershipEnquiry
from tests.browser.staff import PASSWORD, sign_in
from tests.factories import PartnershipEnquiryFactory

PHONE_WIDTH = 375

# What the visitor sees and types, per language: the way in from the home page, the labels of the
# Chinese side's own questions, the error for a phone number without digits enough.
JOURNEYS = {
    "en": {
        "locale": "en-GB",
        "home": "/",
        "way_in": "Chinese cities and schools seeking a UK partner",
        "heading": "Chinese cities and schools seeking a UK partner",
        "organisation": "Ningbo Municipal Education Bureau",
        "type": "Education bureau",
        "province_label": "Province, municipality or autonomous region",
        "province": "Zhejiang",
        "city_label": "Your city",
        "interests": ["Finding a UK sister school", "Visit or study tour to the UK"],
        "message_label": "Tell us about your organisation and the UK partner you are looking for",
        "phone_error": "Enter a telephone number, like +86 574 8718 0000",
        "next_step": "about UK councils and schools that could be a good match",
    },
    "zh-hans": {
        "locale": "zh-CN",
        "home": "/zh-hans/",
        "way_in": "寻找英国合作伙伴",
        "heading": "中国城市和学校：寻找英国合作伙伴",
        "organisation": "宁波市教育局",
        "type": "教育局",
        "province_label": "所在省（自治区、直辖市）",
        "province": "浙江省",
        "city_label": "所在城市",
        "interests": ["寻找英国友好学校", "赴英访问/考察"],
        "message_label": "请介绍贵单位的情况，以及希望寻找怎样的英国合作伙伴",
        "phone_error": "请输入电话号码，例如：+86 574 8718 0000",
        "next_step": "介绍可能合适的英国地方政府和学校",
    },
}


def send_as_a_chinese_education_bureau(site, new_page, language):
    """Fill in and send the Chinese side's form on a 375 px phone; returns the reference shown."""
    words = JOURNEYS[language]
    page = new_page("phone", locale=words["locale"])
    page.goto(site + words["home"])
    page.get_by_role("main").get_by_role("link", name=words["way_in"], exact=True).first.click()
    prefix = "/zh-hans" if language == "zh-hans" else ""
    page.wait_for_url(re.compile(rf"{prefix}/register/uk-partner/$"))
    assert page.get_by_role("heading", level=1).inner_text() == words["heading"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE_WIDTH

    page.locator("#id_organisation_name").fill(words["organisation"])
    page.get_by_label(words["type"], exact=True).check()
    page.get_by_label(words["province_label"]).select_option(label=words["province"])
    page.get_by_label(words["city_label"]).fill("宁波市")
    page.locator("#id_contact_name").fill("王丽")
    page.locator("#id_job_title").fill("国际交流处处长")
    page.locator("#id_email").fill(f"wang.li.{language}@nbedu.example.cn")
    page.locator("#id_phone").fill("0574 8718 转 5")  # a mistake: an extension in words
    for interest in words["interests"]:
        page.get_by_label(interest, exact=True).check()
    page.get_by_label(words["message_label"]).fill("我们希望为宁波市的几所中学寻找英国友好学校。")
    page.locator("#id_privacy_agreed").check()
    page.locator("form.enquiry-form button[type=submit]").click()

    page.wait_for_selector("#error-summary")
    expect(page.locator("#error-summary")).to_be_focused()
    page.locator("#error-summary a", has_text=words["phone_error"]).click()
    expect(page.locator("#id_phone")).to_be_focused()
    assert page.get_by_label(words["province_label"]).input_value() == "zhejiang"  # answers kept
    assert page.get_by_label(words["interests"][1], exact=True).is_checked()
    assert not PartnershipEnquiry.objects.filter(side="china", language=language).exists()  # nothing stored yet

    page.locator("#id_phone").fill("+86 574 8718 0000")
    page.locator("form.enquiry-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"{prefix}/register/uk-partner/thanks/$"))
    reference = page.locator(".confirmation-panel__reference strong").inner_text()
    assert re.fullmatch(r"TEP-\d{4}-\d{4,}", reference)
    assert words["next_step"] in page.get_by_role("main").inner_text()
    assert page.errors == []
    return reference


def test_chinese_organisations_register_in_both_languages_and_staff_filter_them_by_side(
    site, new_page, django_user_model
):
    uk = PartnershipEnquiryFactory(organisation_name="Rushcliffe Borough Council")
    references = {language: send_as_a_chinese_education_bureau(site, new_page, language) for language in JOURNEYS}

    stored = {enquiry.reference: enquiry for enquiry in PartnershipEnquiry.objects.filter(side="china")}
    assert set(stored) == set(references.values())
    for language, reference in references.items():
        enquiry = stored[reference]
        assert (enquiry.language, enquiry.china_province, enquiry.city, enquiry.region) == (
            language,
            "zhejiang",
            "宁波市",
            "",
        )
        assert (enquiry.organisation_type, enquiry.interests) == ("education-bureau", ["sister-school", "visit-uk"])

    # --- A reviewer, on a laptop, looks at the enquiries from China ----------------------------------
    call_command("create_staff_groups", stdout=io.StringIO())
    reviewer = django_user_model.objects.create_user("mei.reviewer", password=PASSWORD, is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Enquiry reviewers"))
    staff = sign_in(new_page("desktop"), site, "mei.reviewer")
    staff.get_by_role("link", name="Partnership enquiries").click()
    staff.locator("#changelist-filter").get_by_role("link", name=re.compile(r"^China")).click()
    staff.wait_for_url(re.compile(r"side__exact=china"))
    rows = staff.locator("#result_list tbody").inner_text()
    for reference in references.values():
        assert reference in rows
    assert uk.reference not in rows
    assert rows.count("China") == 2 and rows.count("宁波市, Zhejiang") == 2  # the side and place columns
    staff.get_by_role("link", name=references["zh-hans"]).click()
    assert staff.locator(".field-china_province .readonly").inner_text() == "Zhejiang"
    assert staff.errors == []
