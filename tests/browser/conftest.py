"""Browser test fixtures: Debian's Chromium driven by Playwright's sync API against
pytest-django's live server, and axe-core for accessibility checks.

pytest-playwright's fixtures are not used: they try to download their own browser,
which this environment cannot do.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.browser.axe import AXE_JS

# Playwright's sync API keeps an asyncio loop running in the test thread; Django then
# refuses ORM calls from that thread (SynchronousOnlyOperation) unless told otherwise.
# The ORM calls are still synchronous, so this is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("TEP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# Sizes the pages are checked at: a common phone (CSS pixels) and a laptop.
SIZES = {
    "phone": {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
DEFAULT_LOCALE = "en-GB"

# Everything load_demo_content creates lives in these apps.
DEMO_CONTENT_APPS = ["partnerships", "schools"]

# The URL the axe-core script is served from inside the browser (see `new_page`).
AXE_URL_PATH = "/__test__/axe.min.js"


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole test session."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium); "
            "Playwright cannot download its own browser here.",
            pytrace=False,
        )
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` in the repository root.", pytrace=False)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    except Exception:
        playwright.stop()
        raise
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture(scope="session")
def demo_content_file(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content as a Django fixture file.

    It is built once per session through the real `load_demo_content` command, inside
    a transaction that is rolled back; each browser test then restores it with
    `loaddata`, which is several times faster than running the loader again.
    """
    path = tmp_path_factory.mktemp("demo-content") / "demo_content.json"
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        # Natural keys: content type ids can differ after the flush between tests.
        call_command("dumpdata", *DEMO_CONTENT_APPS, natural_foreign=True, output=str(path), verbosity=0)
        transaction.set_rollback(True)
    return path


@pytest.fixture
def site(live_server, demo_content_file, settings):
    """The live server's base URL, serving the demo content.

    `live_server` makes the test transactional, so rows committed here are visible to
    the server thread (and are flushed after the test).
    """
    call_command("loaddata", str(demo_content_file), verbosity=0)
    # The enquiry form silently discards submissions made faster than a person could;
    # the browser fills it in within milliseconds.
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    return live_server.url


@pytest.fixture
def new_page(browser, live_server):
    """Factory: new_page(size="phone"|"desktop", locale="en-GB", **context_options) -> a Page
    in its own browser context (extra options go to browser.new_context, e.g. reduced_motion).

    Each page gets a fresh context (no cookies or storage shared between tests).
    Console errors and uncaught exceptions are collected in `page.errors` (CSP
    violations show up there).
    """
    contexts = []

    def make(size="desktop", locale=DEFAULT_LOCALE, **context_options):
        context = browser.new_context(locale=locale, **SIZES[size], **context_options)
        contexts.append(context)
        # Served from the site's own origin so axe-core loads under the strict CSP
        # (script-src 'self') exactly as a page script would; an inline <script>, which
        # page.add_script_tag(path=…) would insert, is blocked by it.
        context.route(f"{live_server.url}{AXE_URL_PATH}", lambda route: route.fulfill(path=AXE_JS))
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.errors = []

        def record(message):
            # The document's own error status (a 404 page) is logged too; tests check it directly.
            own_status = message.text.startswith("Failed to load resource") and message.location["url"] == page.url
            if message.type == "error" and not own_status:
                page.errors.append(message.text)

        page.on("console", record)
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(request, new_page):
    """A desktop page; parametrize indirectly with "phone" or "desktop" to choose."""
    return new_page(getattr(request, "param", "desktop"))


@pytest.fixture
def phone_page(new_page):
    return new_page("phone")


@pytest.fixture
def desktop_page(new_page):
    return new_page("desktop")


@pytest.fixture
def axe(live_server):
    """axe(page) -> the WCAG 2.2 A/AA violations axe-core finds on the page as it is now."""
    from tests.browser.axe import run_axe

    def check(page):
        return run_axe(page, f"{live_server.url}{AXE_URL_PATH}")

    return check
