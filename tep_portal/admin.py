"""Admin pieces every content app shares."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class PublishActionsMixin:
    """Publish / unpublish actions for any model with an `is_published` flag."""

    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish selected items"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description=_("Unpublish selected items (make them drafts)"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, value):
        # Per object, so auto_now stamps and any cache invalidation on save run.
        changed = 0
        for obj in queryset.exclude(is_published=value):
            obj.is_published = value
            obj.save()
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d item updated.", "%(count)d items updated.", changed) % {"count": changed},
            messages.SUCCESS,
        )


# The organisation details' admin lives in its own module; imported here so autodiscovery finds it.
from . import organisation_admin  # noqa: E402, F401
