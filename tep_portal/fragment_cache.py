"""Values and fragments kept per content generation: what keeps a page quick when
the page cache cannot serve it (after an edit, for a new search, with the page
cache off). Stored beside the pages, in the alias that may evict, under the same
content generation, so every staff edit empties them with the pages.

Two rules keep them correct:

- The generation is read once, when the request comes in, before the view reads
  any content (GenerationMiddleware). A fragment is served only if it was stored
  under that generation, and what the request renders is stored under it: if an
  edit lands while the request runs, what was rendered from the older content is
  stored under a generation that is already gone (the page cache's own rule).
- Only what any visitor may be shown is read or stored: a request that may not
  share its page (signed-in staff, so every preview of a draft; a POST; a request
  routed under a SCRIPT_NAME: pagecache.may_share) renders every fragment afresh.

Keys also carry the local date: what is published depends on it (an event dated
today becomes public at midnight without an edit), so each day starts afresh.
"""

import contextvars
import hashlib

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from . import pagecache

NOT_SHARED = "not shared"
_generation = contextvars.ContextVar("fragment_generation", default=None)


class GenerationMiddleware:
    """Notes the content generation the request's fragments are read and stored under."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _generation.set(self.generation(request))
        try:
            return self.get_response(request)
        finally:
            _generation.reset(token)

    @staticmethod
    def generation(request):
        if not settings.FRAGMENT_CACHE_ENABLED or not pagecache.may_share(request):
            return NOT_SHARED
        if pagecache.is_skipped_path(request.path_info):
            return NOT_SHARED  # the admin, health checks, files: they show no fragment
        if hasattr(request, "content_generation"):  # the page cache read it for this request
            return NOT_SHARED if request.content_generation is None else request.content_generation
        try:
            return pagecache.current_generation()
        except Exception as exc:
            pagecache._unavailable(exc)
            return NOT_SHARED


def read(key):
    """(the generation to use, what is stored under key or None); (None, None) when nothing may
    be shared or the cache does not answer. Outside a request (a command), the current generation."""
    generation = _generation.get()
    if generation == NOT_SHARED or not settings.FRAGMENT_CACHE_ENABLED:
        return None, None
    try:
        if generation is None:
            return pagecache._read(key)
        return generation, pagecache._cache().get(key)
    except Exception as exc:
        pagecache._unavailable(exc)
        return None, None


def store(key, generation, value):
    pagecache._quietly(pagecache._cache().set, key, (generation, value), settings.PAGE_CACHE_SECONDS)


def remember(name, compute, *vary):
    """compute()'s value, kept in the page cache's store for the request's content generation,
    language, release and day: shared by every request and every server until the next edit. For
    the expensive parts pages share whatever their query string says (choice lists, counts,
    rendered fragments; tep_portal/templatetags/fragments.py). Computed afresh, and not kept,
    when the request may not share (see above), the cache does not answer or
    FRAGMENT_CACHE_ENABLED is off."""
    language = get_language() or settings.LANGUAGE_CODE
    detail = hashlib.blake2b(repr(vary).encode(), digest_size=12).hexdigest() if vary else "-"
    release = f"{pagecache.ENTRY_FORMAT}:{pagecache.code_fingerprint()}"
    key = f"pagecache:fragment{release}:{timezone.localdate().isoformat()}:{language}:{name}:{detail}"
    generation, entry = read(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    if generation is not None:
        store(key, generation, value)
    return value
