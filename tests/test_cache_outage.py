"""Redis down: every page a visitor can open still works, images included, and
enquiries are still taken. The cache is a real Redis client pointed at a port
nothing listens on, so every cache call fails as it does when Redis is gone."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image

from enquiries.models import PartnershipEnquiry
from partnerships.models import Partnership

from .browser.pages import PAGE_TYPES
from .enquiries.support import VALID_ANSWERS
from .html_forms import form_data

DEAD_REDIS = {"BACKEND": "tep_portal.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
PAGE_PATHS = sorted({(page.path, page.status) for page in PAGE_TYPES})


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": DEAD_REDIS, "pages": DEAD_REDIS}
    settings.ENQUIRY_MIN_FILL_SECONDS = 0  # the test sends the form at once


def jpeg(size=(1200, 600)):
    buffer = BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, "JPEG")
    return ContentFile(buffer.getvalue())


@pytest.fixture(params=["without images", "with images"])
def images(request, demo_content):
    if request.param == "with images":
        for partnership in Partnership.objects.published():
            partnership.hero_image_alt_en = "A view of the city"
            partnership.hero_image.save(f"{partnership.slug}.jpg", jpeg(), save=True)
    return request.param


@pytest.mark.parametrize("page_cache_on", [True, False], ids=["page cache on", "page cache off"])
def test_every_page_type_opens_with_redis_down(client, settings, redis_down, images, page_cache_on):
    settings.PAGE_CACHE_ENABLED = page_cache_on
    for path, status in [*PAGE_PATHS, ("/timeline/feed/", 200), ("/sitemap.xml", 200), ("/robots.txt", 200)]:
        response = client.get(path)
        assert response.status_code == status, (path, response.content[:500])
    if images == "with images":
        page = client.get("/partnerships/nottingham-ningbo/").content.decode()
        assert 'srcset="' in page and "nottingham-ningbo" in page  # the hero image is shown, made without the cache


def test_an_enquiry_is_taken_with_redis_down(client, redis_down, demo_content):
    data = form_data(client.get("/register/").content.decode())
    response = client.post("/register/", {**data, **VALID_ANSWERS})
    assert response.status_code == 302
    assert response["Location"].endswith("/register/thanks/")
    assert PartnershipEnquiry.objects.filter(email=VALID_ANSWERS["email"]).count() == 1


def test_an_edit_is_saved_with_redis_down(redis_down, demo_content):
    with transaction.atomic():
        Partnership.objects.filter(slug="nottingham-ningbo").get().save()
    assert Partnership.objects.filter(slug="nottingham-ningbo").exists()


@pytest.mark.parametrize("page_cache_on", [True, False], ids=["page cache on", "page cache off"])
def test_an_outage_is_one_warning_line_a_page_and_none_for_a_health_check(
    client, settings, redis_down, demo_content, caplog, page_cache_on
):
    settings.PAGE_CACHE_ENABLED = page_cache_on

    def page_cache_lines():
        return [record for record in caplog.records if record.getMessage().startswith("Page cache")]

    with caplog.at_level("WARNING"):
        assert client.get("/healthz/").status_code == 200  # it says the cache is down in its own words
        assert page_cache_lines() == []
        assert client.get("/partnerships/").status_code == 200
    # The page cache (when on) and the fragments share the one reading of the generation.
    assert len(page_cache_lines()) == 1
