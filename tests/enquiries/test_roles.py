"""The two staff groups: what each can and cannot reach in the admin."""

import io
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from enquiries.models import EnquiryNote, PartnershipEnquiry
from tests.admin.support import staff_user

from .support import PartnershipEnquiryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def groups():
    call_command("create_staff_groups", stdout=io.StringIO())


def staff_client(client, django_user_model, group_name):
    user = staff_user(django_user_model, group_name)
    client.force_login(user)
    return client, user


def url(name, *args):
    return reverse(f"admin:{name}", args=args)


def test_command_is_idempotent_and_resets_permissions(groups):
    reviewers = Group.objects.get(name="Enquiry reviewers")
    reviewers.permissions.clear()
    out = io.StringIO()
    call_command("create_staff_groups", stdout=out)
    assert "Updated 'Enquiry reviewers' with 6 permissions." in out.getvalue()
    assert Group.objects.filter(name__in=["Content editors", "Enquiry reviewers"]).count() == 2
    codenames = set(reviewers.permissions.values_list("codename", flat=True))
    assert codenames == {
        "view_partnershipenquiry",
        "change_partnershipenquiry",
        "export_partnershipenquiry",
        "view_enquirynote",
        "add_enquirynote",
        "view_enquirystatuschange",
    }
    editors = set(Group.objects.get(name="Content editors").permissions.values_list("codename", flat=True))
    assert {"add_partnership", "change_council", "delete_timelineevent", "change_ukschool", "view_page"} <= editors
    assert not {code for code in editors if "enquir" in code or "seedrecord" in code}


@pytest.mark.parametrize(
    ("name", "args", "status"),
    [
        ("index", (), HTTPStatus.OK),
        ("partnerships_partnership_changelist", (), HTTPStatus.OK),
        ("partnerships_partnership_add", (), HTTPStatus.OK),
        ("partnerships_timelineevent_changelist", (), HTTPStatus.OK),
        ("schools_ukschool_changelist", (), HTTPStatus.OK),
        ("partnerships_page_changelist", (), HTTPStatus.OK),
        ("enquiries_partnershipenquiry_changelist", (), HTTPStatus.FORBIDDEN),
        ("enquiries_partnershipenquiry_change", ("ENQUIRY",), HTTPStatus.FORBIDDEN),
        ("auth_user_changelist", (), HTTPStatus.FORBIDDEN),
    ],
)
def test_content_editor_reaches_content_but_no_enquiries(client, django_user_model, groups, name, args, status):
    editor, _user = staff_client(client, django_user_model, "Content editors")
    enquiry = PartnershipEnquiryFactory()
    args = tuple(enquiry.pk if arg == "ENQUIRY" else arg for arg in args)
    assert editor.get(url(name, *args)).status_code == status


def test_content_editor_does_not_see_enquiries_on_the_admin_index(client, django_user_model, groups):
    editor, _user = staff_client(client, django_user_model, "Content editors")
    html = editor.get(url("index")).content.decode()
    assert "Partnerships" in html and "partnership enquiries" not in html.lower()


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("enquiries_partnershipenquiry_changelist", HTTPStatus.OK),
        ("enquiries_partnershipenquiry_change", HTTPStatus.OK),
        ("enquiries_partnershipenquiry_delete", HTTPStatus.FORBIDDEN),
        ("enquiries_partnershipenquiry_add", HTTPStatus.FORBIDDEN),
        ("partnerships_partnership_changelist", HTTPStatus.FORBIDDEN),
        ("partnerships_council_changelist", HTTPStatus.FORBIDDEN),
        ("schools_ukschool_changelist", HTTPStatus.FORBIDDEN),
        ("partnerships_page_changelist", HTTPStatus.FORBIDDEN),
    ],
)
def test_enquiry_reviewer_reaches_enquiries_but_no_content_and_cannot_delete(
    client, django_user_model, groups, name, status
):
    reviewer, _user = staff_client(client, django_user_model, "Enquiry reviewers")
    enquiry = PartnershipEnquiryFactory()
    args = (enquiry.pk,) if name.endswith(("_change", "_delete")) else ()
    assert reviewer.get(url(name, *args)).status_code == status


def test_enquiry_reviewer_can_review_note_and_export_but_not_delete_in_bulk(client, django_user_model, groups):
    from tests.html_forms import form_data

    reviewer, user = staff_client(client, django_user_model, "Enquiry reviewers")
    enquiry = PartnershipEnquiryFactory()
    change = url("enquiries_partnershipenquiry_change", enquiry.pk)
    html = reviewer.get(change).content.decode()
    assert 'name="move_to"' in html and "Status history" in html
    data = form_data(html, "partnershipenquiry_form")
    data.update({"move_to": "in-review", "notes-2-0-text": "Reviewer's note."})
    assert reviewer.post(change, data).status_code == HTTPStatus.FOUND
    enquiry.refresh_from_db()
    assert enquiry.status == "in-review"
    assert EnquiryNote.objects.get().author == user
    changelist = reviewer.get(url("enquiries_partnershipenquiry_changelist")).content.decode()
    assert 'value="export_csv"' in changelist and 'value="mark_contacted"' in changelist
    assert 'value="delete_selected"' not in changelist
    response = reviewer.post(
        url("enquiries_partnershipenquiry_changelist"),
        {"action": "delete_selected", "_selected_action": [enquiry.pk], "post": "yes"},
    )
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert PartnershipEnquiry.objects.filter(pk=enquiry.pk).exists()


def test_staff_without_a_group_reach_nothing(client, django_user_model, groups):
    user = django_user_model.objects.create_user("newcomer", is_staff=True)
    client.force_login(user)
    assert client.get(url("enquiries_partnershipenquiry_changelist")).status_code == HTTPStatus.FORBIDDEN
    assert client.get(url("partnerships_partnership_changelist")).status_code == HTTPStatus.FORBIDDEN
