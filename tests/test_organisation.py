"""The organisation details (issue 11 point 7, issue 14 point 6): one record staff edit in the
admin, shown in the footer, on the contact and about pages, in the privacy notice, the
schema.org data and the enquiry emails, in both languages; `check --deploy` warns while
details are missing or the privacy notice is still marked "[to confirm]"."""

import json
import os
import re
from io import BytesIO, StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from enquiries.services import enquiry_send_emails
from partnerships.default_pages import PRIVACY
from partnerships.models import Page
from tep_portal.models import Organisation

from .factories import PartnershipEnquiryFactory
from .fetch import get_html, text_of
from .html_forms import form_data

pytestmark = pytest.mark.django_db

CHANGE_URL = "/admin/tep_portal/organisation/1/change/"
FULL_DETAILS = {
    "legal_name": "True Education Partnership Ltd",
    "company_number": "01234567",
    "ico_number": "ZA123456",
    "address_en": "1 Example Street\nNottingham NG1 1AA",
    "address_zh_hans": "英国诺丁汉 Example Street 1号\nNG1 1AA",
    "email": "hello@tep.example",
    "telephone": "+44 115 496 0000",
    "wechat_id": "tep_uk_china",
}


def fill_in(**changes):
    organisation = Organisation.objects.current()
    for name, value in {**FULL_DETAILS, **changes}.items():
        setattr(organisation, name, value)
    organisation.save()
    return organisation


def admin_form(admin_client):
    return form_data(admin_client.get(CHANGE_URL).content.decode(), form_id="organisation_form")


def png(size=(120, 120)):
    buffer = BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def deploy_check_output():
    """What `manage.py check --deploy` prints, run as on a server: without the async
    override the browser tests set for this process (Django reports it as an error)."""
    out = StringIO()
    with mock.patch.dict(os.environ):
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        call_command("check", "--deploy", stdout=out, stderr=out)
    return out.getvalue()


def deploy_warnings():
    return set(re.findall(r"\?: \((\w+\.W\d+)\)", deploy_check_output()))


# The record -------------------------------------------------------------------------------


def test_the_migration_creates_the_one_record_with_only_what_is_known():
    organisation = Organisation.objects.get()
    assert organisation.pk == 1
    assert organisation.name_en == "True Education Partnership"
    # Nothing invented: no Chinese name, registered name, numbers, address or telephone yet.
    assert not any(
        [
            organisation.name_zh_hans,
            organisation.legal_name,
            organisation.company_number,
            organisation.ico_number,
            organisation.address,
            organisation.telephone,
            organisation.wechat_id,
        ]
    )


def test_saving_a_second_record_updates_the_one_record():
    Organisation(name_en="Someone else", email="a@tep.example").save()
    assert Organisation.objects.count() == 1
    assert Organisation.objects.get().email == "a@tep.example"


# The admin --------------------------------------------------------------------------------


def test_the_admin_list_goes_straight_to_the_one_record_which_cannot_be_deleted_or_doubled(admin_client):
    response = admin_client.get("/admin/tep_portal/organisation/")
    assert response.status_code == 302 and response["Location"] == CHANGE_URL
    assert admin_client.get("/admin/tep_portal/organisation/add/").status_code == 403
    Organisation.objects.all().delete()  # a database that lost it: the list makes it again
    assert admin_client.get("/admin/tep_portal/organisation/")["Location"] == CHANGE_URL
    assert Organisation.objects.get().name_en == "True Education Partnership"
    assert admin_client.get("/admin/tep_portal/organisation/1/delete/").status_code == 403
    assert admin_client.get(CHANGE_URL).status_code == 200


