"""Issue 12: the inbox cannot be made to fail or to reveal, and is kinder to the people using it:
crafted filters, the view-on-site shortcut, owners, reopening, mailto links, .xlsx export, 403."""

import io
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from enquiries import services
from enquiries.choices import EnquiryStatus
from enquiries.models import EnquiryStatusChange
from tep_portal.admin_views import permission_denied
from tests.admin.support import ENQUIRY_REVIEWERS, staff_user
from tests.factories import PartnershipFactory
from tests.html_forms import form_data

from .support import CHANGELIST, PartnershipEnquiryFactory, change_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(client, django_user_model):
    user = staff_user(django_user_model, ENQUIRY_REVIEWERS, "rreviewer", first_name="Rhiannon", last_name="Evans")
    client.force_login(user)
    client.user = user
    return client


# --- 9. Crafted filter values: an empty list, or a 400 for a NUL byte; never a 500 ----------------


@pytest.mark.parametrize(
    "query",
    [
        "owner=%C2%B2",  # "²".isdigit() is True, int("²") fails
        "owner=%D9%A3",  # an Arabic-Indic digit
        "owner=99999999999999999999999",
        "owner=-1",
        "status=nonsense",
        "status__exact=nonsense",
        "side__exact=taiwan",
        "region__exact=atlantis",
        "organisation_type__exact=guild",
        "interest=knitting",
    ],
)
def test_filter_values_that_are_none_of_the_choices_give_an_empty_list(reviewer, query):
    PartnershipEnquiryFactory(status="new", side="uk")
    assert len(reviewer.get(f"{CHANGELIST}?status__exact=new").context["cl"].result_list) == 1  # a real one finds it
    response = reviewer.get(f"{CHANGELIST}?{query}")
    assert response.status_code == HTTPStatus.OK
    assert list(response.context["cl"].result_list) == []


@pytest.mark.parametrize(
    "query",
    [
        "status=%00",
        "status__exact=%00",
        "region__exact=%00",
        "region=%00",
        "side__exact=%00",
        "organisation_type=%00",
        "interest=%00",
        "owner=1%00",
        "q=%00",
        "created_at__gte=%00",
        "o=%00",
        "p=%00",
    ],
)
def test_a_nul_byte_in_the_address_gets_a_400_not_a_500(reviewer, query):
    # PostgreSQL refuses NUL in a query; nobody's filter link carries one.
    chosen = PartnershipEnquiryFactory()
    response = reviewer.get(f"{CHANGELIST}?{query}")
    assertContains(response, "This list cannot be shown", status_code=HTTPStatus.BAD_REQUEST)
    # An action is posted to the list's address, filters included: the list is built from them too.
    data = {"action": "export_xlsx", ACTION_CHECKBOX_NAME: [str(chosen.pk)]}
    assertContains(reviewer.post(f"{CHANGELIST}?{query}", data), "cannot be shown", status_code=HTTPStatus.BAD_REQUEST)


def test_a_malformed_date_filter_is_refused_as_django_does(reviewer):
    response = reviewer.get(f"{CHANGELIST}?created_at__gte=not-a-date")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith("?e=1")


# --- 9. The view-on-site shortcut checks permissions ---------------------------------------------


def test_the_view_on_site_shortcut_reveals_nothing_a_reviewer_cannot_view(reviewer):
    draft = PartnershipFactory(is_published=False, slug="secret-draft-slug")
    content_type = ContentType.objects.get_for_model(draft)
    response = reviewer.get(f"/admin/r/{content_type.pk}/{draft.pk}/")
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)
    assert "secret-draft-slug" not in response.get("Location", "")
    assert b"secret-draft-slug" not in response.content


def test_the_view_on_site_shortcut_still_works_for_an_editor(admin_client):
    draft = PartnershipFactory(is_published=False, slug="a-draft")
    content_type = ContentType.objects.get_for_model(draft)
    response = admin_client.get(f"/admin/r/{content_type.pk}/{draft.pk}/")
    assert response.status_code == HTTPStatus.FOUND
    assert "a-draft" in response["Location"]


# --- 9. Owners: enquiry reviewers only, by full name ----------------------------------------------


def test_owners_offered_are_enquiry_reviewers_only_by_full_name(reviewer, django_user_model):
    editors = Group.objects.get(name="Content editors")
    editor = django_user_model.objects.create_user("eeditor", first_name="Edith", last_name="Ward", is_staff=True)
    editor.groups.add(editors)
    django_user_model.objects.create_user("ssomeone", first_name="Sam", last_name="Other", is_staff=True)
    enquiry = PartnershipEnquiryFactory()
    response = reviewer.get(change_url(enquiry))
    owner_field = response.context["adminform"].form.fields["owner"]
    labels = [label for value, label in owner_field.choices if value]
    assert labels == ["Rhiannon Evans"]


def test_staff_are_named_by_full_name_without_links_a_reviewer_cannot_open(reviewer, django_user_model):
    """The owner column, the status history's "by" and a note's author: a reviewer cannot open
    users in the admin, so a link there led to a 403."""
    colleague = staff_user(django_user_model, ENQUIRY_REVIEWERS, "gjones", first_name="Gareth", last_name="Jones")
    enquiry = PartnershipEnquiryFactory(owner=colleague)
    services.enquiry_change_status(enquiry=enquiry, status="in-review", by=colleague)
    services.enquiry_add_note(enquiry=enquiry, author=colleague, text="Phoned them.")
    listed = reviewer.get(CHANGELIST).content.decode()
    page = reviewer.get(change_url(enquiry)).content.decode()
    results = listed[listed.index('id="result_list"') :]
    assert "Gareth Jones" in results[: results.index("</table>")]  # the owner column, not only the filter
    assert page.count("Gareth Jones") >= 3  # the owner offered, the history's "by", the note's author
    for html in (listed, page):
        assert "/admin/auth/user/" not in html
        assert ">gjones<" not in html


