"""Hero images: resized once with Pillow, never enlarged, shown with srcset, size and alt text."""

import re
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from partnerships.renditions import image_set
from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def image_file(size, fmt="JPEG", mode="RGB", exif=None):
    buffer = BytesIO()
    image = Image.new(mode, size, (200, 80, 40, 128) if mode == "RGBA" else (200, 80, 40))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, fmt, **kwargs)
    return ContentFile(buffer.getvalue())


def with_hero(size, name="hero.jpg", **kwargs):
    partnership = PartnershipFactory(hero_image_alt_en="The Robin Hood statue in Ningbo's Cultural Plaza")
    partnership.hero_image.save(name, image_file(size, **kwargs))
    return partnership


def opened(rendition):
    with default_storage.open(rendition.name) as handle:
        image = Image.open(handle)
        image.load()
        return image


def test_a_large_image_gets_three_renditions(db):
    partnership = with_hero((2400, 1200))
    renditions = image_set(partnership.hero_image).renditions
    assert [(r.width, r.height) for r in renditions] == [(480, 240), (960, 480), (1600, 800)]
    for rendition in renditions:
        assert default_storage.exists(rendition.name)
        assert opened(rendition).size == (rendition.width, rendition.height)
        assert rendition.name.startswith("renditions/partnerships/")


def test_an_image_is_never_enlarged(db):
    partnership = with_hero((700, 350))
    renditions = image_set(partnership.hero_image).renditions
    assert [r.width for r in renditions] == [480, 700]


def test_a_small_image_is_shown_at_its_own_size(db):
    partnership = with_hero((300, 200))
    assert [(r.width, r.height) for r in image_set(partnership.hero_image).renditions] == [(300, 200)]


def test_transparency_is_kept_as_png(db):
    partnership = with_hero((1000, 500), name="logo.png", fmt="PNG", mode="RGBA")
    renditions = image_set(partnership.hero_image).renditions
    assert all(r.name.endswith(".png") for r in renditions)
    assert opened(renditions[0]).mode == "RGBA"


def test_camera_orientation_is_applied_and_exif_dropped(db):
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif[0x010F] = "Camera maker"
    partnership = with_hero((1200, 600), exif=exif.tobytes())
    renditions = image_set(partnership.hero_image).renditions
    assert (renditions[-1].width, renditions[-1].height) == (600, 1200)
    assert not opened(renditions[-1]).getexif()


def test_renditions_are_made_once(db, django_assert_num_queries):
    partnership = with_hero((1200, 600))
    first = image_set(partnership.hero_image)
    names = default_storage.listdir("renditions/" + partnership.hero_image.name.rsplit("/", 1)[0])[1]
    with django_assert_num_queries(0):
        assert image_set(partnership.hero_image) == first
    assert default_storage.listdir("renditions/" + partnership.hero_image.name.rsplit("/", 1)[0])[1] == names


def test_unreadable_upload_gives_no_image_not_an_error(db):
    partnership = PartnershipFactory(hero_image_alt_en="Broken")
    partnership.hero_image.save("broken.jpg", ContentFile(b"not an image"))
    assert not image_set(partnership.hero_image)
    partnership.hero_image.name = "partnerships/missing.jpg"
    assert not image_set(partnership.hero_image)


def test_partnership_page_shows_the_hero_with_srcset_size_and_alt(client, db):
    partnership = with_hero((2400, 1600))
    body = client.get(partnership.get_absolute_url()).content.decode()
    img = re.search(r'<img src="[^"]+-960w\.jpg"[^>]*>', body).group(0)
    assert re.search(r'srcset="[^"]+-480w\.jpg 480w, [^"]+-960w\.jpg 960w, [^"]+-1600w\.jpg 1600w"', img)
    assert 'width="960" height="640"' in img
    assert "sizes=" in img
    assert 'alt="The Robin Hood statue in Ningbo&#x27;s Cultural Plaza"' in img
    assert re.search(r'<meta property="og:image" content="http://testserver/media/renditions/[^"]+-1600w\.jpg">', body)


def test_partnership_page_without_an_image_has_no_img(client, db):
    partnership = PartnershipFactory()
    body = client.get(partnership.get_absolute_url()).content.decode()
    assert "hero-image" not in body
    assert "/static/img/og-image.png" in body


def test_partnership_page_with_a_broken_image_still_renders(client, db):
    partnership = PartnershipFactory(hero_image_alt_en="Broken")
    partnership.hero_image.save("broken.jpg", ContentFile(b"not an image"))
    response = client.get(partnership.get_absolute_url())
    assert response.status_code == 200
    assert "hero-image" not in response.content.decode()
