from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Schools")

    def ready(self):
        # Any change to what public pages show empties the shared page cache.
        from tep_portal import pagecache

        pagecache.watch_app(self)
