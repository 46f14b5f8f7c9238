"""Whole-page cache for anonymous visitors, emptied the moment staff change content.

Rendering a public page costs tens of milliseconds of template work; serving it
from the shared cache costs one cache round trip. So every anonymous GET of a
public page is rendered once and then served from the cache until any content
changes.

How it stays correct:

- One counter in the shared cache, the content *generation*, is bumped by every
  save, delete or many-to-many change of a model that public pages show (every
  model of the apps in settings.CONTENT_APPS; enquiries, which no public page
  shows, are not among them). A stored page remembers the generation it was rendered under
  and is served only while that is still the current one. The counter lives in
  the cache every app server shares (Redis via CACHE_URL), so an edit on one
  server empties the cache of all of them at once.
- The counter is bumped when the change is made and again when its transaction
  commits: a page rendered in between, from data read before the commit, is
  stored under a generation that is already gone by the time anyone asks.
- Only requests that carry no session or messages cookie (so: not signed-in
  staff) are served from or stored in the cache, so nothing personal or
  unpublished that staff can see is ever stored.
- Only plain 200 responses that set no cookie and do not ask not to be cached
  are stored. The admin, health checks, static files and the benchmark
  endpoint are skipped outright, and so is any view that says
  `page_cache_exempt = True` (the enquiry form: each visitor's own CSRF token;
  it shares the blank form's body through cached_fragment() instead).
- The key is the scheme, host and full path with its query string, the language
  and a fingerprint of the code and templates, so a deploy never serves pages
  rendered by the previous release.

After an edit every page is missing at once; a page is then rendered by one
request while the others asking for it wait for that render (a lock in the
shared cache), so a busy moment does not turn into sixteen identical renders.

Pages are stored gzip-compressed (once, when stored) and sent compressed to
every client that accepts it, which every browser does; a tenth of the bytes to
read from the cache and to send to a phone.

Stored pages carry an ETag and Last-Modified; a browser revalidating with
If-None-Match gets a 304 without a body. Browsers are told to revalidate every
time (max-age=0 by default), because staff edits must show at once.
"""

import gzip
import hashlib
import logging
import re
import time
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_from_path

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Part of every page key: a change to what an entry holds must never meet entries in the old shape.
ENTRY_FORMAT = 3

# Paths never cached, after the optional language prefix: staff pages, health
# checks that must measure the server now, files. Views skip themselves with
# a `page_cache_exempt = True` attribute (see is_exempt_view).
SKIPPED_PATHS = ("admin", "healthz", "i18n", "bench", "static", "media")

# A response varying on anything else (Accept-Encoding from a compressing
# middleware, say) could differ between two visitors with the same key.
# Language is part of the key; Cookie is safe because only requests without a
# session or messages cookie are served from the cache.
HARMLESS_VARY = {"cookie", "accept-language"}

MESSAGES_COOKIE = "messages"

# Pages are stored gzip-compressed from this size up; the compressed copy's ETag ends in "-gz".
GZIP_MIN_BYTES = 512
GZIP_ETAG_SUFFIX = "-gz"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")

# How long a render may hold its lock (a crashed worker's lock expires), and how
# often requests waiting for that render look for its result.
RENDER_LOCK_SECONDS = 30
RENDER_POLL_SECONDS = 0.02


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def enabled():
    return settings.PAGE_CACHE_ENABLED


# Generation --------------------------------------------------------------------


def bump_generation():
    """Make every stored page stale, on every app server."""
    cache = _cache()
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            _start_generation(cache, replace=True)
    except Exception:
        # The edit itself has been saved; a cache outage must not turn it into a 500.
        # Pages stored before the outage expire after PAGE_CACHE_SECONDS at the latest.
        logger.exception("Page cache: could not bump the content generation")


def _start_generation(cache, *, replace=False):
    # Start from the clock, not from 1: if the counter was evicted while pages
    # stored under an old number survived, no old number can ever come back.
    value = time.time_ns()
    if replace:
        cache.set(GENERATION_KEY, value, timeout=None)
    elif not cache.add(GENERATION_KEY, value, timeout=None):
        return cache.get(GENERATION_KEY)
    return value


def content_changed(sender, using=None, action=None, **kwargs):
    """Signal receiver for every change to a model that public pages show."""
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed's pre_add / pre_remove / pre_clear
    bump_generation()
    transaction.on_commit(bump_generation, using=using)


_watched = set()


