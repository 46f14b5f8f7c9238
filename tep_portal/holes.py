"""Pages shared by every visitor but for a few values of each visitor's own, such as the
enquiry form's CSRF and form tokens: rendered once per content generation (see
tep_portal/pagecache.py) with holes where those values go. Such a page is never served by
the page cache: it is a shared fragment with holes, so FRAGMENT_CACHE_ENABLED switches it
(as it does tep_portal/fragment_cache.py), not PAGE_CACHE_ENABLED."""

import hashlib
import re
import secrets

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import fragment_cache, pagecache

HOLES_CONTEXT = "page_holes"


def render(request, template_name, context, *, holes, key=None):
    """A page that is the same for every visitor but for a few values of their own (the
    enquiry form's CSRF and form tokens), rendered once per content generation, code
    release and language and then shared by every server.

    The template writes `{% hole "name" %}` where each visitor's value goes. The shared
    render puts a marker there that no content can contain (it carries a random nonce),
    and the page is stored as the text between the holes; each request then joins the
    pieces with its own `holes` ({name: safe HTML}). `key` tells the variants of the page
    apart and must come from a bounded set (a published slug, never what a visitor types);
    None: this visitor's own page, never shared. Renders afresh, without storing, also
    when the request may not share pages or the cache does not answer.
    """
    if key is None or not _may_share(request):
        return render_to_string(template_name, {**context, HOLES_CONTEXT: holes}, request=request)
    cache_key = _cache_key(request, template_name, key)
    generation, entry = fragment_cache.read(cache_key)
    if entry is None or entry[0] != generation:
        nonce = secrets.token_hex(16)
        html = render_to_string(template_name, {**context, HOLES_CONTEXT: HoleMarkers(nonce)}, request=request)
        entry = (generation, re.split(f"<!--tep-hole:([a-z_]+):{nonce}-->", html))
        if generation is not None:
            fragment_cache.store(cache_key, generation, entry[1])
    return _fill(entry[1], holes)


def rendered(request, template_name, *, holes, key):
    """The shared page `render` stored under `key`, with this visitor's `holes`, if it is
    there for the current content generation; otherwise None (the caller then builds
    the page and calls `render`). Lets a view answer without the database when what
    it would look up is what the shared page was rendered from: an entry under a
    published slug exists only while that slug was published in this generation."""
    if not _may_share(request):
        return None
    generation, entry = fragment_cache.read(_cache_key(request, template_name, key))
    if entry is None or generation is None or entry[0] != generation:
        return None
    return _fill(entry[1], holes)


def _may_share(request):
    return settings.FRAGMENT_CACHE_ENABLED and pagecache.may_share(request)


def _cache_key(request, template_name, key):
    """Per release, language, template, variant, and scheme and host: the page holds absolute
    links (canonical, hreflang, og:url), as the page cache's entries do."""
    release = f"{pagecache.ENTRY_FORMAT}:{pagecache.code_fingerprint()}"
    origin = _digest(request.build_absolute_uri("/"))
    return f"pagecache:holes{release}:{get_language()}:{template_name}:{origin}:{_digest(key)}"


def _fill(pieces, holes):
    # re.split with a capturing group: text, hole name, text, hole name, …, text.
    return "".join(piece if index % 2 == 0 else str(holes[piece]) for index, piece in enumerate(pieces))


class HoleMarkers:
    """What `{% hole %}` writes during a shared render: a marker carrying the render's nonce."""

    def __init__(self, nonce):
        self.nonce = nonce

    def __getitem__(self, name):
        return mark_safe(f"<!--tep-hole:{name}:{self.nonce}-->")


def _digest(value):
    return hashlib.blake2b(str(value).encode(), digest_size=8).hexdigest()
