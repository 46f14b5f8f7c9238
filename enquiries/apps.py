from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnquiriesConfig(AppConfig):
    """ "Register for a China Partnership": the form, its review in the admin and the GDPR tools.

    No public page shows an enquiry, so unlike the content apps this one is not
    watched by the page cache.
    """

    name = "enquiries"
    verbose_name = _("Enquiries")

    def ready(self):
        # Register the system checks: a malformed ENQUIRY_RATE_LIMIT refused at start-up, and
        # (check --deploy) a privacy notice still marked "[to confirm]".
        from tep_portal import dashboard

        from . import privacy, protection  # noqa: F401
        from .dashboard import enquiry_section

        dashboard.register(enquiry_section)