def watch_app(app_config):
    """Connect content_changed to every model of a content app (tep_portal.apps, settings.CONTENT_APPS)."""
    for model in app_config.get_models(include_auto_created=True):
        _watched.add(model._meta.label_lower)
        uid = f"pagecache:{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
        m2m_changed.connect(content_changed, sender=model, dispatch_uid=uid)


def watched_models():
    """Labels of the models whose changes empty the cache (for tests and the README)."""
    return sorted(_watched)


# Code fingerprint -------------------------------------------------------------

_fingerprint = None
FINGERPRINT_SUFFIXES = {".py", ".html", ".txt", ".xml", ".mo", ".json"}


def code_fingerprint():
    """A short hash of what shapes a page besides the data: our code, templates,
    translations, the static files manifest and Django's version. Computed once
    per process from file contents, so identical releases on different machines
    share their cached pages and a new release starts afresh. PAGE_CACHE_VERSION
    (e.g. the release's git commit) replaces the hash when set."""
    global _fingerprint
    if _fingerprint is None and settings.PAGE_CACHE_VERSION:
        _fingerprint = settings.PAGE_CACHE_VERSION  # the release's own identifier, e.g. its git commit
    if _fingerprint is None:
        digest = hashlib.blake2b(django.get_version().encode(), digest_size=8)
        base = Path(settings.BASE_DIR)
        roots = [Path(app.path) for app in apps.get_app_configs() if Path(app.path).is_relative_to(base)]
        roots += [Path(d) for template in settings.TEMPLATES for d in template.get("DIRS", [])]
        roots += [Path(p) for p in getattr(settings, "LOCALE_PATHS", [])]
        files = [path for root in roots if root.is_dir() for path in root.rglob("*") if path.is_file()]
        manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
        if manifest.is_file():
            files.append(manifest)
        for path in sorted(set(files)):
            if path.suffix in FINGERPRINT_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base) if path.is_relative_to(base) else path).encode())
                digest.update(path.read_bytes())
        _fingerprint = digest.hexdigest()
    return _fingerprint


# Shared requests -----------------------------------------------------------------


def is_shareable_request(request):
    """An anonymous GET/HEAD whose page may be shared with every visitor: the page
    cache is on and no session or messages cookie (signed-in staff) is carried."""
    if not enabled() or request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def is_exempt_view(path):
    """Whether the view at `path` says its pages are not to be cached (`page_cache_exempt = True`
    on the view function or its class). Resolved in the path's own language, as the URLconf
    will: the page cache runs before LocaleMiddleware."""
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            view = resolve(path).func
    except Resolver404:
        return False
    return getattr(view, "page_cache_exempt", False) or getattr(
        getattr(view, "view_class", None), "page_cache_exempt", False
    )


def _request_key(kind, request):
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    url = request.build_absolute_uri()  # scheme and host: pages hold absolute links
    url_hash = hashlib.blake2b(url.encode(), digest_size=16).hexdigest()
    return f"pagecache:{kind}{ENTRY_FORMAT}:{code_fingerprint()}:{language}:{url_hash}"


