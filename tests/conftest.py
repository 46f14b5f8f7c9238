import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Views are tested as they render; tests/test_pagecache.py tests the page cache
    in front of them (the `page_cache` fixture switches it on)."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def demo_content(db):
    """The full demo content, as `make run` loads it."""
    call_command("load_demo_content", verbosity=0, stdout=open("/dev/null", "w"))
