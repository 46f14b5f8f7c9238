"""RSS feed of the published timeline: /timeline/feed/."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import TimelineEvent
from .presentation import event_label

FEED_ITEMS = 50


class TimelineFeed(Feed):
    title = _("True Education Partnership: UK–China partnership timeline")
    description = _("New events in the UK–China sister-city and sister-school partnerships TEP supports.")

    def link(self):
        return reverse("partnerships:timeline")

    def items(self):
        return TimelineEvent.objects.published().newest_first()[:FEED_ITEMS]

    def item_title(self, item):
        # The date at its precision, so a year-only event does not claim 1 January.
        return event_label(item)

    def item_description(self, item):
        return item.text

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"tep-timeline-event-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(12)))

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_category_display()]
