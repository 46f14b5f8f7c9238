"""The enquiry workflow on the model: which moves are allowed, who made them and when, and what
the database refuses."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from enquiries import services
from enquiries.choices import EnquiryStatus
from enquiries.models import EnquiryNote, EnquiryStatusChange, PartnershipEnquiry

from .support import PartnershipEnquiryFactory

pytestmark = pytest.mark.django_db


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


def test_notes_cascade_and_history_survive_only_with_their_enquiry(admin_user):
    enquiry = PartnershipEnquiryFactory()
    services.enquiry_add_note(enquiry=enquiry, author=admin_user, text="A note.")
    services.enquiry_change_status(enquiry=enquiry, status=EnquiryStatus.IN_REVIEW, by=admin_user)
    admin_user.delete()  # a member of staff leaves: the record stays, without them
    assert EnquiryNote.objects.get().author is None
    assert EnquiryStatusChange.objects.get().changed_by is None
