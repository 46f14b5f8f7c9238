"""Timeline events in the admin: "View on site" for drafts, and future dates made plain."""

from django.contrib import admin, messages
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class EventPublishingAdminMixin:
    """For the timeline-event admin: add "future_marker" to list_display."""

    def view_on_site(self, obj):
        # An event is shown on its partnerships' pages, where staff preview drafts too
        # (tep_portal/preview.py); the timeline lists only public events.
        partnership = obj.partnerships.order_by("-is_published", "pk").first()
        if partnership is None:
            return obj.get_absolute_url()
        return f"{partnership.get_absolute_url()}#event-{obj.pk}"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.is_future:
            self.message_user(
                request,
                gettext(
                    "“%(title)s” is dated %(date)s, in the future. Visitors will see it from that date, "
                    "not before: check the date if it has already happened."
                )
                % {"title": obj.title, "date": date_format(obj.date)},
                messages.WARNING,
            )

    @admin.display(description=_("visible from"))
    def future_marker(self, obj):
        if not obj.is_future:
            return ""
        return format_html(
            '<strong class="future-date">{}</strong>',
            gettext("Future date: not shown before %(date)s") % {"date": date_format(obj.date)},
        )
