"""The enquiry inbox in the admin: list, filters, search, workflow, notes, history, actions, CSV."""

import csv
import datetime
import io
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from enquiries import services
from enquiries.admin import spreadsheet_safe
from enquiries.models import EnquiryNote, EnquiryStatus, EnquiryStatusChange, PartnershipEnquiry
from tests.factories import PartnershipFactory
from tests.html_forms import form_data

from .support import PartnershipEnquiryFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:enquiries_partnershipenquiry_changelist")


def change_url(enquiry):
    return reverse("admin:enquiries_partnershipenquiry_change", args=[enquiry.pk])


def changelist_rows(response):
    return [str(enquiry.reference) for enquiry in response.context["cl"].result_list]


# --- The workflow on the model ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "allowed"),
    [
        ("new", ["in-review", "contacted", "spam"]),
        ("in-review", ["contacted", "declined", "spam"]),
        ("contacted", ["converted", "declined"]),
        ("converted", ["in-review"]),  # reopening, with a reason (test_inbox.py)
        ("declined", ["in-review"]),
        ("spam", ["new"]),
    ],
)
def test_workflow_allows_exactly_these_moves(start, allowed, admin_user):
    closed = timezone.now() if start in ("converted", "declined", "spam") else None
    enquiry = PartnershipEnquiryFactory(status=start, closed_at=closed)
    assert [str(status) for status in enquiry.allowed_next_statuses()] == allowed
    for status in EnquiryStatus.values:
        if status in allowed:
            continue
        with pytest.raises(ValidationError) as refused:
            services.enquiry_change_status(enquiry=enquiry, status=status, by=admin_user)
        assert refused.value.code == "invalid_transition"
    enquiry.refresh_from_db()
    assert enquiry.status == start
    assert not EnquiryStatusChange.objects.exists()


def test_moving_records_who_and_when_and_closing_sets_closed_at(admin_user):
    enquiry = PartnershipEnquiryFactory()
    services.enquiry_change_status(enquiry=enquiry, status=EnquiryStatus.IN_REVIEW, by=admin_user)
    services.enquiry_change_status(enquiry=enquiry, status=EnquiryStatus.SPAM, by=admin_user)
    enquiry.refresh_from_db()
    assert enquiry.status == "spam" and enquiry.closed_at is not None
    services.enquiry_change_status(enquiry=enquiry, status=EnquiryStatus.NEW, by=admin_user)
    enquiry.refresh_from_db()
    assert enquiry.closed_at is None
    history = [(c.from_status, c.to_status, c.changed_by) for c in enquiry.status_changes.all()]
    assert history == [("new", "in-review", admin_user), ("in-review", "spam", admin_user), ("spam", "new", admin_user)]


def test_move_uses_the_stored_status_not_a_stale_copy(admin_user):
    enquiry = PartnershipEnquiryFactory()
    stale = PartnershipEnquiry.objects.get(pk=enquiry.pk)
    services.enquiry_change_status(enquiry=enquiry, status=EnquiryStatus.IN_REVIEW, by=admin_user)
    services.enquiry_change_status(enquiry=enquiry, status=EnquiryStatus.DECLINED, by=admin_user)
    with pytest.raises(ValidationError):  # "new → contacted" would be allowed, but it is declined now
        services.enquiry_change_status(enquiry=stale, status=EnquiryStatus.CONTACTED, by=admin_user)


def test_database_refuses_a_closed_status_without_closed_at():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnershipEnquiryFactory(status="declined", closed_at=None)


# --- The inbox -------------------------------------------------------------------------------


def test_inbox_lists_newest_first_with_the_columns_staff_need(admin_client, admin_user):
    now = timezone.now()
    old = PartnershipEnquiryFactory(
        created_at=now - datetime.timedelta(days=3), organisation_name="Leeds City Council", owner=admin_user
    )
    new = PartnershipEnquiryFactory(
        created_at=now - datetime.timedelta(hours=2),
        organisation_name="Ysgol Glantaf",
        contact_name="Siân Llŷr",
        region="wales",
        interest_sister_city=False,
        interest_sister_school=True,
        interest_trade=True,
    )
    response = admin_client.get(CHANGELIST)
    assert changelist_rows(response) == [new.reference, old.reference]
    for text in ("Ysgol Glantaf", "Siân Llŷr", "Wales", "Sister-school partnership, Trade and investment", "New"):
        assertContains(response, text)
    for header in (
        "Received",
        "Reference",
        "Side",
        "Organisation",
        "Contact name",
        "Based in",
        "Interests",
        "Owner",
        "Waiting",
    ):
        assertContains(response, header)
    assertContains(response, "2\xa0hours")  # waiting time of the open enquiry
    assertContains(response, admin_user.get_username())


