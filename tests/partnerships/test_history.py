"""Revision history (#11 point 3): who changed what, old and new side by side, restore a
version, recover a deleted record; a content editor can do all of it; enquiries stay out."""

import re
from http import HTTPStatus

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from enquiries.models import PartnershipEnquiry
from partnerships.models import Partnership, Quote, TimelineEvent
from schools.models import SisterSchoolLink, UKSchool
from tests.admin.support import CONTENT_EDITORS, change_form_data, staff_user
from tests.factories import PartnershipFactory, SisterSchoolLinkFactory, TimelineEventFactory
from tests.fetch import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = staff_user(django_user_model, CONTENT_EDITORS, "editor", first_name="Eda", last_name="Tor")
    client.force_login(user)
    return client


def form_data(partnership, **overrides):
    return change_form_data(partnership, hero_image_alt_en="", **overrides)


def url(name, *args):
    return reverse(f"admin:{name}", args=args)


def edit(client, partnership, **changes):
    response = client.post(url("partnerships_partnership_change", partnership.pk), form_data(partnership, **changes))
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    partnership.refresh_from_db()


def test_every_content_model_is_versioned_and_enquiries_are_not():
    from django.apps import apps

    content = [m for label in ("partnerships", "schools") for m in apps.get_app_config(label).get_models()]
    assert all(reversion.is_registered(model) for model in content)
    assert not reversion.is_registered(PartnershipEnquiry)
    assert not any(reversion.is_registered(m) for m in apps.get_app_config("enquiries").get_models())
    assert not any(reversion.is_registered(m) for m in apps.get_app_config("demo").get_models())


def test_history_shows_who_changed_what_with_old_and_new_values(editor):
    partnership = PartnershipFactory(summary_en="Founded on a shared love of Robin Hood.")
    edit(editor, partnership)  # the first version: the record as it was
    edit(editor, partnership, summary_en="Founded on trade and universities.", status="ended", year_ended="2022")

    response = editor.get(url("partnerships_partnership_history", partnership.pk))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    summary = next(text_of(row) for row in rows if "summary [en]" in text_of(row))
    assert "Founded on a shared love of Robin Hood." in summary
    assert summary.index("Robin Hood") < summary.index("Founded on trade and universities.")  # before, after
    status = next(text_of(row) for row in rows if re.search(r"\bstatus\b", text_of(row)))
    assert "Active" in status and "Ended" in status  # labels, not stored codes
    assert "editor (Eda Tor)" in text_of(page)
    assert "Restore this version" in page


def test_restoring_a_version_brings_back_the_old_values_and_its_quotes(editor):
    partnership = PartnershipFactory(summary_en="The original summary.")
    Quote.objects.create(partnership=partnership, speaker="Mayor", text_en="Friends.", is_published=True)
    edit(editor, partnership)
    old = Version.objects.get_for_object(partnership).get()
    edit(editor, partnership, summary_en="A mistaken edit.")
    Quote.objects.filter(partnership=partnership).delete()

    revision_url = url("partnerships_partnership_revision", partnership.pk, old.pk)
    form = editor.get(revision_url)
    assert form.status_code == HTTPStatus.OK
    assert "The original summary." in form.content.decode()
    partnership.refresh_from_db()
    assert partnership.summary_en == "A mistaken edit."  # showing a version changes nothing

    response = editor.post(revision_url, form_data(partnership, summary_en="The original summary."))
    assert response.status_code == HTTPStatus.FOUND
    partnership.refresh_from_db()
    assert partnership.summary_en == "The original summary."
    assert list(partnership.quotes.values_list("speaker", flat=True)) == ["Mayor"]


def test_a_deleted_partnership_is_recovered_with_its_events(editor):
    partnership = PartnershipFactory(slug="leeds-hangzhou", summary_en="Leeds and Hangzhou.")
    event = TimelineEventFactory(partnerships=[partnership], title_en="Mayor's visit")
    edit(editor, partnership)
    TimelineEvent.objects.filter(pk=event.pk).delete()  # events go with their partnership in practice
    response = editor.post(url("partnerships_partnership_delete", partnership.pk), {"post": "yes"})
    assert response.status_code == HTTPStatus.FOUND
    assert not Partnership.objects.filter(slug="leeds-hangzhou").exists()

    listing = editor.get(url("partnerships_partnership_changelist")).content.decode()
    recover_list_url = url("partnerships_partnership_recoverlist")
    assert f'href="{recover_list_url}"' in listing and "Recover deleted partnerships" in listing
    recover_list = editor.get(recover_list_url).content.decode()
    deleted = Version.objects.get_deleted(Partnership).get()
    recover_url = url("partnerships_partnership_recover", deleted.pk)
    assert recover_url in recover_list

    response = editor.post(recover_url, form_data(partnership))
    assert response.status_code == HTTPStatus.FOUND
    recovered = Partnership.objects.get(slug="leeds-hangzhou")
    assert recovered.summary_en == "Leeds and Hangzhou."
    assert list(recovered.events.values_list("title_en", flat=True)) == ["Mayor's visit"]


def test_a_school_is_versioned_with_its_links(editor):
    link = SisterSchoolLinkFactory(activities_en="Pen pals.")
    school = link.uk_school
    data = {
        "name_en": school.name,
        "slug": school.slug,
        "council": school.council_id,
        "town_en": school.town,
        "phase": school.phase,
        "is_published": "on",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "1",
        "links-0-id": link.pk,
        "links-0-uk_school": school.pk,
        "links-0-chinese_school": link.chinese_school_id,
        "links-0-year_started": "2018",
        "links-0-activities_en": "Pen pals.",
        "links-0-is_published": "on",
    }
    response = editor.post(url("schools_ukschool_change", school.pk), data)
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    version = Version.objects.get_for_object(school).get()
    followed = {v.content_type.model for v in version.revision.version_set.all()}
    assert followed == {"ukschool", "sisterschoollink"}
    SisterSchoolLink.objects.filter(pk=link.pk).update(activities_en="Overwritten.")
    version.revision.revert()
    assert SisterSchoolLink.objects.get(pk=link.pk).activities_en == "Pen pals."
    assert UKSchool.objects.filter(pk=school.pk).exists()


def test_restore_and_recover_empty_the_page_cache_at_once(editor, page_cache):
    from django.test import Client

    visitor = Client()
    partnership = PartnershipFactory(slug="bristol-guangzhou", summary_en="The original summary.")
    edit(editor, partnership)
    old = Version.objects.get_for_object(partnership).get()
    edit(editor, partnership, summary_en="A mistaken edit.")
    page = partnership.get_absolute_url()
    assert "A mistaken edit." in visitor.get(page).content.decode()
    assert visitor.get(page)["X-Page-Cache"] == "hit"

    editor.post(
        url("partnerships_partnership_revision", partnership.pk, old.pk),
        form_data(partnership, summary_en="The original summary."),
    )
    restored = visitor.get(page)
    assert restored["X-Page-Cache"] == "miss"
    assert "The original summary." in restored.content.decode()

    partnership.refresh_from_db()
    editor.post(url("partnerships_partnership_delete", partnership.pk), {"post": "yes"})
    assert visitor.get(page).status_code == HTTPStatus.NOT_FOUND
    assert visitor.get(page).status_code == HTTPStatus.NOT_FOUND
    deleted = Version.objects.get_deleted(Partnership).get()
    editor.post(url("partnerships_partnership_recover", deleted.pk), form_data(partnership))
    recovered = visitor.get(page)
    assert recovered.status_code == HTTPStatus.OK
    assert "The original summary." in recovered.content.decode()
