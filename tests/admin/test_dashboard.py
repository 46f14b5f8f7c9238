"""Issue 11, point 8: the admin index's dashboard, per role, in a fixed number of queries."""

import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from enquiries.models import PartnershipEnquiry
from partnerships.models import Partnership
from tests.factories import PartnershipEnquiryFactory, PartnershipFactory, TimelineEventFactory
from tests.fetch import text_of

from .support import CONTENT_EDITORS, ENQUIRY_REVIEWERS, staff_user

pytestmark = pytest.mark.django_db

INDEX = "/admin/"


def dashboard(client):
    response = client.get(INDEX)
    assert response.status_code == HTTPStatus.OK
    return response.context["dashboard"], response.content.decode()


def items(sections):
    return {item.label: item for section in sections for item in section.items}


@pytest.fixture
def reviewer(client, django_user_model):
    user = staff_user(django_user_model, ENQUIRY_REVIEWERS)
    client.force_login(user)
    return client, user


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(staff_user(django_user_model, CONTENT_EDITORS))
    return client


def test_reviewer_sees_new_unassigned_mine_and_oldest_enquiries(reviewer, django_user_model):
    client, user = reviewer
    colleague = django_user_model.objects.create_user("colleague", is_staff=True)
    old = PartnershipEnquiryFactory(organisation_name="Oldest Council")
    PartnershipEnquiry.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=9))
    PartnershipEnquiryFactory()  # new, unassigned
    PartnershipEnquiryFactory(owner=user, status="in-review")
    PartnershipEnquiryFactory(owner=colleague)
    PartnershipEnquiryFactory(status="spam", closed_at=timezone.now())

    sections, html = dashboard(client)
    found = items(sections)
    assert found["new enquiries"].count == 3
    assert found["open and unassigned"].count == 2
    assert found["open and assigned to me"].count == 1
    assert found["open in all"].count == 4
    assert found["open in all"].detail.startswith("the oldest has waited 1\xa0week")
    oldest = next(label for label in found if label.startswith("waiting longest"))
    assert "Oldest Council" in oldest
    # Reviewers see no content counts.
    assert not any("draft" in label for label in found)

    # Each link opens the inbox filtered to what the figure counts.
    for label, expected in (("new enquiries", 3), ("open and unassigned", 2), ("open and assigned to me", 1)):
        response = client.get(found[label].url)
        assert response.status_code == HTTPStatus.OK, found[label].url
        assert response.context["cl"].result_count == expected, label
    assert client.get(found[oldest].url).status_code == HTTPStatus.OK
    assert "Start here" in html and "Enquiries to review" in text_of(html)


def test_editor_sees_drafts_missing_chinese_low_confidence_and_future_events(editor):
    PartnershipFactory(is_published=False, confidence="low")
    PartnershipFactory(summary_en="English only.")
    TimelineEventFactory(date=timezone.localdate() + datetime.timedelta(days=400), is_published=False)
    TimelineEventFactory(title_en="Visit", title_zh_hans="访问")
    PartnershipEnquiryFactory()

    sections, html = dashboard(editor)
    found = items(sections)
    assert found["draft partnerships"].count == 1
    assert found["low-confidence partnerships"].count == 1
    assert found["future-dated timeline events"].count == 1
    assert found["draft timeline events"].count == 1
    # Factory partnerships have English summaries only; the event without a Chinese title counts.
    assert found["partnerships missing Chinese text"].count == Partnership.objects.count()
    assert found["timeline events missing Chinese text"].count == 1
    assert not any("enquir" in label for label in found)

    for label in (
        "draft partnerships",
        "low-confidence partnerships",
        "partnerships missing Chinese text",
        "future-dated timeline events",
        "timeline events missing Chinese text",
    ):
        response = editor.get(found[label].url)
        assert response.status_code == HTTPStatus.OK, found[label].url
        assert response.context["cl"].result_count == found[label].count, label


def test_superuser_sees_both_in_either_language(admin_client, admin_user, rf):
    from django.utils import translation

    from tep_portal.dashboard import sections_for

    PartnershipEnquiryFactory()
    PartnershipFactory(is_published=False)
    sections, _html = dashboard(admin_client)
    assert [section.title for section in sections][:2] == ["Enquiries to review", "Content waiting"]
    # The admin is served in English (its addresses have no language prefix); the labels are
    # translated all the same, for a Chinese-speaking member of staff's session.
    request = rf.get(INDEX)
    request.user = admin_user
    with translation.override("zh-hans"):
        labels = [item.label for section in sections_for(request) for item in section.items]
    assert "新的合作意向" in labels


@pytest.mark.parametrize("role", ["editor", "reviewer", "superuser"])
def test_dashboard_runs_fixed_queries(request, role, admin_client):
    client = {"editor": lambda: request.getfixturevalue("editor"), "superuser": lambda: admin_client}.get(
        role, lambda: request.getfixturevalue("reviewer")[0]
    )()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(INDEX).status_code == HTTPStatus.OK
        return len(captured)

    PartnershipEnquiryFactory()
    TimelineEventFactory()
    queries()
    few = queries()
    for _ in range(15):
        PartnershipEnquiryFactory()
        TimelineEventFactory(is_published=False)
    assert queries() == few
