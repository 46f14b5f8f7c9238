"""schema.org data (JSON-LD) every page carries: the organisation and the breadcrumb trail."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _


def organization(request, organisation=None):
    """The organisation, with the details staff keep in its record (those filled in)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name if organisation else settings.SITE_NAME,
        "alternateName": "TEP",
        "url": request.build_absolute_uri(reverse("partnerships:home")),
        "logo": request.build_absolute_uri(static("img/logo.svg")),
        "description": _("Creates and supports UK–China sister-city and sister-school partnerships."),
    }
    if organisation:
        details = {
            "legalName": organisation.legal_name,
            "email": organisation.email,
            "telephone": organisation.telephone,
            "address": ", ".join(organisation.address_lines),
        }
        data.update((key, value) for key, value in details.items() if value)
        if organisation.company_number:
            data["identifier"] = {
                "@type": "PropertyValue",
                "propertyID": "UK company number",
                "value": organisation.company_number,
            }
        data["contactPoint"] = {
            "@type": "ContactPoint",
            "contactType": "enquiries",
            "url": request.build_absolute_uri(reverse("contact")),
        }
    return data


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
