"""schema.org data (JSON-LD) every page carries: the organisation and the breadcrumb trail."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _


def organization(request):
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "alternateName": "TEP",
        "url": request.build_absolute_uri(reverse("partnerships:home")),
        "logo": request.build_absolute_uri(static("img/logo.svg")),
        "description": _("Creates and supports UK–China sister-city and sister-school partnerships."),
    }


def breadcrumbs(request, trail):
    """trail: (name, url) pairs from the home page down to the current page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": request.build_absolute_uri(url)}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
