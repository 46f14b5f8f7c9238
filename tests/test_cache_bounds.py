"""The page cache cannot be filled by strangers, and a full Redis fails safe.

Random query parameters make no new entries. Pages live in a Redis that evicts
(allkeys-lru), the content generation and the rate limits in one that never
does (noeviction): when that one is full, an unpublished page is not served
from the cache any more, and enquiries are stored without a single 500. Real
redis-server processes with a 2 MB limit, started for the test."""

import uuid

import pytest
from django.core.cache import caches
from django.test import Client

from enquiries.models import PartnershipEnquiry
from partnerships.models import Partnership

from .enquiries.support import VALID_ANSWERS
from .html_forms import form_data
from .redis_servers import RedisServer

pytestmark = pytest.mark.usefixtures("page_cache", "demo_content")

DETAIL = "/partnerships/nottingham-ningbo/"
PAGES = ["/", "/partnerships/", DETAIL, "/timeline/", "/schools/", "/about/", "/register/", "/timeline/feed/"]


def stored_entries(kinds=("page", "part", "holes")):
    """Entries in the page store (local memory in the suite): whole pages and shared form pages
    by default; with kinds=None everything, shared fragments included."""
    keys = [key.split(":pagecache:", 1)[-1] for key in caches["pages"]._cache]
    return len([key for key in keys if kinds is None or key.startswith(kinds)])


def junk_requests():
    for path in PAGES:
        for query in (f"x={uuid.uuid4().hex}", f"utm_source={uuid.uuid4().hex}", "page=1&page=2"):
            response = client_for_junk.get(f"{path}?{query}")
            assert response.status_code in (200, 404), path
            assert "X-Page-Cache" not in response, f"{path}?{query}"


client_for_junk = Client()


def test_random_query_parameters_are_rendered_but_never_stored():
    for path in PAGES:
        client_for_junk.get(path)
    before = stored_entries()
    junk_requests()
    assert stored_entries() == before
    # Shared fragments (cards, forms) depend on what pages show, not on the junk: a second round adds none.
    everything = stored_entries(kinds=None)
    junk_requests()
    assert stored_entries(kinds=None) == everything


@pytest.mark.parametrize(
    "path", ["/partnerships/?q=Ningbo&kind=sister-city", "/timeline/?year=2019&partnership=Ningbo", "/schools/?page=1"]
)
def test_the_parameters_a_page_reads_are_still_cached(client, path):
    assert client.get(path)["X-Page-Cache"] == "miss"
    assert client.get(path)["X-Page-Cache"] == "hit"


def test_the_register_form_is_shared_only_for_the_partnership_it_came_from(client):
    client.get("/register/?partnership=nottingham-ningbo")
    before = stored_entries()
    for _ in range(5):
        assert client.get(f"/register/?x={uuid.uuid4().hex}").status_code == 200
    assert stored_entries() == before


@pytest.fixture
def small_redis(settings):
    """The recommended layout in miniature: state (generation, rate limits) that never evicts,
    pages that do."""
    state, pages = RedisServer(policy="noeviction"), RedisServer(policy="allkeys-lru")
    settings.CACHES = {"default": state.cache_settings(), "pages": pages.cache_settings()}
    settings.ENQUIRY_MIN_FILL_SECONDS = 0  # the test sends the form at once
    settings.ENQUIRY_RATE_LIMIT = "5/10m"
    yield state, pages
    state.stop()
    pages.stop()


def test_with_the_state_redis_full_an_unpublished_page_is_not_served_from_the_cache(client, small_redis):
    state, _pages = small_redis
    client.get(DETAIL)
    assert client.get(DETAIL)["X-Page-Cache"] == "hit"
    assert "nottingham-ningbo" in client.get("/partnerships/?q=Ningbo").content.decode()
    client.get("/partnerships/?q=Ningbo")

    state.fill()  # now Redis refuses every write to it, the generation's bump included
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    partnership.is_published = False
    partnership.save()

    for _ in range(2):
        assert client.get(DETAIL).status_code == 404
        assert "nottingham-ningbo" not in client.get("/partnerships/?q=Ningbo").content.decode()


def test_a_full_page_redis_evicts_old_entries_and_keeps_caching(client, small_redis):
    _state, pages = small_redis
    pages.fill()
    assert client.get("/timeline/")["X-Page-Cache"] == "miss"
    assert client.get("/timeline/")["X-Page-Cache"] == "hit"


def send_enquiries(count):
    statuses = []
    for number in range(count):
        visitor = Client()  # each a new visitor, all from one address (127.0.0.1)
        data = form_data(visitor.get("/register/").content.decode())
        answers = {**VALID_ANSWERS, "email": f"person{number}@example.org"}
        statuses.append(visitor.post("/register/", {**data, **answers}).status_code)
    return statuses


def test_with_the_state_redis_full_enquiries_are_stored_without_errors(small_redis):
    state, _pages = small_redis
    state.fill()
    statuses = send_enquiries(8)
    assert set(statuses) <= {302, 429}, statuses
    assert PartnershipEnquiry.objects.filter(email__startswith="person").count() == statuses.count(302)


def test_a_full_page_redis_does_not_reset_the_rate_limit(small_redis):
    _state, pages = small_redis
    pages.fill()
    assert send_enquiries(6) == [302] * 5 + [429]
