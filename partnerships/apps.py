from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        from .models import Partnership
        from .stored_images import clean_up_files_of

        clean_up_files_of(Partnership)  # replaced or deleted hero images leave storage

        from tep_portal import dashboard

        from .dashboard import content_section

        dashboard.register(content_section)
