"""The enquiry form, its errors, the thanks page and the email, in the visitor's language."""

import re
from http import HTTPStatus

import pytest
from django.utils import translation

from enquiries.models import PartnershipEnquiry
from tests.fetch import get_response
from tests.languages import CJK

from .support import answers

pytestmark = pytest.mark.django_db


def test_the_form_and_its_errors_in_chinese(client, db):
    page = get_response(client, "/zh-hans/register/").content.decode()
    assert "登记合作意向" in page and "单位名称" in page and re.search(r">\s*提交\s*</button>", page)
    response = client.post("/zh-hans/register/", answers(organisation_name="", email="not-an-email", interests=None))
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert "<title>错误：登记合作意向 | True Education Partnership</title>" in body  # full-width colon, no space
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
    assert "合作意向已提交" in thanks and "我们已向您提供的邮箱发送了一封附有编号的确认邮件" in thanks
    assert "了解我们如何使用您的信息</a>。" in thanks
    assert '<html lang="zh-Hans">' in thanks

    enquiry = PartnershipEnquiry.objects.get()
    assert enquiry.language == "zh-hans"
    acknowledgement = next(message for message in mailoutbox if message.to == [enquiry.email])
    assert acknowledgement.subject == f"我们已收到您登记的合作意向（编号 {enquiry.reference}）"
    assert acknowledgement.body.startswith("您好！")  # no name: nothing the visitor typed (issue 12)
    assert "王小明" not in acknowledgement.body and "宁波市第一中学" not in acknowledgement.body
    assert f"收到您的合作意向，编号为 {enquiry.reference}" in acknowledgement.body
    assert "咨询" not in acknowledgement.body  # an enquiry is a 合作意向 (docs/zh-glossary.md)
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
