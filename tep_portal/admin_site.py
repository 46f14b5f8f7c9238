"""The admin site: its index carries each role's dashboard, and no crafted query string
can turn a list page into a server error.

Installed in place of django.contrib.admin (settings.INSTALLED_APPS names
tep_portal.apps.TepAdminConfig), so every ModelAdmin registered anywhere gets both.
"""

import logging

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import ValidationError
from django.db import DataError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import dashboard

logger = logging.getLogger(__name__)

# What a filter value the database or Python cannot take raises while the list is built or
# rendered: a year past 9999, a number past 64 bits, a NUL character, a non-numeric id.
BAD_LOOKUP_ERRORS = (ValueError, OverflowError, TypeError, ValidationError, DataError)


def bad_request(request, message):
    response = TemplateResponse(
        request,
        "admin/bad_filter.html",
        {"title": _("This list cannot be shown"), "message": message, "list_url": request.path},
        status=400,
    )
    return response.render()


def has_nul(request):
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())


class TepAdminSite(admin.AdminSite):
    site_header = "TEP Portal administration"
    site_title = "TEP Portal admin"

    def index(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "dashboard": dashboard.sections_for(request)}
        return super().index(request, extra_context)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def safe_view(request, *args, **kwargs):
            # Whatever the method: an action posted to a list builds the list from the address too.
            if has_nul(request):
                return bad_request(request, _("The address holds a character no filter can use."))
            if request.method not in ("GET", "HEAD"):
                return inner(request, *args, **kwargs)
            match = request.resolver_match
            if not (match and match.url_name and match.url_name.endswith("_changelist")):
                return inner(request, *args, **kwargs)
            # No savepoint (it would add two queries to every list): requests run in autocommit, the
            # NUL character PostgreSQL refuses is turned away above, and Django returns no rows for
            # an integer beyond the column's range; what is left fails in Python, before any query.
            try:
                response = inner(request, *args, **kwargs)
                if isinstance(response, TemplateResponse):
                    response.render()  # the list's query runs here
                return response
            except BAD_LOOKUP_ERRORS as error:
                logger.info("Admin list %s refused the filter %s: %r", request.path, request.GET.urlencode(), error)
                return bad_request(request, _("A filter value in the address is not valid: remove it and try again."))

        safe_view.__wrapped__ = inner
        return safe_view


class TepAdminConfig(AdminConfig):
    default_site = "tep_portal.admin_site.TepAdminSite"