def test_staff_edit_the_details_in_the_admin_and_every_page_shows_them_at_once(client, admin_client, page_cache):
    before = get_html(client, "/")
    assert "hello@tep.example" not in before
    assert client.get("/")["X-Page-Cache"] == "hit"

    data = admin_form(admin_client)
    data.update(FULL_DETAILS, name_zh_hans="真教育合作", company_number="sc 123456", ico_number="za123456")
    response = admin_client.post(CHANGE_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    saved = Organisation.objects.get()
    assert (saved.company_number, saved.ico_number) == ("SC123456", "ZA123456")  # as people type them, tidied
    footer = get_html(client, "/").split("<footer")[1]
    assert "hello@tep.example" in footer
    assert 'href="tel:+441154960000"' in footer and "+44 115 496 0000" in footer
    assert "1 Example Street<br>Nottingham NG1 1AA" in footer
    assert "True Education Partnership Ltd" in footer and "Company number SC123456" in footer
    chinese_footer = get_html(client, "/zh-hans/").split("<footer")[1]
    assert "真教育合作" in chinese_footer
    assert "英国诺丁汉 Example Street 1号" in chinese_footer
    assert "微信：tep_uk_china" in chinese_footer
    contact = text_of(get_html(client, "/zh-hans/contact/"))
    for shown in ("联系我们", "电子邮箱", "hello@tep.example", "电话", "微信", "tep_uk_china", "公司编号", "SC123456"):
        assert shown in contact


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("company_number", "123", "A UK company number has 8 characters"),
        ("ico_number", "AB123456", "An ICO registration number starts with Z"),
        ("telephone", "call us", "Write the telephone number with digits"),
        ("telephone", "+44 ---- ----", "Write the telephone number with digits"),
        ("wechat_id", "1abc", "A WeChat ID has 6–20 letters"),
        ("email", "not an address", "Enter a valid email address"),
    ],
)
def test_bad_details_are_refused_with_a_clear_message_and_nothing_is_saved(admin_client, field, value, message):
    data = admin_form(admin_client)
    data.update({field: value, "legal_name": "Should not be saved Ltd"})
    response = admin_client.post(CHANGE_URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Organisation.objects.get().legal_name == ""


def test_the_wechat_qr_code_is_checked_and_stored_under_a_fresh_name(admin_client, client):
    data = admin_form(admin_client)
    data["wechat_id"] = "tep_uk_china"
    data["wechat_qr"] = SimpleUploadedFile("my qr.png", png(), content_type="image/png")
    assert admin_client.post(CHANGE_URL, data).status_code == 302
    stored = Organisation.objects.get().wechat_qr
    assert re.fullmatch(r"organisation/[0-9a-f]{32}\.png", stored.name)
    html = get_html(client, "/contact/")
    assert f'src="{stored.url}"' in html and 'alt="WeChat QR code for tep_uk_china"' in html

    data = admin_form(admin_client)
    tiff = BytesIO()
    Image.new("RGB", (20, 20)).save(tiff, "TIFF")
    data["wechat_qr"] = SimpleUploadedFile("qr.png", tiff.getvalue(), content_type="image/png")
    response = admin_client.post(CHANGE_URL, data)
    assert response.status_code == 200
    assert "Upload a JPEG, PNG or WebP image." in response.content.decode()
    assert Organisation.objects.get().wechat_qr.name == stored.name


def test_every_optional_detail_can_be_left_empty(admin_client):
    data = admin_form(admin_client)
    data.update(dict.fromkeys(["legal_name", "company_number", "ico_number", "email", "telephone", "wechat_id"], ""))
    data.update(address_en="", address_zh_hans="", name_zh_hans="")
    assert admin_client.post(CHANGE_URL, data).status_code == 302


# The contact page, footer and about page ------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
def test_the_contact_page_is_linked_from_every_page_and_listed_in_the_sitemap(client, prefix):
    home = get_html(client, f"{prefix}/")
    nav = re.search(r'<nav class="site-nav".*?</nav>', home, re.DOTALL).group()
    assert f'href="{prefix}/contact/"' in nav
    assert f'href="{prefix}/contact/"' in home.split("<footer")[1]
    assert f"http://testserver{prefix}/contact/" in client.get("/sitemap.xml").content.decode()


def test_before_anything_is_filled_in_the_site_still_gives_a_way_to_write(client, settings):
    settings.ENQUIRY_NOTIFY_EMAILS = ["enquiries@tep.example"]
    contact = get_html(client, "/contact/")
    assert 'href="mailto:enquiries@tep.example"' in contact
    assert "Telephone" not in text_of(contact)  # no empty rows for what is not known
    assert "enquiries@tep.example" in get_html(client, "/").split("<footer")[1]


def test_the_chinese_about_page_gives_the_contact_details(client):
    fill_in()
    about = text_of(get_html(client, "/zh-hans/about/"))
    for shown in ("联系我们", "hello@tep.example", "+44 115 496 0000", "tep_uk_china"):
        assert shown in about


def test_the_english_name_on_a_chinese_page_is_marked_english_until_a_chinese_name_is_given(client):
    footer = get_html(client, "/zh-hans/").split("<footer")[1]
    assert '<p class="site-footer__name" lang="en-GB">True Education Partnership</p>' in footer
    fill_in(name_zh_hans="真教育合作")
    footer = get_html(client, "/zh-hans/").split("<footer")[1]
    assert '<p class="site-footer__name">真教育合作</p>' in footer


# schema.org -------------------------------------------------------------------------------


def organization_data(html):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL):
        data = json.loads(block)
        if data.get("@type") == "Organization":
            return data
    raise AssertionError("no Organization data")


def test_schema_org_organization_carries_the_details_filled_in(client):
    data = organization_data(get_html(client, "/"))
    assert data["name"] == "True Education Partnership"
    assert "legalName" not in data and "telephone" not in data  # nothing made up
    fill_in(name_zh_hans="真教育合作")
    data = organization_data(get_html(client, "/"))
    assert data["legalName"] == "True Education Partnership Ltd"
    assert data["email"] == "hello@tep.example"
    assert data["telephone"] == "+44 115 496 0000"
    assert data["address"] == "1 Example Street, Nottingham NG1 1AA"
    assert data["identifier"]["value"] == "01234567"
    assert data["contactPoint"]["url"] == "http://testserver/contact/"
    assert organization_data(get_html(client, "/zh-hans/"))["name"] == "真教育合作"


# The privacy notice -----------------------------------------------------------------------