def _read(cache, key):
    """(the current generation, what is stored under key or None), in one round trip."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = _start_generation(cache)
    return generation, found.get(key)


def cached_fragment(name, render, *, vary=""):
    """Text that `render()` returns, rendered once per content generation, code
    release, language and `vary`, and then shared by every server.

    For a part of a page that is the same for everyone while the page around it
    is not (the blank enquiry form inside a page carrying each visitor's
    tokens). `vary` must come from a bounded set (a published slug, not
    anything a visitor types). Renders afresh when the cache does not answer.
    """
    if not enabled():
        return mark_safe(render())
    vary_hash = hashlib.blake2b(str(vary).encode(), digest_size=8).hexdigest()
    key = f"pagecache:fragment{ENTRY_FORMAT}:{code_fingerprint()}:{get_language()}:{name}:{vary_hash}"
    try:
        cache = _cache()
        generation, entry = _read(cache, key)
    except Exception:
        logger.warning("Page cache unavailable; rendering the fragment %s", name)
        return mark_safe(render())
    if entry is None or entry[0] != generation:
        entry = (generation, render())
        _quietly(cache.set, key, entry, settings.PAGE_CACHE_SECONDS)
    return mark_safe(entry[1])


# Middleware --------------------------------------------------------------------


class PageCacheMiddleware:
    """Serves and stores whole public pages; see the module docstring.

    Sits just inside SecurityMiddleware, the project's header middleware and
    WhiteNoise, so a cached page still gets fresh security headers and CSP on
    the way out, while sessions, locale, CSRF, auth and the view are skipped.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
        skipped = "|".join(re.escape(path) for path in SKIPPED_PATHS)
        self.skipped = re.compile(rf"^/(?:(?:{languages})/)?(?:{skipped})(?:/|$)")

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = self.key(request)
            cache = _cache()
            generation, entry = _read(cache, key)
        except Exception:
            logger.exception("Page cache unavailable; rendering the page")
            return self.get_response(request)

        if entry is not None and entry[0] == generation:
            return self.serve(request, entry[1], "hit")

        # One request renders a missing page; others asking for it meanwhile wait
        # for its result instead of all rendering it at once (after every staff
        # edit, every page is missing on every server at the same moment).
        lock = f"{key}:rendering:{generation}"
        try:
            rendering_here = cache.add(lock, 1, timeout=RENDER_LOCK_SECONDS)
        except Exception:
            rendering_here = False
        if not rendering_here:
            entry = self.wait_for_render(cache, key, lock, generation)
            if entry is not None:
                return self.serve(request, entry[1], "hit")

        try:
            response = self.get_response(request)
            if request.method == "GET" and self.is_cacheable_response(response):
                return self.serve(request, self.store(request, response, cache, key, generation), "miss")
            return response
        finally:
            if rendering_here:
                _quietly(cache.delete, lock)

    @staticmethod
    def wait_for_render(cache, key, lock, generation):
        """The page another request is rendering, once stored; None when it will
        not come (not cacheable, content changed again, or taking too long)."""
        deadline = time.monotonic() + settings.PAGE_CACHE_RENDER_WAIT
        while time.monotonic() < deadline:
            time.sleep(RENDER_POLL_SECONDS)
            try:
                found = cache.get_many([GENERATION_KEY, key, lock])
            except Exception:
                return None
            entry = found.get(key)
            if entry is not None and entry[0] == found.get(GENERATION_KEY):
                return entry
            if lock not in found or found.get(GENERATION_KEY) != generation:
                return None
        return None

    def is_cacheable_request(self, request):
        return (
            is_shareable_request(request)
            and not self.skipped.match(request.path_info)
            and not is_exempt_view(request.path_info)
        )

    @staticmethod
    def is_cacheable_response(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
        return vary <= HARMLESS_VARY

    @staticmethod
    def key(request):
        return _request_key("page", request)

    @staticmethod
    def store(request, response, cache, key, generation):
        """Store the page, gzip-compressed when worth it, and return what was stored."""
        content = response.content
        digest = hashlib.blake2b(content, digest_size=16).hexdigest()
        response["ETag"] = f'"{digest}"'
        response["Last-Modified"] = http_date()
        max_age = settings.PAGE_CACHE_BROWSER_MAX_AGE
        patch_cache_control(response, public=True, max_age=max_age, must_revalidate=True)
        patch_vary_headers(response, ["Accept-Encoding"])
        # A plain HttpResponse with the headers already checked: unpickling it on a hit costs less
        # than building a response and checking each header again.
        stored = HttpResponse(content, status=response.status_code)
        for name, value in response.items():
            stored.headers[name] = value
        if len(content) >= GZIP_MIN_BYTES:
            # Compressed once here rather than on every request: a tenth of the bytes to fetch from
            # the cache and to send to a phone. The few clients without gzip get it inflated.
            stored.content = gzip.compress(content, compresslevel=6, mtime=0)
            stored.headers["Content-Encoding"] = "gzip"
            stored.headers["Content-Length"] = str(len(stored.content))
            stored.headers["ETag"] = f'"{digest}{GZIP_ETAG_SUFFIX}"'
        try:
            cache.set(key, (generation, stored), timeout=settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.exception("Page cache: could not store a page")
        return stored

    @staticmethod
    def serve(request, response, state):
        """A stored page (a copy of its own) as this client accepts it, or a 304."""
        if response.get("Content-Encoding") == "gzip" and not ACCEPTS_GZIP.search(
            request.META.get("HTTP_ACCEPT_ENCODING", "")
        ):
            response.content = gzip.decompress(response.content)
            del response.headers["Content-Encoding"]
            response.headers["Content-Length"] = str(len(response.content))
            response.headers["ETag"] = response["ETag"].replace(f'{GZIP_ETAG_SUFFIX}"', '"')
        response["X-Page-Cache"] = state
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=_last_modified(response), response=response
        )


def _quietly(operation, *args):
    try:
        operation(*args)
    except Exception:
        logger.exception("Page cache: %s failed", operation.__name__)


def _last_modified(response):
    return parse_http_date_safe(response["Last-Modified"])
