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
        # Registers the system check that refuses a malformed ENQUIRY_RATE_LIMIT at start-up.
        from . import protection  # noqa: F401
