"""A database made before the layout change (enquiries, demo bookkeeping and the event–school
relation in partnerships) migrates to today's layout and back with every row intact."""

import datetime
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("partnerships", "0006_enquiry_search_trigram_indexes"), ("schools", "0001_initial")]
BEFORE_TARGETS = [*BEFORE, ("enquiries", None), ("demo", None)]


def migrate(targets):
    """Migrate to `targets` and return the historical models of the state reached."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    nodes = [target for target in targets if target[1] is not None]
    return executor.loader.project_state(nodes).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.fixture
def old_database(transactional_db):
    apps = migrate(BEFORE_TARGETS)
    yield apps
    migrate(latest())


def make_old_rows(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    Council = apps.get_model("partnerships", "Council")
    Place = apps.get_model("partnerships", "ChinesePlace")
    Partnership = apps.get_model("partnerships", "Partnership")
    Event = apps.get_model("partnerships", "TimelineEvent")
    School = apps.get_model("schools", "UKSchool")
    Enquiry = apps.get_model("partnerships", "PartnershipEnquiry")
    Note = apps.get_model("partnerships", "EnquiryNote")
    Change = apps.get_model("partnerships", "EnquiryStatusChange")
    SeedRecord = apps.get_model("partnerships", "SeedRecord")

    reviewer = User.objects.create(username="reviewer", is_staff=True)
    council = Council.objects.create(name="Nottingham", slug="nottingham", region="east-midlands")
    place = Place.objects.create(name="Ningbo", slug="ningbo")
    partnership = Partnership.objects.create(
        slug="nottingham-ningbo", council=council, chinese_place=place, kind="twin-city", is_published=True
    )
    school = School.objects.create(name="The Fernwood School", slug="the-fernwood-school", council=council)
    event = Event.objects.create(date=datetime.date(2015, 11, 5), title="Visit", category="education")
    event.partnerships.add(partnership)
    event.schools.add(school)
    enquiry = Enquiry.objects.create(
        reference="TEP-2026-0001",
        submission_token=uuid.uuid4(),
        organisation_name="宁波市教育局",
        organisation_type="council",
        contact_name="王丽",
        job_title="Officer",
        email="li.wang@example.org",
        region="outside-uk",
        interest_sister_school=True,
        partnership=partnership,
        message="Hello",
        privacy_agreed_at=timezone.now(),
        status="in-review",
        owner=reviewer,
    )
    Note.objects.create(enquiry=enquiry, author=reviewer, text="Called back.")
    Change.objects.create(enquiry=enquiry, from_status="new", to_status="in-review", changed_by=reviewer)
    council_type = ContentType.objects.get(app_label="partnerships", model="council")
    SeedRecord.objects.create(key="council:nottingham", content_type=council_type, object_id=council.pk)
    enquiry_type = ContentType.objects.get(app_label="partnerships", model="partnershipenquiry")
    group = Group.objects.create(name="Enquiry reviewers")
    group.permissions.add(Permission.objects.get(content_type=enquiry_type, codename="view_partnershipenquiry"))
    return enquiry


def test_an_old_database_moves_to_the_new_layout_and_back(old_database):
    enquiry = make_old_rows(old_database)

    apps = migrate(latest())
    Enquiry = apps.get_model("enquiries", "PartnershipEnquiry")
    moved = Enquiry.objects.get()
    assert (moved.pk, moved.reference, moved.organisation_name, moved.status) == (
        enquiry.pk,
        "TEP-2026-0001",
        "宁波市教育局",
        "in-review",
    )
    assert moved.partnership.slug == "nottingham-ningbo"
    assert moved.owner.username == "reviewer"
    assert [note.text for note in apps.get_model("enquiries", "EnquiryNote").objects.filter(enquiry=moved)] == [
        "Called back."
    ]
    change = apps.get_model("enquiries", "EnquiryStatusChange").objects.get(enquiry=moved)
    assert (change.from_status, change.to_status) == ("new", "in-review")
    assert apps.get_model("demo", "SeedRecord").objects.get().key == "council:nottingham"
    school = apps.get_model("schools", "UKSchool").objects.get()
    assert [event.title for event in school.events.all()] == ["Visit"]
    # Permissions follow their content type: the reviewers keep what they had.
    group = apps.get_model("auth", "Group").objects.get(name="Enquiry reviewers")
    permission = group.permissions.get()
    assert (permission.content_type.app_label, permission.codename) == ("enquiries", "view_partnershipenquiry")

    apps = migrate(BEFORE_TARGETS)
    back = apps.get_model("partnerships", "PartnershipEnquiry").objects.get()
    assert (back.pk, back.reference) == (enquiry.pk, "TEP-2026-0001")
    assert apps.get_model("partnerships", "EnquiryNote").objects.count() == 1
    assert apps.get_model("partnerships", "EnquiryStatusChange").objects.count() == 1
    assert apps.get_model("partnerships", "SeedRecord").objects.count() == 1
    event = apps.get_model("partnerships", "TimelineEvent").objects.get()
    assert [school.slug for school in event.schools.all()] == ["the-fernwood-school"]
    assert apps.get_model("auth", "Permission").objects.get(group__name="Enquiry reviewers").content_type.app_label == (
        "partnerships"
    )
