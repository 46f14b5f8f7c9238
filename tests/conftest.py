import datetime

import pytest
from django.core.management import call_command

# Settings the shell can change (README "Configuration" and "Production") that tests rely on, at
# their defaults. Every test runs with these whatever is exported (ENQUIRY_MIN_FILL_SECONDS=0, the
# README's way to switch the time check off, must change no result); a test about one of them sets
# it itself. tests/test_project.py checks they are the defaults and that none is missing.
PINNED_SETTINGS = {
    "ENQUIRY_MIN_FILL_SECONDS": 3,
    "ENQUIRY_RATE_LIMIT": "5/10m",
    "ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY": 3,
    "ENQUIRY_RETENTION_MONTHS": 24,
    "ENQUIRY_NOTIFY_EMAILS": ["enquiries@trueeducationpartnership.com"],
    "SIGNIN_USERNAME_FREE_FAILURES": 10,
    "SIGNIN_USERNAME_MAX_DELAY": datetime.timedelta(minutes=15),
    "SIGNIN_LOG_RETENTION_DAYS": 90,
    "AXES_FAILURE_LIMIT": 5,
    "AXES_COOLOFF_TIME": datetime.timedelta(minutes=15),
    "TRUSTED_PROXY_COUNT": 0,
    "TRUSTED_PROXY_NETWORKS": ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
    "SESSION_COOKIE_AGE": 8 * 60 * 60,
}


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the test database is a file, not memory. With an in-memory database the
    live server's request threads all share the test's one connection, so requests
    cannot run side by side as they do on real app servers (tests/partnerships/
    test_enquiry_concurrency.py needs them to); with a file each thread has its own."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("sqlite") / "test.sqlite3")


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    for name, value in PINNED_SETTINGS.items():
        setattr(settings, name, value)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Empties the local-memory caches (default and pages) around each test. Only those: a test
    that points a cache at a Redis owns what it writes there (clear() would flush the database)."""
    from django.conf import settings
    from django.core.cache import caches

    def clear():
        for alias, options in settings.CACHES.items():
            if options["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
                caches[alias].clear()

    clear()
    yield
    clear()


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """LocaleMiddleware leaves the thread in the language of the last request it served; a test
    that fetched a /zh-hans/ page must not turn the next test's lazy English labels Chinese."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Views are tested as they render; tests/pagecache/ tests the page cache
    in front of them (the `page_cache` fixture switches it on)."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_STATUS_HEADER = True  # X-Page-Cache: hit/miss, which the tests read


@pytest.fixture
def demo_content(db):
    """The full demo content, as `make run` loads it."""
    call_command("load_demo_content", verbosity=0, stdout=open("/dev/null", "w"))
