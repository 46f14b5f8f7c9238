from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        # Any change to what public pages show empties the shared page cache.
        from tep_portal import pagecache

        pagecache.watch_app(self)
        # Registers the system check that refuses a malformed ENQUIRY_RATE_LIMIT at start-up.
        from . import enquiry_protection  # noqa: F401
