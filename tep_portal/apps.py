import logging

from django.apps import AppConfig, apps
from django.conf import settings

from .log_filters import OneLineWarning


class TepPortalConfig(AppConfig):
    """The project's own app: site-wide template tags, views and the page cache."""

    name = "tep_portal"
    verbose_name = "TEP Portal"

    def ready(self):
        # Any change to what public pages show empties the shared page cache.
        from . import organisation, pagecache  # noqa: F401 - organisation registers the deploy check

        for label in settings.CONTENT_APPS:
            pagecache.watch_app(apps.get_app_config(label))
        # A request for a host not in ALLOWED_HOSTS (scanners send them all day): one line, no traceback.
        logging.getLogger("django.security.DisallowedHost").addFilter(OneLineWarning())
