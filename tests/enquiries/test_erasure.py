"""Issue 12: erasure and retention leave no copy behind: the admin's history (LogEntry) is
scrubbed too, the export lists it, and staff sign-in logs are purged by the same daily command."""

import datetime
import io
import json

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from enquiries import services
from enquiries.models import PartnershipEnquiry
from tests.html_forms import form_data

from .support import PartnershipEnquiryFactory

pytestmark = pytest.mark.django_db

NOTE = "Spoke to Li Wang at Plymouth Chinese Community Centre, mobile 07700 900123, keen on Ningbo"


def review_in_the_admin(admin_client, enquiry):
    """A reviewer adds a note and takes the enquiry on, through the admin: that writes LogEntry rows."""
    url = reverse("admin:enquiries_partnershipenquiry_change", args=[enquiry.pk])
    data = form_data(admin_client.get(url).content.decode(), form_id="partnershipenquiry_form")
    data.update({"notes-2-0-text": NOTE} if "notes-2-0-text" in data else {})
    note_fields = [name for name in data if name.endswith("-0-text")]
    assert note_fields, data.keys()
    data[note_fields[0]] = NOTE
    data["move_to"] = "in-review"
    assert admin_client.post(url, data).status_code == 302
    entries = LogEntry.objects.filter(object_id=str(enquiry.pk))
    assert entries.exists()
    return entries


def logged_text(enquiry_pk):
    return " ".join(
        f"{entry.object_repr} {entry.change_message}" for entry in LogEntry.objects.filter(object_id=str(enquiry_pk))
    )


@pytest.fixture
def li_wang():
    return PartnershipEnquiryFactory(
        organisation_name="普利茅斯华人社区中心 (Plymouth Chinese Community Centre)",
        contact_name="Li Wang",
        email="li.wang@example.co.uk",
    )


def test_the_admin_history_names_nobody_even_before_erasure(admin_client, li_wang):
    review_in_the_admin(admin_client, li_wang)
    text = logged_text(li_wang.pk)
    assert li_wang.reference in text
    for personal in ("普利茅斯", "Plymouth", "Li Wang", "07700"):
        assert personal not in text


def test_erasure_scrubs_the_admin_history_of_those_enquiries(admin_client, li_wang):
    other = PartnershipEnquiryFactory(organisation_name="Other Council")
    entries = review_in_the_admin(admin_client, li_wang)
    # Rows written by an older release, which still named the organisation and quoted the note.
    entries.update(
        object_repr=f"{li_wang.reference} – 普利茅斯华人社区中心",
        change_message=json.dumps([{"added": {"name": "internal note", "object": NOTE[:60]}}]),
    )
    LogEntry.objects.filter(pk=entries.first().pk).update(change_message="Changed note: " + NOTE)
    review_in_the_admin(admin_client, other)
    LogEntry.objects.filter(object_id=str(other.pk)).update(object_repr="TEP – Other Council")
    call_command("erase_personal_data", "li.wang@example.co.uk", "--yes", stdout=io.StringIO())
    text = logged_text(li_wang.pk)
    for personal in ("普利茅斯", "Plymouth", "Li Wang", "07700", "Ningbo"):
        assert personal not in text
    assert LogEntry.objects.filter(object_id=str(li_wang.pk)).exists()  # who did what when stays
    assert LogEntry.objects.get(object_id=str(other.pk), object_repr="TEP – Other Council")  # others untouched
    # Recent actions on the admin's home page.
    home = admin_client.get(reverse("admin:index")).content.decode()
    assert "普利茅斯" not in home


def test_retention_scrubs_the_admin_history_of_anonymised_enquiries(admin_client):
    enquiry = PartnershipEnquiryFactory(organisation_name="Plymouth Chinese Community Centre")
    review_in_the_admin(admin_client, enquiry)
    LogEntry.objects.filter(object_id=str(enquiry.pk)).update(object_repr="TEP – Plymouth Chinese Community Centre")
    enquiry.refresh_from_db()
    services.enquiry_change_status(enquiry=enquiry, status="declined", by=None)
    PartnershipEnquiryFactory._meta.model.objects.filter(pk=enquiry.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=800)
    )
    call_command("purge_enquiries", stdout=io.StringIO())
    assert "Plymouth" not in logged_text(enquiry.pk)


