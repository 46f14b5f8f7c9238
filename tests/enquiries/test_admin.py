"""The enquiry inbox in the admin: the list, its filters and search."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from .support import CHANGELIST, PartnershipEnquiryFactory

pytestmark = pytest.mark.django_db


def changelist_rows(response):
    return [str(enquiry.reference) for enquiry in response.context["cl"].result_list]


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
