"""Admin pieces for the whole site: the "View on site" shortcut with a permission check, and
a 403 page that looks like the admin for staff who reach a page their role does not open."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.views import defaults


def view_on_site(request, content_type_id, object_id):
    """Django's /admin/r/<content type>/<id>/ redirects to any object's public address, a
    draft's included, for anyone signed in to the admin. Here it answers only those who may
    view or change that kind of object; to anyone else it is a 404, whether or not the object
    exists."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    if model is None:
        raise Http404
    opts = model._meta
    user = request.user
    if not any(user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") for action in ("view", "change")):
        raise Http404
    return shortcut(request, content_type_id, object_id)


def permission_denied(request, exception=None):
    """403: in the admin's own look (with its navigation back) under /admin/, Django's plain page elsewhere."""
    from django.contrib import admin  # the site, configured by tep_portal/urls.py

    if request.path.startswith("/admin/") and getattr(request, "user", None) and request.user.is_staff:
        context = {**admin.site.each_context(request), "title": gettext("You do not have permission to see this page")}
        return TemplateResponse(request, "admin/403.html", context, status=403).render()
    return defaults.permission_denied(request, exception)
