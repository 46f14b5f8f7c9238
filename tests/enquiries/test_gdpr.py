"""UK GDPR: retention, subject access export, erasure, and the privacy notice."""

import datetime
import io
import json
import logging

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from pytest_django.asserts import assertContains

from enquiries import services
from enquiries.models import EnquiryNote, EnquiryStatusChange, PartnershipEnquiry

from .support import PartnershipEnquiryFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 11, 0, tzinfo=datetime.UTC)


def closed(months_ago, days=0, status="declined", **fields):
    closed_at = services.months_before(NOW, months_ago) - datetime.timedelta(days=days)
    return PartnershipEnquiryFactory(status=status, closed_at=closed_at, created_at=closed_at, **fields)


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        ((2026, 6, 15), 24, (2024, 6, 15)),
        ((2026, 3, 31), 1, (2026, 2, 28)),
        ((2024, 3, 31), 1, (2024, 2, 29)),
        ((2026, 1, 10), 1, (2025, 12, 10)),
        ((2026, 1, 10), 13, (2024, 12, 10)),
    ],
)
def test_months_before(moment, months, expected):
    assert services.months_before(datetime.date(*moment), months) == datetime.date(*expected)


def test_retention_anonymises_closed_enquiries_past_the_period_and_keeps_the_rest(admin_user):
    expired = closed(24, days=1, status="converted", interest_trade=True, region="wales")
    services.enquiry_add_note(enquiry=expired, author=admin_user, text="Spoke to Ms Jones on 0115 496 0000.")
    EnquiryStatusChange.objects.create(enquiry=expired, from_status="contacted", to_status="converted")
    expired_spam = closed(30, status="spam")
    recent = closed(24, days=-1)  # one day inside the period
    open_old = PartnershipEnquiryFactory(created_at=NOW - datetime.timedelta(days=1000))  # still new: never purged

    assert services.enquiries_purge(months=24, now=NOW) == 2

    expired.refresh_from_db()
    for field in services.PERSONAL_FIELDS:
        assert getattr(expired, field) == ""
    assert expired.anonymised_at == NOW
    # The figures stay: type, region, interests, status, dates, history.
    assert (expired.organisation_type, expired.region, expired.status) == ("council", "wales", "converted")
    assert expired.interests == ["sister-city", "trade"]
    assert expired.status_changes.count() == 1
    assert not EnquiryNote.objects.filter(enquiry=expired).exists()
    assert PartnershipEnquiry.objects.get(pk=expired_spam.pk).email == ""
    for kept in (recent, open_old):
        kept.refresh_from_db()
        assert kept.email and kept.anonymised_at is None
    # Running again changes nothing.
    assert services.enquiries_purge(months=24, now=NOW) == 0


def test_retention_can_delete_instead(admin_user):
    expired = closed(25)
    services.enquiry_add_note(enquiry=expired, author=admin_user, text="Note.")
    kept = closed(2)
    assert services.enquiries_purge(months=24, delete=True, now=NOW) == 1
    assert list(PartnershipEnquiry.objects.all()) == [kept]
    assert not EnquiryNote.objects.exists()


def test_purge_command_uses_the_configured_period(settings):
    settings.ENQUIRY_RETENTION_MONTHS = 6
    old = PartnershipEnquiryFactory(
        status="declined", closed_at=timezone.now() - datetime.timedelta(days=200), email="old@example.org"
    )
    young = PartnershipEnquiryFactory(status="declined", closed_at=timezone.now() - datetime.timedelta(days=100))
    out = io.StringIO()
    call_command("purge_enquiries", "--dry-run", stdout=out)
    assert "1 closed enquiries older than 6 months would be affected." in out.getvalue()
    assert PartnershipEnquiry.objects.get(pk=old.pk).email == "old@example.org"
    out = io.StringIO()
    call_command("purge_enquiries", stdout=out)
    assert "1 closed enquiries older than 6 months anonymised." in out.getvalue()
    assert PartnershipEnquiry.objects.get(pk=old.pk).email == ""
    assert PartnershipEnquiry.objects.get(pk=young.pk).email != ""
    call_command("purge_enquiries", "--months", "3", "--delete", stdout=io.StringIO())
    assert PartnershipEnquiry.objects.count() == 0
    with pytest.raises(CommandError):
        call_command("purge_enquiries", "--months", "0", stdout=io.StringIO())


def test_export_gives_everything_held_about_one_address_and_nothing_else(admin_user, tmp_path):
    mine = PartnershipEnquiryFactory(email="Wang.Xiaoming@Example.cn", contact_name="王小明", message="第一")
    services.enquiry_change_status(enquiry=mine, status="in-review", by=admin_user)
    services.enquiry_add_note(enquiry=mine, author=admin_user, text="Called back.")
    PartnershipEnquiryFactory(email="wang.xiaoming@example.cn", message="second")
    PartnershipEnquiryFactory(email="someone.else@example.cn", message="not theirs")
    out = io.StringIO()
    call_command("export_personal_data", "wang.xiaoming@example.cn", stdout=out)
    data = json.loads(out.getvalue())
    assert [item["message"] for item in data["enquiries"]] == ["第一", "second"]
    first = data["enquiries"][0]
    assert first["contact_name"] == "王小明"
    assert first["notes"][0]["text"] == "Called back."
    assert first["status_history"][0]["to"] == "In review"
    assert "not theirs" not in out.getvalue()
    target = tmp_path / "export.json"
    call_command("export_personal_data", "WANG.XIAOMING@example.cn", "--output", str(target), stderr=io.StringIO())
    assert len(json.loads(target.read_text(encoding="utf-8"))["enquiries"]) == 2


def test_erase_deletes_everything_for_one_address_after_confirmation(admin_user, caplog):
    mine = PartnershipEnquiryFactory(email="erase.me@example.org")
    services.enquiry_add_note(enquiry=mine, author=admin_user, text="Note about them.")
    services.enquiry_change_status(enquiry=mine, status="spam", by=admin_user)
    PartnershipEnquiryFactory(email="ERASE.ME@example.org")
    other = PartnershipEnquiryFactory(email="keep.me@example.org")
    out = io.StringIO()
    call_command("erase_personal_data", "erase.me@example.org", stdout=out)
    assert "2 enquiries would be deleted" in out.getvalue()
    assert PartnershipEnquiry.objects.count() == 3
    caplog.set_level(logging.INFO)
    out = io.StringIO()
    call_command("erase_personal_data", "erase.me@example.org", "--yes", stdout=out)
    assert "2 enquiries deleted." in out.getvalue()
    assert list(PartnershipEnquiry.objects.all()) == [other]
    assert not EnquiryNote.objects.exists() and not EnquiryStatusChange.objects.exists()
    assert "erase.me" not in caplog.text
    with pytest.raises(CommandError):
        call_command("erase_personal_data", "not-an-address", "--yes")


def test_privacy_notice_says_what_why_who_how_long_and_how_to_complain(client, settings):
    settings.ENQUIRY_RETENTION_MONTHS = 18
    response = client.get("/privacy/")
    for text in (
        "Privacy notice",
        "template",
        "True Education Partnership",
        "legitimate interests",
        "job title, email address",
        "Partners in China",
        "only with your agreement",
        "for 18 months",
        "erasure",
        "object",
        "Information Commissioner",
        "https://ico.org.uk/make-a-complaint/",
    ):
        assertContains(response, text)


def test_form_links_to_the_privacy_notice_next_to_the_agreement(client):
    html = client.get("/register/").content.decode()
    agreement = html.split('id="div_id_privacy_agreed"')[1].split("</div>")[0]
    assert 'href="/privacy/"' in agreement
