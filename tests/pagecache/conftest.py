"""The page cache is switched on (tests/conftest.py switches it off for every other test) in
front of the demo content, for every test here."""

import pytest


@pytest.fixture(autouse=True)
def _cached_demo_site(page_cache, demo_content):
    pass
