"""Staff preview of public pages.

Signed-in staff who may change a record see its public page even while it is a draft, with the
drafts that belong to it, under a banner that says what visitors do not see. Such a response is
`Cache-Control: private, no-store` and `noindex`: it is never stored by the page cache (which
already skips every request carrying a session cookie), by a proxy or by a browser, and never
shared with visitors, who still get 404 for a draft.
"""

from django.urls import reverse
from django.utils.cache import patch_cache_control

from .fragment_cache import remember


def may_preview(request, model):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active or not user.is_staff:
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


class PreviewMixin:
    """For the DetailView of a public model. get_queryset() reads `self.previewing` to include
    drafts; the context gets `preview` (is the record public? where to edit it)."""

    @property
    def previewing(self):
        if not hasattr(self, "_previewing"):
            self._previewing = may_preview(self.request, self.model)
        return self._previewing

    def get_object(self, queryset=None):
        """A visitor's lookup of a published record is made once per content generation
        (tep_portal/fragment_cache.py): the page's body is kept too, so a visit after the first
        runs no query. An unknown or unpublished slug raises 404 and keeps nothing."""
        if self.previewing:
            return super().get_object(queryset)
        lookup = super().get_object
        return remember(f"{self.model._meta.label_lower}-page-object", lambda: lookup(queryset), self.kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.previewing:
            obj, opts = self.object, self.model._meta
            context["preview"] = {
                "is_public": self.model._default_manager.published().filter(pk=obj.pk).exists(),
                "admin_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
            }
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.previewing:
            patch_cache_control(response, private=True, no_store=True)
            response["X-Robots-Tag"] = "noindex"
        return response
