"""The inbox's actions: mark contacted, mark spam, assign to me, and the CSV export that is safe
to open in a spreadsheet."""

import csv
import io
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils import timezone
from pytest_django.asserts import assertContains

from enquiries.admin import spreadsheet_safe
from enquiries.models import EnquiryStatusChange, PartnershipEnquiry

from .support import CHANGELIST, PartnershipEnquiryFactory

pytestmark = pytest.mark.django_db


def run_action(client, action, enquiries):
    return client.post(
        CHANGELIST, {"action": action, ACTION_CHECKBOX_NAME: [str(enquiry.pk) for enquiry in enquiries]}, follow=True
    )


def test_mark_contacted_moves_those_it_may_and_says_which_it_did_not(admin_client, admin_user):
    fresh = PartnershipEnquiryFactory()
    reviewing = PartnershipEnquiryFactory(status="in-review")
    finished = PartnershipEnquiryFactory(status="converted", closed_at=timezone.now())
    response = run_action(admin_client, "mark_contacted", [fresh, reviewing, finished])
    assertContains(response, "2 enquiries marked contacted.")
    assertContains(
        response, f"Not changed, because the workflow does not allow it from their status: {finished.reference}"
    )
    statuses = dict(PartnershipEnquiry.objects.values_list("pk", "status"))
    assert statuses == {fresh.pk: "contacted", reviewing.pk: "contacted", finished.pk: "converted"}
    assert EnquiryStatusChange.objects.filter(changed_by=admin_user, to_status="contacted").count() == 2


def test_mark_spam_closes_and_records_history(admin_client):
    enquiries = PartnershipEnquiryFactory.create_batch(2)
    assertContains(run_action(admin_client, "mark_spam", enquiries), "2 enquiries marked spam.")
    assert set(PartnershipEnquiry.objects.values_list("status", flat=True)) == {"spam"}
    assert not PartnershipEnquiry.objects.filter(closed_at__isnull=True).exists()
    assert EnquiryStatusChange.objects.count() == 2


def test_assign_to_me(admin_client, admin_user):
    enquiries = PartnershipEnquiryFactory.create_batch(2)
    assertContains(run_action(admin_client, "assign_to_me", enquiries), "2 enquiries assigned to you.")
    assert set(PartnershipEnquiry.objects.values_list("owner", flat=True)) == {admin_user.pk}


def read_csv(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_export_contains_the_selected_enquiries_and_is_safe_in_a_spreadsheet(admin_client):
    chosen = PartnershipEnquiryFactory(
        organisation_name='=HYPERLINK("http://evil.example","Click")',
        contact_name="王小明",
        job_title="+SUM(1,1)",
        phone="+44 115 496 0000",
        message="@cmd|' /C calc'!A0",
        email="wang@example.cn",
    )
    PartnershipEnquiryFactory(organisation_name="Not selected Council")
    response = admin_client.post(CHANGELIST, {"action": "export_csv", ACTION_CHECKBOX_NAME: [str(chosen.pk)]})
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="tep-enquiries-')
    header, row = read_csv(response)
    assert header[:5] == ["reference", "received", "status", "owner", "organisation"]
    record = dict(zip(header, row, strict=True))
    assert record["organisation"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert record["job title"] == "'+SUM(1,1)"
    assert record["message"] == "'@cmd|' /C calc'!A0"
    assert record["phone"] == "'+44 115 496 0000"
    assert record["contact name"] == "王小明"
    assert record["email"] == "wang@example.cn"
    assert record["interests"] == "Sister-city partnership"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("  =1+1", "'  =1+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1+1", "'＝1+1"),
        ("Plain text", "Plain text"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (42, "42"),
    ],
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected
