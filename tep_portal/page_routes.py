"""Which view a path routes to, and which query parameters that view reads: what
the page cache (tep_portal/pagecache.py) must know before the view runs.

A view opts out of the page cache with `page_cache_exempt = True` and names the
query parameters its page depends on in `page_cache_parameters`; a query string
with anything else (random or tracking parameters, a repeated parameter) is
rendered and not stored, so strangers cannot make new keys for the same page.
"""

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import get_language_from_path


def routed_view(path):
    """The view function or class at `path`, or None. Resolved in the path's own language, as
    the URLconf will: the page cache runs before LocaleMiddleware."""
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            view = resolve(path).func
    except Resolver404:
        return None
    return getattr(view, "view_class", view)


def is_exempt_view(view):
    """Whether the view says its pages are not to be cached (`page_cache_exempt = True`)."""
    return getattr(view, "page_cache_exempt", False)


def has_only_page_parameters(request, view):
    """Whether the query string names only parameters the view declares in
    `page_cache_parameters`, each at most once. Anything else (random or tracking
    parameters) would make a new key for the same page, without bound."""
    if not request.META.get("QUERY_STRING"):
        return True
    allowed = frozenset(getattr(view, "page_cache_parameters", ()))
    return all(name in allowed and len(values) == 1 for name, values in request.GET.lists())
