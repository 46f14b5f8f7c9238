"""Reviewing one enquiry in the admin: the submission read-only, moving its status, assigning it,
adding notes that cannot be changed afterwards."""

from http import HTTPStatus

import pytest
from pytest_django.asserts import assertContains

from enquiries import services
from enquiries.choices import EnquiryStatus
from tests.factories import PartnershipFactory
from tests.html_forms import form_data

from .support import PartnershipEnquiryFactory, change_url

pytestmark = pytest.mark.django_db


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