def test_the_export_lists_the_admin_history_too(admin_client, li_wang):
    review_in_the_admin(admin_client, li_wang)
    out = io.StringIO()
    call_command("export_personal_data", "li.wang@example.co.uk", stdout=out)
    history = json.loads(out.getvalue())["enquiries"][0]["admin_history"]
    assert len(history) == 1
    assert {"when", "by", "action", "object", "change"} == set(history[0])
    assert (history[0]["by"], history[0]["action"], history[0]["object"]) == ("admin", "changed", li_wang.reference)
    assert "internal note" in history[0]["change"]


def test_the_daily_command_purges_old_staff_sign_in_logs(settings):
    settings.SIGNIN_LOG_RETENTION_DAYS = 90
    old = AccessLog.objects.create(username="curator", ip_address="203.0.113.7", user_agent="x")
    recent = AccessLog.objects.create(username="curator", ip_address="203.0.113.8", user_agent="x")
    old_failure = AccessAttempt.objects.create(username="x", ip_address="198.51.100.1", failures_since_start=1)
    old_failure_log = AccessFailureLog.objects.create(username="x", ip_address="198.51.100.1", user_agent="x")
    recent_failure_log = AccessFailureLog.objects.create(username="y", ip_address="198.51.100.2", user_agent="x")
    long_ago = timezone.now() - datetime.timedelta(days=91)
    for model, pk in ((AccessLog, old.pk), (AccessAttempt, old_failure.pk), (AccessFailureLog, old_failure_log.pk)):
        model.objects.filter(pk=pk).update(attempt_time=long_ago)
    out = io.StringIO()
    call_command("purge_enquiries", stdout=out)
    assert list(AccessLog.objects.all()) == [recent]
    assert not AccessAttempt.objects.exists()
    assert list(AccessFailureLog.objects.all()) == [recent_failure_log]
    assert "staff sign-in records older than 90 days deleted" in out.getvalue()


def old_style_entry(object_id, object_repr, user):
    """An admin history row as a release before issue 12 wrote it: the organisation in the name,
    the note quoted in the change message."""
    return LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(PartnershipEnquiry),
        object_id=str(object_id),
        object_repr=object_repr,
        action_flag=CHANGE,
        change_message=json.dumps([{"added": {"name": "internal note", "object": NOTE[:60]}}]),
    )


def test_the_daily_command_scrubs_history_left_by_erasures_and_retention_before_the_upgrade(admin_user):
    # Li Wang's enquiry was erased by the old release (its rows are gone, its history stayed);
    # another was anonymised by it; a third is still held, and so is its history.
    erased = old_style_entry(999_999, "TEP-2026-0003 – 普利茅斯华人社区中心 (Plymouth)", admin_user)
    anonymised = PartnershipEnquiryFactory(reference="TEP-2026-0004", anonymised_at=timezone.now())
    anonymised_entry = old_style_entry(anonymised.pk, "TEP-2026-0004 – Plymouth Chinese Community Centre", admin_user)
    held = PartnershipEnquiryFactory(reference="TEP-2026-0005")
    held_entry = old_style_entry(held.pk, "TEP-2026-0005 – Exeter City Council", admin_user)
    call_command("purge_enquiries", stdout=io.StringIO())
    for entry, reference in ((erased, "TEP-2026-0003"), (anonymised_entry, "TEP-2026-0004")):
        entry.refresh_from_db()
        assert (entry.object_repr, entry.change_message) == (reference, "")
        assert entry.user == admin_user and entry.action_flag == CHANGE  # who did what when stays
    held_entry.refresh_from_db()
    assert held_entry.object_repr == "TEP-2026-0005 – Exeter City Council"  # still held, so is its history
    assert NOTE[:20] in held_entry.change_message
    home = admin_client_home(admin_user)
    assert "普利茅斯" not in home and "Plymouth" not in home


def admin_client_home(user):
    client = Client()
    client.force_login(user)
    return client.get(reverse("admin:index")).content.decode()
