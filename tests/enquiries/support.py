"""Shared data and helpers for the enquiry tests."""

import smtplib
import time

from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from enquiries.protection import issue_form_token

REGISTER_URL = "/register/"
THANKS_URL = "/register/thanks/"
CHANGELIST = reverse("admin:enquiries_partnershipenquiry_changelist")  # the inbox


def change_url(enquiry):
    return reverse("admin:enquiries_partnershipenquiry_change", args=[enquiry.pk])


# The Chinese side: Chinese organisations seeking a UK partner.
UK_PARTNER_URL = "/register/uk-partner/"
UK_PARTNER_THANKS_URL = "/register/uk-partner/thanks/"

VALID_ANSWERS = {
    "organisation_name": "Nottinghamshire County Council",
    "organisation_type": "council",
    "region": "east-midlands",
    "contact_name": "Siân O'Brien",
    "job_title": "International Relations Officer",
    "email": "sian.obrien@nottscc.example.org",
    "phone": "0115 496 0000",
    "interests": ["sister-city", "delegation"],
    "message": "We would like to renew our link with Zhejiang.\r\nCould we talk next month?",
    "privacy_agreed": "yes",
}


CHINESE_ANSWERS = {
    "organisation_name": "宁波市教育局",
    "organisation_type": "education-bureau",
    "china_province": "zhejiang",
    "city": "宁波市",
    "contact_name": "王丽",
    "job_title": "国际交流处处长",
    "email": "wang.li@nbedu.example.cn",
    "phone": "+86 574 8718 0000",
    "interests": ["sister-school", "visit-uk"],
    "message": "我们希望为宁波市的几所中学寻找英国友好学校。\r\n明年春季可以赴英访问。",
    "privacy_agreed": "yes",
}


def form_token(seconds_ago=60, **kwargs):
    """A form token as the form page renders it, issued `seconds_ago`."""
    return issue_form_token(issued_at=time.time() - seconds_ago, **kwargs)


def answers(valid=VALID_ANSWERS, **overrides):
    """Valid POST data (`valid`: the UK side's, or CHINESE_ANSWERS) with a fresh token; a value
    of None leaves that field out."""
    data = {**valid, "form_token": form_token(), **overrides}
    return {name: value for name, value in data.items() if value is not None}


def post_enquiry(client, **overrides):
    """POST valid answers with these changes; UPPER_CASE keys (REMOTE_ADDR, HTTP_…) are request headers."""
    meta = {key: overrides.pop(key) for key in list(overrides) if key.isupper()}
    return client.post(REGISTER_URL, answers(**overrides), **meta)


def post_chinese_enquiry(client, path=UK_PARTNER_URL, **overrides):
    """POST the Chinese side's valid answers, with these changes, to its form."""
    return client.post(path, answers(CHINESE_ANSWERS, **overrides))


from tests.factories import PartnershipEnquiryFactory  # noqa: E402,F401 - the enquiry tests' one import


class FailingEmailBackend(BaseEmailBackend):
    """An SMTP server that refuses every recipient, quoting the address as real ones do."""

    def send_messages(self, email_messages):
        recipients = [address for message in email_messages for address in message.recipients()]
        raise smtplib.SMTPRecipientsRefused(dict.fromkeys(recipients, (550, b"mailbox unavailable")))
