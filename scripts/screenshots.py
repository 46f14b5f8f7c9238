#!/usr/bin/env python3
"""`make screenshots`: full-page PNGs of every page type at phone and desktop width.

Starts the site on a throw-away in-memory database with the demo content (as the
browser tests do), opens each page of tests/browser/pages.py in Debian's Chromium
at 375 px and 1280 px wide, and writes screenshots/<page>-<width>.png (the folder
is git-ignored). It also loads each page at 320 px, the narrowest width the site
supports, and lists any page wider than the screen there (sideways scrolling).

Usage: .venv/bin/python scripts/screenshots.py [--out DIR] [--pages NAME …]
"""

import argparse
import io
import os
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTHS = {375: "phone", 1280: "desktop"}
NARROWEST = 320


def start_site():
    """A live server on a fresh test database holding the demo content."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tep_portal.settings")
    # Playwright's sync API runs an asyncio loop in this thread; the ORM calls stay synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    warnings.filterwarnings("ignore", "No directory at")  # staticfiles/ exists only after collectstatic
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import setup_databases, setup_test_environment
    from pytest_django.live_server_helper import LiveServer

    setup_test_environment(debug=False)  # the real 404 page, as visitors see it
    setup_databases(verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    settings.ENQUIRY_MIN_FILL_SECONDS = 0  # the empty form is sent at once
    settings.PAGE_CACHE_ENABLED = False
    server = LiveServer("localhost:0")
    server._live_server_modified_settings.enable()  # lets the server's host through ALLOWED_HOSTS
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the PNGs")
    parser.add_argument("--pages", nargs="*", help="page type names (default: all)")
    args = parser.parse_args()

    server = start_site()
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DEFAULT_LOCALE, SIZES
    from tests.browser.pages import PAGE_TYPES
    from tests.browser.test_accessibility import open_page_type

    page_types = [p for p in PAGE_TYPES if not args.pages or p.name in args.pages]
    args.out.mkdir(parents=True, exist_ok=True)
    too_wide = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        for width, size in [*WIDTHS.items(), (NARROWEST, "phone")]:
            options = {**SIZES[size], "viewport": {"width": width, "height": SIZES[size]["viewport"]["height"]}}
            context = browser.new_context(locale=DEFAULT_LOCALE, reduced_motion="reduce", **options)
            page = context.new_page()
            for page_type in page_types:
                open_page_type(page, server.url, page_type)
                scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
                if scroll_width > width:
                    too_wide.append(f"{page_type.name} ({page_type.path}) at {width} px: {scroll_width} px wide")
                if width in WIDTHS:
                    path = args.out / f"{page_type.name}-{width}.png"
                    page.screenshot(path=path, full_page=True, animations="disabled")
                    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")  # noqa: T201
            context.close()
        browser.close()
    server.stop()
    for line in too_wide:
        print(f"Sideways scrolling: {line}")  # noqa: T201
    return 1 if too_wide else 0


if __name__ == "__main__":
    sys.exit(main())