def test_the_privacy_notice_is_the_editable_page_with_the_details_filled_in(client, settings):
    settings.ENQUIRY_RETENTION_MONTHS = 18
    notice = get_html(client, "/privacy/")
    assert "for 18 months" in notice
    assert "Registered name: [to confirm]. Company number: [to confirm]." in text_of(notice)
    assert "Template notice." in notice  # while anything is marked [to confirm]
    assert re.search(r"<ul>\s*<li>your organisation", notice)  # "- " lines are a list

    fill_in()
    page = Page.objects.get(slug="privacy")
    page.body_en = page.body_en.replace(" [to confirm: names of these providers]", " (Example Hosting Ltd).")
    page.body_zh_hans = page.body_zh_hans.replace("［待确认：相关服务商名称］", "（Example Hosting Ltd）")
    page.save()
    notice = get_html(client, "/privacy/")
    visible = text_of(notice)
    assert "Registered name: True Education Partnership Ltd. Company number: 01234567." in visible
    assert "under number ZA123456" in visible and "1 Example Street, Nottingham NG1 1AA" in visible
    assert 'href="mailto:hello@tep.example"' in notice
    assert '<a href="https://ico.org.uk/make-a-complaint/"' in notice
    assert "Template notice." not in notice and "[to confirm" not in notice
    chinese = text_of(get_html(client, "/zh-hans/privacy/"))
    assert "注册名称：True Education Partnership Ltd。公司编号：01234567。" in chinese
    assert "咨询结案后，我们会再保存 18 个月" in chinese
    assert "待确认" not in chinese


def test_a_privacy_notice_edited_in_the_admin_shows_in_each_language(client, admin_client):
    page = Page.objects.get(slug="privacy")
    url = f"/admin/partnerships/page/{page.pk}/change/"
    data = form_data(admin_client.get(url).content.decode(), form_id="page_form")
    data.update(body_en="## Who we are\n\nWe keep your details for {retention_months} months.")
    data.update(body_zh_hans="## 我们是谁\n\n我们保存您的信息 {retention_months} 个月。")
    assert admin_client.post(url, data).status_code == 302
    assert "We keep your details for 24 months." in text_of(get_html(client, "/privacy/"))
    assert "我们保存您的信息 24 个月。" in text_of(get_html(client, "/zh-hans/privacy/"))


def test_placeholders_cannot_smuggle_markup_into_the_notice(client):
    fill_in(legal_name="<script>alert(1)</script> Ltd")
    notice = get_html(client, "/privacy/")
    assert "<script>alert(1)</script>" not in notice
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Ltd" in notice


def test_without_a_privacy_page_the_notice_still_says_how_to_ask(client):
    Page.objects.filter(slug="privacy").delete()
    fill_in()
    notice = get_html(client, "/privacy/")
    assert "Our privacy notice is being updated" in notice and 'href="mailto:hello@tep.example"' in notice


# check --deploy ---------------------------------------------------------------------------


def test_check_deploy_warns_while_details_are_missing_or_the_notice_is_marked_to_confirm():
    assert {"tep_portal.W001", "enquiries.W013"} <= deploy_warnings()
    fill_in()
    warnings = deploy_warnings()
    assert "tep_portal.W001" not in warnings and "enquiries.W013" in warnings
    page = Page.objects.get(slug="privacy")
    page.body_zh_hans = page.body_zh_hans.replace("［待确认：相关服务商名称］", "")
    page.save()
    assert "enquiries.W013" in deploy_warnings()  # the English text is still marked
    page.body_en = page.body_en.replace(" [to confirm: names of these providers]", "")
    page.save()
    assert not {"tep_portal.W001", "enquiries.W012", "enquiries.W013"} & deploy_warnings()
    Page.objects.filter(slug="privacy").update(body_zh_hans="")
    assert "enquiries.W012" in deploy_warnings()  # a notice missing in Chinese


def test_the_warning_names_what_is_missing():
    fill_in(ico_number="", telephone="")
    assert "Organisation details still missing: ICO registration number." in deploy_check_output()


# The enquiry emails -------------------------------------------------------------------------


def test_the_chinese_acknowledgement_gives_email_telephone_and_wechat():
    fill_in()
    enquiry = PartnershipEnquiryFactory(language="zh-hans")
    enquiry_send_emails(enquiry_id=enquiry.pk)
    acknowledgement = next(message for message in mail.outbox if message.to == [enquiry.email])
    assert "电子邮箱：hello@tep.example · 电话：+44 115 496 0000 · 微信：tep_uk_china" in acknowledgement.body
    staff = next(message for message in mail.outbox if message.to != [enquiry.email])
    assert "Email: hello@tep.example · Telephone: +44 115 496 0000 · WeChat: tep_uk_china" in staff.body


def test_the_privacy_default_text_has_every_placeholder_in_both_languages():
    for language in ("en", "zh_hans"):
        body = PRIVACY["body"][language]
        for name in ("legal_name", "company_number", "ico_number", "address", "email", "retention_months"):
            assert "{" + name + "}" in body, (language, name)
