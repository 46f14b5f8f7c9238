from django.apps import AppConfig, apps
from django.conf import settings


class TepPortalConfig(AppConfig):
    """The project's own app: site-wide template tags, views and the page cache."""

    name = "tep_portal"
    verbose_name = "TEP Portal"

    def ready(self):
        # Any change to what public pages show empties the shared page cache.
        from . import organisation, pagecache  # noqa: F401 - organisation registers the deploy check

        for label in settings.CONTENT_APPS:
            pagecache.watch_app(apps.get_app_config(label))