def test_the_owner_filter_lists_owners_in_the_order_of_their_names(reviewer, django_user_model):
    for username, first, last in (("a", "Zoe", "Adams"), ("z", "Alan", "Zed")):
        owner = staff_user(django_user_model, ENQUIRY_REVIEWERS, username, first_name=first, last_name=last)
        PartnershipEnquiryFactory(owner=owner)
    filters = reviewer.get(CHANGELIST).context["cl"].filter_specs
    owner_filter = next(spec for spec in filters if getattr(spec, "parameter_name", "") == "owner")
    choices = [label for _lookup, label in owner_filter.lookup_choices]
    assert choices[2:] == ["Alan Zed", "Zoe Adams"]  # after "My enquiries" and "Unassigned"


# --- 10. Reopening a converted or declined enquiry, with who and why ------------------------------


@pytest.mark.parametrize("status", ["converted", "declined"])
def test_a_closed_enquiry_can_be_reopened_with_a_reason_recorded_in_the_history(reviewer, status):
    enquiry = PartnershipEnquiryFactory(status=status, closed_at=timezone.now())
    page = reviewer.get(change_url(enquiry))
    data = form_data(page.content.decode(), form_id="partnershipenquiry_form")
    data.update({"move_to": "in-review", "reopen_reason": ""})
    refused = reviewer.post(change_url(enquiry), data)
    assertContains(refused, "Say why you are reopening this enquiry")
    enquiry.refresh_from_db()
    assert enquiry.status == status
    data["reopen_reason"] = "Marked by mistake: they replied yesterday."
    response = reviewer.post(change_url(enquiry), data)
    assert response.status_code == HTTPStatus.FOUND
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.IN_REVIEW and enquiry.closed_at is None
    change = EnquiryStatusChange.objects.get(enquiry=enquiry)
    assert (change.from_status, change.to_status) == (status, "in-review")
    assert change.changed_by == reviewer.user
    assert change.reason == "Marked by mistake: they replied yesterday."
    assertContains(reviewer.get(change_url(enquiry)), "Marked by mistake: they replied yesterday.")


# --- 10. The email address as a mailto: link with the reference ----------------------------------


def test_the_email_address_is_a_mailto_link_with_the_reference_in_the_subject(reviewer):
    enquiry = PartnershipEnquiryFactory(email="li.wang+tep@example.co.uk", reference="TEP-2026-0042")
    html = reviewer.get(change_url(enquiry)).content.decode()
    start = html.index('href="mailto:')
    href = html[start + 6 : html.index('"', start + 6)].replace("&amp;", "&")
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    assert parts.path == "li.wang%2Btep@example.co.uk"
    assert "TEP-2026-0042" in parse_qs(parts.query)["subject"][0]
    assert ">li.wang+tep@example.co.uk</a>" in html


# --- 10. An .xlsx export beside the CSV, every cell text -------------------------------------------


def test_xlsx_export_types_every_cell_as_text(reviewer):
    chosen = PartnershipEnquiryFactory(
        organisation_name='=HYPERLINK("http://evil.example","Click")',
        contact_name="王小明",
        phone="+44 7700 900123",
        message="@cmd|' /C calc'!A0\nsecond line",
        job_title="-1",
    )
    PartnershipEnquiryFactory(organisation_name="Not selected Council")
    response = reviewer.post(CHANGELIST, {"action": "export_xlsx", ACTION_CHECKBOX_NAME: [str(chosen.pk)]})
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith('attachment; filename="tep-enquiries-')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, row = list(sheet.iter_rows())
    record = {h.value: cell for h, cell in zip(header, row, strict=True)}
    assert len(list(sheet.iter_rows())) == 2
    for cell in row:
        if cell.value is not None:  # an empty answer (no owner) is an empty cell
            assert cell.data_type == "s", (cell.coordinate, cell.value)  # text, never a formula or number
    assert record["organisation"].value == '=HYPERLINK("http://evil.example","Click")'  # no apostrophe
    assert record["phone"].value == "+44 7700 900123"
    assert record["job title"].value == "-1"
    assert record["contact name"].value == "王小明"
    assert record["message"].value == "@cmd|' /C calc'!A0\nsecond line"


# --- 10. The 403 page looks like the admin ------------------------------------------------------------


def test_a_forbidden_admin_page_is_styled_like_the_admin(reviewer):
    response = reviewer.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == HTTPStatus.FORBIDDEN
    html = response.content.decode()
    assertContains(response, "admin/css/base.css", status_code=403)
    assertContains(response, "You do not have permission to see this page", status_code=403)
    assertContains(response, 'href="/admin/"', status_code=403)
    assert "<h1>403 Forbidden</h1>" not in html


@pytest.mark.parametrize(("path", "is_staff"), [("/partnerships/", True), ("/admin/auth/user/", False)])
def test_outside_the_admin_or_for_non_staff_the_403_is_django_s_plain_one(rf, django_user_model, path, is_staff):
    # No public page refuses anyone today; the handler is site-wide (handler403), so it is called directly.
    request = rf.get(path)
    request.user = django_user_model.objects.create_user("someone", is_staff=is_staff)
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == HTTPStatus.FORBIDDEN
    assertContains(response, "403 Forbidden", status_code=HTTPStatus.FORBIDDEN)
    assertNotContains(response, "admin/css/base.css", status_code=HTTPStatus.FORBIDDEN)