def test_inbox_query_count_does_not_grow_with_the_number_of_enquiries(admin_client, admin_user):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(CHANGELIST).status_code == HTTPStatus.OK
        return len(queries)

    PartnershipEnquiryFactory.create_batch(3, owner=admin_user)
    few = count_queries()
    PartnershipEnquiryFactory.create_batch(30, owner=admin_user)
    assert count_queries() == few


def test_inbox_query_count_is_pinned(admin_client, admin_user, django_assert_num_queries):
    PartnershipEnquiryFactory.create_batch(20, owner=admin_user)
    admin_client.get(CHANGELIST)  # the session and user are loaded once per request either way
    # session, user, the owners for the filter, 2 counts, the page of rows with their owners joined,
    # 7 facet counts (one per filter: status, side, interest, region, type, owner, received)
    with django_assert_num_queries(13):
        admin_client.get(CHANGELIST)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status__exact": "in-review"}, {"B"}),
        ({"interest": "trade"}, {"B", "C"}),
        ({"interest": "sister-school"}, {"C"}),
        ({"region__exact": "wales"}, {"C"}),
        ({"organisation_type__exact": "school"}, {"C"}),
        ({"owner": "me"}, {"A"}),
        ({"owner": "none"}, {"B", "C"}),
        ({"created_at__gte": "2026-01-01 00:00:00+00:00"}, {"A", "B"}),
    ],
)
def test_inbox_filters(admin_client, admin_user, params, expected):
    made = {
        "A": PartnershipEnquiryFactory(reference="A", owner=admin_user),
        "B": PartnershipEnquiryFactory(reference="B", status="in-review", interest_trade=True),
        "C": PartnershipEnquiryFactory(
            reference="C",
            region="wales",
            organisation_type="school",
            interest_sister_school=True,
            interest_trade=True,
            created_at=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC),
        ),
    }
    assert made
    response = admin_client.get(CHANGELIST, params)
    assert response.status_code == HTTPStatus.OK
    assert set(changelist_rows(response)) == expected


def test_filters_show_counts(admin_client):
    PartnershipEnquiryFactory.create_batch(2, interest_trade=True)
    PartnershipEnquiryFactory(status="in-review")
    html = admin_client.get(CHANGELIST).content.decode()
    assert "In review (1)" in html
    assert "Trade and investment (2)" in html
    assert "Unassigned (3)" in html


def test_filter_counts_follow_the_other_filters(admin_client, admin_user):
    PartnershipEnquiryFactory(owner=admin_user, interest_trade=True)
    PartnershipEnquiryFactory(owner=admin_user, status="in-review", interest_trade=True)
    PartnershipEnquiryFactory(status="in-review", interest_trade=True, region="wales")
    html = admin_client.get(CHANGELIST, {"status__exact": "in-review"}).content.decode()
    assert "Trade and investment (2)" in html  # the new one is not counted
    assert "My enquiries (1)" in html
    assert "Unassigned (1)" in html
    assert "Wales (1)" in html
    # A filter's own choices are counted without itself, so each says what choosing it would show.
    assert "New (1)" in html and "In review (2)" in html
    html = admin_client.get(CHANGELIST, {"owner": "me", "interest": "trade"}).content.decode()
    assert "In review (1)" in html and "New (1)" in html
    assert f"{admin_user.get_username()} (2)" in html and "Unassigned (1)" in html


def test_search_uses_the_trigram_indexes_on_postgresql(admin_client):
    """On PostgreSQL each searched column has a trigram index (migration 0006), so a search
    does not read every enquiry; SQLite has no such index and scans."""
    from django.db import connection

    from enquiries.admin import PartnershipEnquiryAdmin

    PartnershipEnquiryFactory(organisation_name="Gwynedd Council")
    searched = [field.removeprefix("^").removeprefix("=") for field in PartnershipEnquiryAdmin.search_fields]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'enquiry_search_%'")
            assert cursor.fetchall() == []
            return
        # The test table is tiny, so reading it whole would win: leave the planner only bitmap index scans.
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        response = admin_client.get(CHANGELIST, {"q": "Gwynedd"})
        assert changelist_rows(response)
        plan = response.context["cl"].queryset.order_by().explain()
    for field in searched:
        assert f"enquiry_search_{field}_trgm" in plan, plan
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reloptions FROM pg_class WHERE relname LIKE 'enquiry_search_%'")
        options = dict(cursor.fetchall())
    # No pending list of unindexed entries for searches to read (see migration 0006).
    assert options == {f"enquiry_search_{field}_trgm": ["fastupdate=off"] for field in searched}


