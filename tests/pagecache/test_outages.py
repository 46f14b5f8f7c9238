"""When the cache server is down or loses the generation counter, and while another request is
rendering the page asked for."""

import threading
import time

from django.test import Client

from partnerships.models import Partnership
from tep_portal import fragment_cache, pagecache

from .support import DETAIL


def test_pages_and_edits_still_work_when_the_cache_server_is_down(client, settings):
    # Nothing listens on port 1: every cache call fails with "connection refused".
    settings.CACHES = {
        **settings.CACHES,
        "down": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    settings.PAGE_CACHE_ALIAS = settings.PAGE_CACHE_STATE_ALIAS = "down"

    assert client.get(DETAIL).status_code == 200
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    partnership.year_note = "Saved while the cache was down."
    partnership.save()
    assert Partnership.objects.filter(year_note="Saved while the cache was down.").exists()
    assert "X-Page-Cache" not in client.get(DETAIL)


def test_generation_survives_losing_its_counter(client):
    """If the counter is evicted, it restarts from the clock, so no page stored
    under an old number can come back."""
    client.get("/")
    cache = pagecache._state_cache()
    old = cache.get(pagecache.GENERATION_KEY)
    cache.delete(pagecache.GENERATION_KEY)
    response = Client().get("/")
    assert response["X-Page-Cache"] == "miss"
    assert cache.get(pagecache.GENERATION_KEY) > old


def test_shared_fragments_are_computed_afresh_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "down": {"BACKEND": "tep_portal.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    settings.PAGE_CACHE_ALIAS = settings.PAGE_CACHE_STATE_ALIAS = "down"
    assert fragment_cache.remember("test-fragment", lambda: "computed") == "computed"
    assert client.get("/partnerships/?province=zhejiang").status_code == 200


def test_requests_for_a_page_being_rendered_wait_for_that_render(client, django_assert_num_queries):
    # Render once to learn what the stored entry looks like, then take it out again
    # and play the request that is busy rendering it: holding the lock, storing later.
    client.get(DETAIL)
    cache = pagecache._cache()
    request = client.get(DETAIL).wsgi_request
    key = pagecache.PageCacheMiddleware.key(request)
    entry = cache.get(key)
    cache.delete(key)
    lock = f"{key}:rendering:{pagecache._state_cache().get(pagecache.GENERATION_KEY)}"
    assert cache.add(lock, 1)

    def finish_rendering():
        time.sleep(0.2)
        cache.set(key, entry)
        cache.delete(lock)

    other = threading.Thread(target=finish_rendering)
    other.start()
    with django_assert_num_queries(0):
        response = client.get(DETAIL)
    other.join()
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_a_render_that_stores_nothing_does_not_keep_others_waiting(client, settings):
    settings.PAGE_CACHE_RENDER_WAIT = 30
    cache = pagecache._cache()
    client.get("/")
    request = client.get("/partnerships/no-such-partnership/").wsgi_request
    key = pagecache.PageCacheMiddleware.key(request)
    lock = f"{key}:rendering:{pagecache._state_cache().get(pagecache.GENERATION_KEY)}"
    assert cache.add(lock, 1)
    threading.Timer(0.2, cache.delete, args=[lock]).start()  # the other render ends with a 404: nothing stored

    response = client.get("/partnerships/no-such-partnership/")
    assert response.status_code == 404
