from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo content `make run` loads: the source page's facts and the sourced data, across apps."""

    name = "demo"
    verbose_name = _("Demo content")
