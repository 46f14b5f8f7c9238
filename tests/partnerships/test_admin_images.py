"""The hero image in the admin (#11): the description's error beside its field, a thumbnail, a
multi-line description, and replaced or deleted images gone from storage (disk and bucket)."""

import re
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from partnerships.models import ChinesePlace, Council, Partnership
from partnerships.renditions import image_set
from tests import test_images
from tests.admin.support import NO_PARTNERSHIP_INLINE_ROWS, change_form_data
from tests.test_images import encoded

# The fixtures of tests/test_images.py: the demo's Nottingham–Ningbo and a local S3 bucket.
partnership = test_images.partnership
s3_bucket = test_images.s3_bucket

pytestmark = pytest.mark.django_db(transaction=True)  # the files go once the save commits

DESCRIPTION_ERROR = "Describe the image for people who cannot see it."


def change_url(partnership):
    return reverse("admin:partnerships_partnership_change", args=[partnership.pk])


def photo(name="photo.jpg", size=(1200, 800)):
    return SimpleUploadedFile(name, encoded("JPEG", size=size))


def stored_files(settings):
    return sorted(str(p.relative_to(settings.MEDIA_ROOT)) for p in settings.MEDIA_ROOT.rglob("*.*"))


# The description's error: beside the field, nothing typed lost, never a 500 ---------------------


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_clearing_the_description_of_a_partnership_with_an_image_shows_the_error_beside_it(
    admin_client, partnership, settings, language
):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    admin_client.post(change_url(partnership), change_form_data(partnership, hero_image=photo()))
    partnership.refresh_from_db()
    assert partnership.hero_image

    response = admin_client.post(
        change_url(partnership),
        change_form_data(partnership, hero_image_alt_en="", summary_en="A summary typed just now."),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == HTTPStatus.OK
    form = response.context["adminform"].form
    assert "hero_image_alt_en" in form.errors
    page = response.content.decode()
    assert "A summary typed just now." in page  # what was typed is still in the form
    field_row = re.search(r'<div class="form-row[^"]*field-hero_image_alt_en.*?</div>\s*</div>', page, re.S).group(0)
    assert "errorlist" in field_row
    partnership.refresh_from_db()
    assert partnership.hero_image_alt_en == "The Council House in Nottingham's Old Market Square"


def test_adding_a_partnership_with_an_image_and_no_description_keeps_what_was_typed(admin_client, demo_content):
    council, place = Council.objects.get(slug="leeds"), ChinesePlace.objects.get(slug="ningbo")
    data = {
        "council": council.pk,
        "chinese_place": place.pk,
        "kind": "friendship-city",
        "status": "active",
        "confidence": "high",
        "summary_en": "Leeds and Ningbo plan a friendship link.",
        "body_zh_hans": "两市计划建立友好关系。",
        "hero_image": photo(),
        **NO_PARTNERSHIP_INLINE_ROWS,
    }
    response = admin_client.post(reverse("admin:partnerships_partnership_add"), data)
    assert response.status_code == HTTPStatus.OK
    assert response.context["adminform"].form.errors["hero_image_alt_en"] == [DESCRIPTION_ERROR]
    page = response.content.decode()
    assert "Leeds and Ningbo plan a friendship link." in page
    assert "两市计划建立友好关系。" in page
    assert not Partnership.objects.filter(council=council, chinese_place=place).exists()

    data.update(hero_image=photo(), hero_image_alt_en="Ningbo's Tianyi Square at night")
    response = admin_client.post(reverse("admin:partnerships_partnership_add"), data)
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    assert Partnership.objects.get(council=council, chinese_place=place).hero_image_alt_en.startswith("Ningbo")


# Thumbnail and description box -----------------------------------------------------------------


def test_change_form_and_list_show_a_thumbnail_and_the_description_is_a_text_area(admin_client, partnership):
    admin_client.post(change_url(partnership), change_form_data(partnership, hero_image=photo()))
    partnership.refresh_from_db()
    page = admin_client.get(change_url(partnership)).content.decode()
    thumb = re.search(r'<img class="admin-thumbnail" src="([^"]+)" width="120" height="80"', page)
    assert thumb, "no thumbnail in the change form"
    assert re.search(r"/renditions/partnerships/.+-240w\.jpg$", thumb.group(1))
    assert re.search(r'<textarea name="hero_image_alt_en"[^>]*rows="3"', page)
    assert re.search(r'<textarea name="hero_image_alt_zh_hans"[^>]*rows="3"', page)

    listing = admin_client.get(reverse("admin:partnerships_partnership_changelist")).content.decode()
    assert listing.count('class="admin-thumbnail"') == 1
    assert thumb.group(1) in listing


# Replaced and deleted images leave storage -------------------------------------------------------


def test_a_replaced_image_and_its_renditions_are_deleted_from_disk(admin_client, partnership, settings):
    admin_client.post(change_url(partnership), change_form_data(partnership, hero_image=photo("first.jpg")))
    partnership.refresh_from_db()
    first = partnership.hero_image.name
    image_set(partnership.hero_image)  # the public page's renditions
    admin_client.get(change_url(partnership))  # the thumbnail
    before = stored_files(settings)
    assert len([n for n in before if n.startswith("renditions/")]) == 4  # 480, 960, 1200 and the 240 thumbnail
    assert first in before

    admin_client.post(change_url(partnership), change_form_data(partnership, hero_image=photo("second.jpg")))
    partnership.refresh_from_db()
    assert partnership.hero_image.name != first
    assert stored_files(settings) == [partnership.hero_image.name]

    admin_client.post(change_url(partnership), change_form_data(partnership, **{"hero_image-clear": "on"}))
    partnership.refresh_from_db()
    assert not partnership.hero_image
    assert stored_files(settings) == []


def test_deleting_a_partnership_deletes_its_image(admin_client, partnership, settings):
    admin_client.post(change_url(partnership), change_form_data(partnership, hero_image=photo()))
    partnership.refresh_from_db()
    image_set(partnership.hero_image)
    assert stored_files(settings)
    partnership.events.clear()
    response = admin_client.post(
        reverse("admin:partnerships_partnership_delete", args=[partnership.pk]), {"post": "yes"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert stored_files(settings) == []


def test_a_failed_save_keeps_the_image(partnership, settings):
    partnership.hero_image_alt_en = "The Council House"
    partnership.hero_image.save("first.jpg", photo())
    first = partnership.hero_image.name
    with pytest.raises(RuntimeError), transaction.atomic():
        partnership.hero_image = ""
        partnership.hero_image_alt_en = ""
        partnership.save()
        raise RuntimeError("rolled back")
    assert stored_files(settings) == [first]


@pytest.fixture
def fresh_moto():
    """moto keeps its buckets in the process: start from none, whichever S3 test ran before."""
    from moto.core.base_backend import BackendDict
    from moto.core.model_instances import reset_model_data

    BackendDict.reset()
    reset_model_data()


def test_a_replaced_image_and_its_renditions_are_deleted_from_the_bucket(
    admin_client, partnership, fresh_moto, s3_bucket
):
    client, _ = s3_bucket

    def keys():
        return sorted(item["Key"] for item in client.list_objects_v2(Bucket="tep-media").get("Contents", []))

    admin_client.post(change_url(partnership), change_form_data(partnership, hero_image=photo("first.jpg")))
    partnership.refresh_from_db()
    image_set(partnership.hero_image)
    admin_client.get(change_url(partnership))
    first = keys()
    assert len(first) == 5  # the upload, three renditions and the thumbnail

    admin_client.post(change_url(partnership), change_form_data(partnership, hero_image=photo("second.jpg")))
    partnership.refresh_from_db()
    assert keys() == [f"media/{partnership.hero_image.name}"]
