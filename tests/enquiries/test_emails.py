"""Emails go out only after the enquiry is committed; a mail failure never loses it."""

import datetime
import io
import logging
import re
import uuid
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from pytest_django.asserts import assertRedirects

from enquiries import services
from enquiries.models import PartnershipEnquiry

from .support import THANKS_URL, PartnershipEnquiryFactory, answers, post_enquiry

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "tests.enquiries.support.FailingEmailBackend"
LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_no_email_before_commit_then_staff_and_acknowledgement_after(
    client, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.ENQUIRY_NOTIFY_EMAILS = ["enquiries@tep.example", "director@tep.example"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_enquiry(client)
    assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    enquiry = PartnershipEnquiry.objects.get()
    staff, acknowledgement = mailoutbox
    assert staff.to == ["enquiries@tep.example", "director@tep.example"]
    assert staff.reply_to == ["sian.obrien@nottscc.example.org"]
    assert staff.subject == f"New partnership enquiry {enquiry.reference} from Nottinghamshire County Council"
    for text in ("Siân O'Brien", "International Relations Officer", "0115 496 0000", "East Midlands"):
        assert text in staff.body
    assert "Sister-city partnership, Council delegation visit to China" in staff.body
    assert "We would like to renew our link with Zhejiang." in staff.body
    assert f"/admin/enquiries/partnershipenquiry/{enquiry.pk}/change/" in staff.body
    assert acknowledgement.to == ["sian.obrien@nottscc.example.org"]
    assert acknowledgement.reply_to == ["enquiries@tep.example"]
    assert enquiry.reference in acknowledgement.subject
    assert acknowledgement.body.startswith("Hello,\n")  # no name: nothing the visitor typed (issue 12)
    assert "Siân" not in acknowledgement.body
    assert enquiry.reference in acknowledgement.body
    enquiry.refresh_from_db()
    assert enquiry.staff_notified_at and enquiry.acknowledged_at
    assert (enquiry.email_attempts, enquiry.last_email_error) == (1, "")


def test_acknowledgement_is_in_the_language_the_person_used(client, mailoutbox, django_capture_on_commit_callbacks):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        client.post("/zh-hans/register/", answers(contact_name="王小明"))
    staff, acknowledgement = mailoutbox
    assert "New partnership enquiry" in staff.subject  # staff read English
    assert "Language used: zh-hans" in staff.body
    assert "王小明" not in acknowledgement.body  # nothing the visitor typed (issue 12)
    assert "/zh-hans/privacy/" in acknowledgement.body


def test_staff_notification_writes_each_label_with_its_colon_in_english():
    enquiry = PartnershipEnquiryFactory.build(
        pk=1, language="zh-hans", phone="", interest_delegation=True, message="你好"
    )
    body = services.build_staff_notification(enquiry).body
    for line in (
        f"Organisation: {enquiry.organisation_name}",
        "Type of organisation: Council",
        "Region: East Midlands",
        "Contact: Alex Jones, Policy Officer",
        f"Email: {enquiry.email}",
        "Telephone: -",
        "Interested in: Sister-city partnership, Council delegation visit to China",
        "Came from the partnership: -",
        "Language used: zh-hans",
        "Message:\n你好",
        "Review it in the admin: http",
    ):
        assert line in body
    assert "：" not in body and "、" not in body  # staff read English, whatever the enquirer used


def test_chinese_acknowledgement_uses_full_width_punctuation_and_a_chinese_date():
    enquiry = PartnershipEnquiryFactory.build(
        pk=1,
        language="zh-hans",
        organisation_name="宁波市第一中学",
        created_at=datetime.datetime(2026, 3, 5, 10, 0, tzinfo=datetime.UTC),
    )
    body = services.build_acknowledgement(enquiry).body
    assert "宁波市第一中学" not in body
    assert "2026年3月5日" in body
    assert "我们如何使用您的信息：http" in body
    assert re.search(r"[\u4e00-\u9fff]: ", body) is None  # no ASCII colon after a Chinese label


def test_english_acknowledgement_keeps_ascii_colons_and_a_british_date():
    enquiry = PartnershipEnquiryFactory.build(
        pk=1, language="en", created_at=datetime.datetime(2026, 3, 5, 10, 0, tzinfo=datetime.UTC)
    )
    body = services.build_acknowledgement(enquiry).body
    assert "We received your enquiry on 5 March 2026." in body
    assert "How we use your information: http" in body and "：" not in body
    assert enquiry.organisation_name not in body


def test_subject_never_carries_a_line_break():
    # Built, not saved: the form and the database would refuse this name; the subject must be safe anyway.
    enquiry = PartnershipEnquiryFactory.build(pk=1, organisation_name="Council\r\nBcc: victim@example.org " + "x" * 300)
    message = services.build_staff_notification(enquiry)
    assert "\n" not in message.subject and "\r" not in message.subject
    assert len(message.subject) <= services.SUBJECT_MAX_LENGTH
    message.message()  # builds the MIME message: no BadHeaderError


def test_smtp_failure_keeps_the_enquiry_records_it_and_logs_no_personal_data(
    client, settings, mailoutbox, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    canary = f"canary-{uuid.uuid4().hex[:8]}"
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_enquiry(
            client,
            email=f"{canary}@example.org",
            contact_name=canary,
            message=f"{canary} message",
            phone="01234 567890",
        )
    assertRedirects(response, THANKS_URL, fetch_redirect_response=False)
    assert client.get(THANKS_URL).status_code == HTTPStatus.OK
    enquiry = PartnershipEnquiry.objects.get()
    assert enquiry.staff_notified_at is None and enquiry.acknowledged_at is None
    assert enquiry.email_attempts == 1
    assert enquiry.last_email_error == "SMTPRecipientsRefused"
    assert "not sent (SMTPRecipientsRefused)" in caplog.text
    assert canary not in caplog.text
    assert "01234" not in caplog.text


def test_retry_command_sends_what_failed_and_only_that(settings, mailoutbox):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    failed = PartnershipEnquiryFactory(created_at=timezone.now() - timezone.timedelta(minutes=30))
    services.enquiry_send_emails(enquiry_id=failed.pk)
    half_sent = PartnershipEnquiryFactory(
        created_at=timezone.now() - timezone.timedelta(minutes=30), staff_notified_at=timezone.now()
    )
    too_recent = PartnershipEnquiryFactory()  # its own request is still sending it
    done = PartnershipEnquiryFactory(
        created_at=timezone.now() - timezone.timedelta(hours=2),
        staff_notified_at=timezone.now(),
        acknowledged_at=timezone.now(),
    )
    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    out = io.StringIO()
    call_command("retry_enquiry_emails", stdout=out)
    assert "now sent: 2; still failing: 0" in out.getvalue()
    recipients = sorted(tuple(message.to) for message in mailoutbox)
    assert recipients == sorted([tuple(settings.ENQUIRY_NOTIFY_EMAILS), (failed.email,), (half_sent.email,)])
    for enquiry in (failed, half_sent):
        enquiry.refresh_from_db()
        assert enquiry.staff_notified_at and enquiry.acknowledged_at and enquiry.last_email_error == ""
    failed.refresh_from_db()
    assert failed.email_attempts == 2
    too_recent.refresh_from_db()
    assert too_recent.acknowledged_at is None
    done.refresh_from_db()
    assert done.email_attempts == 0
    # Run again: nothing left to send.
    mailoutbox.clear()
    call_command("retry_enquiry_emails", stdout=io.StringIO())
    assert mailoutbox == []


def test_retry_command_reports_enquiries_still_failing(settings):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    PartnershipEnquiryFactory(created_at=timezone.now() - timezone.timedelta(minutes=30))
    out, err = io.StringIO(), io.StringIO()
    call_command("retry_enquiry_emails", stdout=out, stderr=err)
    assert "still failing: 1" in out.getvalue()
    assert "could not be sent" in err.getvalue()


def test_spam_and_anonymised_enquiries_are_never_emailed(settings, mailoutbox):
    old = timezone.now() - timezone.timedelta(hours=1)
    spam = PartnershipEnquiryFactory(created_at=old, status="spam", closed_at=timezone.now())
    anonymised = PartnershipEnquiryFactory(created_at=old, anonymised_at=timezone.now())
    call_command("retry_enquiry_emails", stdout=io.StringIO())
    assert mailoutbox == []
    assert services.enquiry_send_emails(enquiry_id=spam.pk) is True
    assert services.enquiry_send_emails(enquiry_id=anonymised.pk) is True
    assert mailoutbox == []


def test_without_staff_addresses_only_the_acknowledgement_is_sent(settings, mailoutbox, caplog):
    settings.ENQUIRY_NOTIFY_EMAILS = []
    enquiry = PartnershipEnquiryFactory()
    assert services.enquiry_send_emails(enquiry_id=enquiry.pk) is True
    assert [message.to for message in mailoutbox] == [[enquiry.email]]
    assert "ENQUIRY_NOTIFY_EMAILS is empty" in caplog.text


def test_the_thanks_page_says_what_became_of_the_acknowledgement(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.ENQUIRY_RATE_LIMIT = "off"
    settings.ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY = 1

    def thanks_after(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            assert post_enquiry(client, **overrides).status_code == HTTPStatus.FOUND
        return client.get(THANKS_URL).content.decode()

    assert "We have sent a confirmation email" in thanks_after()
    withheld = thanks_after()  # the address's one acknowledgement a day has gone out
    assert "We have not sent a confirmation email this time" in withheld
    assert "We have sent a confirmation email" not in withheld
    settings.EMAIL_BACKEND = FAILING_BACKEND
    failed = thanks_after(email="another@example.org")  # kept for the retry command
    assert "A confirmation email with your reference number will follow shortly" in failed
    assert "We have sent a confirmation email" not in failed
