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
  `page_cache_exempt = True` (the enquiry form: each visitor's own CSRF and
  form tokens; it shares the blank form through tep_portal.holes instead).
- The key is the scheme, host and full path with its query string, the language
  and a fingerprint of the code and templates, so a deploy never serves pages
  rendered by the previous release.
- Keys are bounded (only the parameters a view reads: tep_portal/page_routes.py);
  pages may be evicted, the generation never; it fails closed (README "Redis layout").
- A request routed under a SCRIPT_NAME neither reads nor stores pages.

After an edit every page is missing at once; a page is then rendered by one
request while the others asking for it wait for that render (a lock in the
shared cache), so a busy moment does not turn into sixteen identical renders.

Pages are stored gzip-compressed (once, when stored) and sent compressed to every client
that accepts it, which every browser does: a tenth of the bytes to read and to send.

Stored pages carry an ETag, but no Last-Modified and no header saying whether
they came from the cache (either tells when someone else asked for the URL); a
browser revalidating with If-None-Match gets a 304 without a body. Browsers are
told to revalidate every time (max-age=0 by default): staff edits show at once.
"""

import functools
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
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path

from . import page_routes
from .compression import accepts_gzip

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Part of every page key: a change to what an entry holds must never meet entries in the old shape.
ENTRY_FORMAT = 5

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

# How long a render may hold its lock (a crashed worker's lock expires), and how
# often requests waiting for that render look for its result.
RENDER_LOCK_SECONDS = 30
RENDER_POLL_SECONDS = 0.02


def _cache():
    """Where pages are stored: a cache that may evict them (README: Redis layout)."""
    return caches[settings.PAGE_CACHE_ALIAS]


def _state_cache():
    """Where the generation counter lives: the cache that never evicts (the rate limits' too)."""
    return caches[settings.PAGE_CACHE_STATE_ALIAS]


def enabled():
    return settings.PAGE_CACHE_ENABLED


# Generation --------------------------------------------------------------------


def bump_generation():
    """Make every stored page stale, on every app server."""
    cache = _state_cache()
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            _start_generation(cache, replace=True)
    except Exception as exc:
        # The edit itself has been saved; a cache outage must not turn it into a 500. But pages
        # stored under the old generation must not be served any more (an unpublished draft, say):
        # deleting the counter (which a full Redis still allows) stops every server from serving
        # stored pages until a new one can be written (_read then fails to start one).
        try:
            cache.delete(GENERATION_KEY)
            outcome = "deleted it: no stored page is served until it can be written again"
        except Exception:
            outcome = "nor delete it: servers that reach the cache may serve older pages for PAGE_CACHE_SECONDS"
        logger.error("Page cache: could not bump the content generation (%s), %s", type(exc).__name__, outcome)


def current_generation():
    """The content generation now; raises when it can be neither read nor started (fail closed)."""
    state = _state_cache()
    generation = state.get(GENERATION_KEY)
    return _start_generation(state) if generation is None else generation


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
        # The project's own apps (top-level folders of the repository), not installed packages.
        roots = [Path(app.path) for app in apps.get_app_configs() if Path(app.path).parent == base]
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
    """An anonymous GET/HEAD whose page may be shared with every visitor, and the page
    cache is on."""
    return enabled() and may_share(request)


def may_share(request):
    """What this request is shown may be what every visitor is shown: a GET/HEAD with no
    session or messages cookie (signed-in staff), routed by its own path."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    # A SCRIPT_NAME (from a proxy, say) routes the page by less than its URL: /partnerships/ with
    # SCRIPT_NAME /partnerships renders the home page. Never share what such a request renders.
    return request.path == request.path_info


@functools.cache
def _skipped_paths():
    languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    skipped = "|".join(re.escape(path) for path in SKIPPED_PATHS)
    return re.compile(rf"^/(?:(?:{languages})/)?(?:{skipped})(?:/|$)")


def is_skipped_path(path_info):
    """Staff pages, health checks and files: never cached, and no shared fragments either."""
    return bool(_skipped_paths().match(path_info))


def _request_key(kind, request):
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    url = request.build_absolute_uri()  # scheme and host: pages hold absolute links
    url_hash = hashlib.blake2b(url.encode(), digest_size=16).hexdigest()
    return f"pagecache:{kind}{ENTRY_FORMAT}:{code_fingerprint()}:{language}:{url_hash}"


def _read(key):
    """(the current generation, what is stored under key or None), in one round trip
    when pages and the generation share a cache. Raises when the generation cannot
    be read or started: then no stored page may be served (fail closed)."""
    state, pages = _state_cache(), _cache()
    if settings.CACHES.get(settings.PAGE_CACHE_STATE_ALIAS) == settings.CACHES.get(settings.PAGE_CACHE_ALIAS):
        found = pages.get_many([GENERATION_KEY, key])
        generation, entry = found.get(GENERATION_KEY), found.get(key)
    else:
        generation, entry = state.get(GENERATION_KEY), pages.get(key)
    if generation is None:
        generation = _start_generation(state)
    return generation, entry


def _unavailable(exc):
    # One line, no traceback: with the cache down this is said on every request.
    logger.warning("Page cache unavailable (%s); rendering the page", type(exc).__name__)


# Middleware --------------------------------------------------------------------


class PageCacheMiddleware:
    """Serves and stores whole public pages; see the module docstring.

    Sits just inside SecurityMiddleware, the project's header middleware and
    WhiteNoise, so a cached page still gets fresh security headers and CSP on
    the way out, while sessions, locale, CSRF, auth and the view are skipped.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = self.key(request)
            cache = _cache()
            generation, entry = _read(key)
        except Exception as exc:
            _unavailable(exc)
            request.content_generation = None  # and no shared fragments (tep_portal/fragment_cache.py)
            return self.get_response(request)
        request.content_generation = generation  # what the request's shared fragments are read under

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
            entry = self.wait_for_render(key, lock, generation)
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
    def wait_for_render(key, lock, generation):
        """The page another request is rendering, once stored; None when it will
        not come (not cacheable, content changed again, or taking too long)."""
        deadline = time.monotonic() + settings.PAGE_CACHE_RENDER_WAIT
        while time.monotonic() < deadline:
            time.sleep(RENDER_POLL_SECONDS)
            try:
                current, entry = _read(key)
                rendering = lock in _cache().get_many([lock])
            except Exception:
                return None
            if entry is not None and entry[0] == current:
                return entry
            if not rendering or current != generation:
                return None
        return None

    def is_cacheable_request(self, request):
        if not is_shareable_request(request) or is_skipped_path(request.path_info):
            return False
        try:
            request.get_host()
        except DisallowedHost:
            return False  # Django answers 400 and logs it (one line: tep_portal/apps.py)
        view = page_routes.routed_view(request.path_info)
        return not page_routes.is_exempt_view(view) and page_routes.has_only_page_parameters(request, view)

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
        # An ETag (a hash of the body) and no Last-Modified: the time a page was stored would tell
        # anyone when somebody else first asked for its URL (a search, say).
        response["ETag"] = f'"{digest}"'
        del response["Last-Modified"]
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
        except Exception as exc:
            logger.warning("Page cache: could not store a page (%s)", type(exc).__name__)
        return stored

    @staticmethod
    def serve(request, response, state):
        """A stored page (a copy of its own) as this client accepts it, or a 304."""
        if response.get("Content-Encoding") == "gzip" and not accepts_gzip(request):
            response.content = gzip.decompress(response.content)
            del response.headers["Content-Encoding"]
            response.headers["Content-Length"] = str(len(response.content))
            response.headers["ETag"] = response["ETag"].replace(f'{GZIP_ETAG_SUFFIX}"', '"')
        if settings.PAGE_CACHE_STATUS_HEADER:
            # For debugging only: it tells anyone whether somebody else asked for this URL lately.
            response["X-Page-Cache"] = state
        return get_conditional_response(request, etag=response["ETag"], response=response)


def _quietly(operation, *args):
    try:
        operation(*args)
    except Exception as exc:
        logger.warning("Page cache: %s failed (%s)", operation.__name__, type(exc).__name__)
