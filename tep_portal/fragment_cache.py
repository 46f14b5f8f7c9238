"""Values and fragments kept per content generation: what keeps a page quick when
the page cache cannot serve it (after an edit, for a new search, with the page
cache off). Stored beside the pages, in the alias that may evict, under the same
content generation, so every staff edit empties them with the pages.
"""

import hashlib

from django.conf import settings
from django.utils.translation import get_language

from . import pagecache


def remember(name, compute, *vary):
    """compute()'s value, kept in the page cache's store for the current content
    generation, language and release: shared by every request and every server
    until the next edit. For the expensive parts pages share whatever their query
    string says (choice lists, counts, rendered fragments; tep_portal/templatetags/fragments.py).
    Computed afresh when the cache does not answer or FRAGMENT_CACHE_ENABLED is off."""
    if not settings.FRAGMENT_CACHE_ENABLED:
        return compute()
    language = get_language() or settings.LANGUAGE_CODE
    detail = hashlib.blake2b(repr(vary).encode(), digest_size=12).hexdigest() if vary else "-"
    key = f"pagecache:fragment{pagecache.ENTRY_FORMAT}:{pagecache.code_fingerprint()}:{language}:{name}:{detail}"
    try:
        generation, entry = pagecache._read(key)
    except Exception as exc:
        pagecache._unavailable(exc)
        return compute()
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    pagecache._quietly(pagecache._cache().set, key, (generation, value), settings.PAGE_CACHE_SECONDS)
    return value
