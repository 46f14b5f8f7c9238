from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Schools")

    def ready(self):
        from tep_portal import dashboard

        from .dashboard import school_section

        dashboard.register(school_section)