@pytest.mark.parametrize(
    "term", ["Gwynedd", "gwynedd council", "Rhiannon", "rhiannon@gwynedd.example", "dragon boats", "TEP-2026-0777"]
)
def test_inbox_search(admin_client, term):
    PartnershipEnquiryFactory(
        reference="TEP-2026-0777",
        organisation_name="Gwynedd Council",
        contact_name="Rhiannon Evans",
        email="rhiannon@gwynedd.example",
        message="Interested in dragon boats.",
    )
    PartnershipEnquiryFactory(organisation_name="Other Council")
    response = admin_client.get(CHANGELIST, {"q": term})
    assert changelist_rows(response) == ["TEP-2026-0777"]


def test_staff_cannot_add_enquiries_by_hand(admin_client):
    assert admin_client.get(reverse("admin:enquiries_partnershipenquiry_add")).status_code == HTTPStatus.FORBIDDEN
    assertNotContains(admin_client.get(CHANGELIST), "Add partnership enquiry")


# --- Reviewing one enquiry -------------------------------------------------------------------


def test_change_page_shows_the_submission_read_only_with_history_and_notes(admin_client, admin_user):
    partnership = PartnershipFactory()
    enquiry = PartnershipEnquiryFactory(partnership=partnership, message="<b>bold</b>\nsecond line")
    services.enquiry_change_status(enquiry=enquiry, status=EnquiryStatus.IN_REVIEW, by=admin_user)
    services.enquiry_add_note(enquiry=enquiry, author=admin_user, text="Phoned, left a message.")
    response = admin_client.get(change_url(enquiry))
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'name="organisation_name"' not in html and 'name="email"' not in html  # read-only
    assert enquiry.organisation_name in html and enquiry.email in html
    assert "&lt;b&gt;bold&lt;/b&gt;<br>second line" in html
    assert "Phoned, left a message." in html
    assert 'name="notes-0-text"' not in html  # a saved note cannot be edited
    assert "Status history" in html
    # Only the moves the workflow allows are offered.
    move_to = html.split('name="move_to"')[1].split("</select>")[0]
    assert 'value="contacted"' in move_to and 'value="declined"' in move_to
    assert 'value="converted"' not in move_to and 'value="new"' not in move_to


def review(admin_client, enquiry, **changes):
    """Post the change form as the browser would, with these fields changed."""
    data = form_data(admin_client.get(change_url(enquiry)).content.decode(), "partnershipenquiry_form")
    data.update(changes)
    return admin_client.post(change_url(enquiry), data)


def test_reviewer_moves_status_assigns_owner_and_adds_a_note(admin_client, admin_user):
    enquiry = PartnershipEnquiryFactory(organisation_name="Derby City Council")
    note_field = "notes-2-0-text"
    response = review(
        admin_client,
        enquiry,
        move_to="in-review",
        owner=str(admin_user.pk),
        organisation_name="Tampered",
        **{note_field: "Called the international officer."},
    )
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[-3000:]
    enquiry.refresh_from_db()
    assert enquiry.status == "in-review"
    assert enquiry.owner == admin_user
    assert enquiry.organisation_name == "Derby City Council"  # submitted data cannot be changed
    change = enquiry.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("new", "in-review", admin_user)
    note = enquiry.notes.get()
    assert (note.text, note.author) == ("Called the international officer.", admin_user)
    # The history is on the page.
    html = admin_client.get(change_url(enquiry)).content.decode()
    assert "Called the international officer." in html
    assert "In review" in html


def test_change_form_refuses_a_move_the_workflow_does_not_allow(admin_client):
    enquiry = PartnershipEnquiryFactory()
    response = review(admin_client, enquiry, move_to="converted")
    assert response.status_code == HTTPStatus.OK
    assertContains(response, "Select a valid choice")
    enquiry.refresh_from_db()
    assert enquiry.status == "new"


def test_notes_cannot_be_changed_or_deleted_through_the_form(admin_client, admin_user, django_user_model):
    colleague = django_user_model.objects.create_user("colleague", is_staff=True)
    enquiry = PartnershipEnquiryFactory()
    note = services.enquiry_add_note(enquiry=enquiry, author=colleague, text="Original note.")
    review(admin_client, enquiry, **{"notes-0-id": str(note.pk), "notes-0-text": "Rewritten", "notes-0-DELETE": "on"})
    note.refresh_from_db()
    assert note.text == "Original note." and note.author == colleague


# --- Actions ---------------------------------------------------------------------------------


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


def test_notes_cascade_and_history_survive_only_with_their_enquiry(admin_user):
    enquiry = PartnershipEnquiryFactory()
    services.enquiry_add_note(enquiry=enquiry, author=admin_user, text="A note.")
    services.enquiry_change_status(enquiry=enquiry, status=EnquiryStatus.IN_REVIEW, by=admin_user)
    admin_user.delete()  # a member of staff leaves: the record stays, without them
    assert EnquiryNote.objects.get().author is None
    assert EnquiryStatusChange.objects.get().changed_by is None
