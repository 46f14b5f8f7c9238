"""Site-wide views and the mixin every public page uses."""

import logging

from django import db
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError, JsonResponse
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import structured_data
from .text import truncate_description

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """For the load balancer: 200 when this process can reach the database, 503 when it cannot.

    Exempt from the HTTPS redirect (SECURE_REDIRECT_EXEMPT) and never cached, so
    every probe measures this server now.
    """
    try:
        with db.connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except db.Error as exc:  # OperationalError, InterfaceError, …
        logger.error("Health check: database unavailable (%s)", type(exc).__name__)
        return JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class PublicPageMixin:
    """What base.html needs besides the content: title, description, canonical
    path, breadcrumbs and schema.org data. Views override the get_* methods."""

    page_title = ""
    meta_description = ""

    def get_page_title(self, context):
        return str(self.page_title)

    def get_meta_description(self, context):
        return str(self.meta_description)

    def get_breadcrumbs(self):
        return []

    def get_structured_data(self, context):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        title, path = self.get_page_title(context), self.request.path
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
        if page is not None and page.number > 1:
            # Each page of a list is its own page for search engines: unique title and canonical.
            title = _("%(title)s – page %(number)s of %(count)s") % {
                "title": title,
                "number": page.number,
                "count": page.paginator.num_pages,
            }
            path = f"{path}?page={page.number}"
        crumbs = self.get_breadcrumbs()
        data = [item for item in self.get_structured_data(context) if item]
        if crumbs:
            trail = [(_("Home"), reverse("partnerships:home")), *crumbs]
            data.append(structured_data.breadcrumbs(self.request, trail))
        context.update(
            page_title=title,
            meta_description=truncate_description(self.get_meta_description(context)),
            canonical_path=path,
            breadcrumbs=crumbs,
            structured_data=data,
        )
        return context


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"is_error_page": True}, request=request))


def server_error(request):
    # No request context processors and no database: either may be what failed.
    return HttpResponseServerError(loader.render_to_string("500.html"))
